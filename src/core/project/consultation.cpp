#include "project/consultation.h"
#include "base/bundle.h"
#include "base/number.h"
#include "base/text.h"
#include <algorithm>

namespace clausier {

namespace {

// data/legal/consultation.json, parsed once (an absent or broken file gives an empty object: every lookup
// below then falls back to the figure of DOMAIN.md §3b).
const json& table() {
    static const json t = [] {
        const std::string_view text = bundle_file("data/legal/consultation.json");
        json j = json::parse(text.begin(), text.end(), nullptr, false);
        return j.is_object() ? j : json::object();
    }();
    return t;
}

double figure(const char* group, const char* key, double fallback) {
    const json& g = table().value(group, json::object());
    return g.contains(key) && g[key].is_number() ? g[key].get<double>() : fallback;
}

bool family_in(const char* group, const std::string& family) {
    const json& g = table().value(group, json::object());
    if (!g.contains("families") || !g["families"].is_array()) return false;
    for (const json& f : g["families"]) if (f.is_string() && f.get<std::string>() == family) return true;
    return false;
}

Ccag default_ccag(const Project& p, std::string& why) {
    const json& byf = table().value("ccag_by_family", json::object());
    Ccag c = p.need.nature == Nature::travaux ? Ccag::travaux : Ccag::fcs;
    if (byf.contains(p.need.family) && byf[p.need.family].is_string() && parse_enum(byf[p.need.family].get<std::string>(), c)) {
        why = std::string(ccag_short(c)) + " : le CCAG adapté à la famille d'achat retenue.";
        return c;
    }
    why = std::string(ccag_short(c)) + (p.need.nature == Nature::travaux ? " : le CCAG des marchés de travaux."
                                                                         : " : le CCAG des fournitures courantes et des services.");
    return c;
}

ProcedureForm default_procedure(const ProcedureResult& r, std::string& why) {
    switch (r.procedure) {
        case Procedure::formalisee:
            why = "La valeur estimée atteint le seuil européen : appel d'offres ouvert, la procédure formalisée la plus courante.";
            return ProcedureForm::appel_offres_ouvert;
        case Procedure::adaptee:
            why = "Sous le seuil européen : procédure adaptée ; la négociation n'est possible que si le RC la prévoit.";
            return ProcedureForm::adaptee_ouverte;
        default:
            why = "Sous le seuil de dispense (R.2122-8) : ni publicité ni mise en concurrence obligatoires.";
            return ProcedureForm::sans_publicite;
    }
}

}  // namespace

Ccag applied_ccag(const Project& p) {
    std::string why;
    return p.consultation.ccag == Ccag::automatique ? default_ccag(p, why) : p.consultation.ccag;
}

int legal_payment_days(BuyerType buyer) {
    const json& g = table().value("payment_days_by_buyer", json::object());
    const char* name = enum_name(buyer);
    if (g.contains(name) && g[name].is_number()) return g[name].get<int>();
    return buyer == BuyerType::etablissement_sante ? 50 : buyer == BuyerType::entite_adjudicatrice ? 60 : 30;
}

const char* ccag_short(Ccag c) {
    switch (c) {
        case Ccag::fcs: return "CCAG-FCS";
        case Ccag::travaux: return "CCAG-Travaux";
        case Ccag::tic: return "CCAG-TIC";
        case Ccag::pi: return "CCAG-PI";
        case Ccag::mi: return "CCAG-MI";
        case Ccag::moe: return "CCAG-MOE";
        default: return "";
    }
}

const char* ccag_penalty_article(Ccag c) {
    switch (c) {
        case Ccag::fcs: case Ccag::tic: case Ccag::pi: return "14";   // DAJ, fiche « Les pénalités »
        case Ccag::mi: return "15";
        case Ccag::travaux: return "19";
        default: return "";
    }
}

const char* schedule_short(PriceSchedule s) {
    switch (s) {
        case PriceSchedule::bpu: return "BPU";
        case PriceSchedule::dqe: return "DQE";
        case PriceSchedule::dpgf: return "DPGF";
        default: return "";
    }
}

PriceSchedule schedule_for(PriceForm form) { return form == PriceForm::unitaire ? PriceSchedule::dqe : PriceSchedule::dpgf; }

bool schedule_fits(PriceSchedule schedule, PriceForm form) {
    switch (form) {
        case PriceForm::unitaire: return schedule == PriceSchedule::bpu || schedule == PriceSchedule::dqe;
        case PriceForm::forfaitaire: return schedule == PriceSchedule::dpgf;
        default: return true;
    }
}

int days_between(const Date& from, const Date& to) {
    if (!from.valid() || !to.valid()) return 0;
    // Days from the civil date (Howard Hinnant's days_from_civil).
    auto days = [](const Date& d) {
        const int y = d.year - (d.month <= 2);
        const int era = (y >= 0 ? y : y - 399) / 400;
        const int yoe = y - era * 400;
        const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
        const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe;
    };
    return days(to) - days(from);
}

ResolvedSettings resolve_settings(const Project& p, const ProcedureResult& procedure) {
    ResolvedSettings r;
    r.s = p.consultation;
    ConsultationSettings& s = r.s;
    auto& why = r.why;
    const std::string& family = p.need.family;
    const double total = total_estimated_value(p);
    const int months = p.need.duration_months + p.need.renewals * p.need.renewal_months;

    if (s.procedure == ProcedureForm::automatique) s.procedure = default_procedure(procedure, why["procedure"]);
    else why["procedure"] = "Procédure choisie par l'acheteur.";
    r.framework = s.contract != ContractForm::ordinaire;
    why["contract"] = r.framework ? "Accord-cadre : il fixe un maximum en valeur ou en quantité (R.2162-4)."
                                  : "Marché ordinaire : les prestations sont définies et commandées dès la notification.";

    if (s.price_form == PriceForm::automatique) {
        s.price_form = s.contract == ContractForm::accord_cadre_bons ? PriceForm::unitaire : PriceForm::forfaitaire;
        why["price_form"] = s.price_form == PriceForm::unitaire
                                ? "Prix unitaires : chaque bon de commande est payé selon les quantités réellement commandées."
                                : "Prix global et forfaitaire : les prestations sont connues et payées pour leur ensemble.";
    }
    if (s.schedule == PriceSchedule::automatique) {
        s.schedule = schedule_for(s.price_form);
        why["schedule"] = s.schedule == PriceSchedule::dqe
                              ? "DQE : les prix unitaires appliqués aux quantités estimées donnent le montant noté au critère prix."
                              : "DPGF : la décomposition du forfait donne le montant noté au critère prix.";
    }
    for (size_t i = 0; i < std::max<size_t>(p.lots.size(), 1); ++i) {
        const PriceForm own = i < p.lots.size() ? p.lots[i].price_form : PriceForm::automatique;
        const PriceForm form = own == PriceForm::automatique ? s.price_form : own;
        r.lot_price_forms.push_back(form);
        // The consultation's schedule holds for the lots priced its way; a lot priced otherwise gets its own.
        r.lot_schedules.push_back(form == s.price_form ? s.schedule : schedule_for(form));
        r.price_forms_differ = r.price_forms_differ || form != r.lot_price_forms.front();
    }

    r.revision_compulsory = family_in("revision_families", family) &&
                            months > int(figure("revision_families", "min_months", 3));
    if (s.revision == PriceRevision::automatique) {
        s.revision = r.revision_compulsory ? PriceRevision::revisables : PriceRevision::fermes;
        why["revision"] = r.revision_compulsory ? "Révision obligatoire : achat exposé aux variations du coût des matières premières, "
                                                  "durée de plus de trois mois (R.2112-13, R.2112-14)."
                                                : months > 12 ? "Prix fermes possibles ; sur plus d'un an, des prix révisables "
                                                                "protègent le titulaire et attirent davantage d'offres."
                                                              : "Prix fermes : marché court, hors famille exposée aux matières premières.";
    }

    if (s.ccag == Ccag::automatique) s.ccag = default_ccag(p, why["ccag"]);

    r.payment_days = p.payment_days;
    r.legal_payment_days = legal_payment_days(p.buyer.type);
    why["payment_days"] = "Délai maximal pour ce type d'acheteur : " + std::to_string(r.legal_payment_days) +
                          " jours (R.2192-10, R.2192-11).";

    r.advance_percent = p.advance_percent;
    r.advance_compulsory = total > figure("advance", "compulsory_from_value", 50000) &&
                           months > int(figure("advance", "compulsory_from_months", 2));
    if (s.sme_advance_percent < 0) {
        const bool large = p.buyer.annual_purchases > figure("advance", "large_buyer_spend", 60e6);
        if (p.buyer.type == BuyerType::etat || s.ccag != Ccag::aucun) {
            s.sme_advance_percent = figure("advance", "sme_percent_state_or_ccag", 30);
            why["sme_advance_percent"] = "30 % pour les PME : marchés de l'État et CCAG de 2021, article 11 (R.2191-7).";
        } else if (large) {
            s.sme_advance_percent = figure("advance", "sme_percent_large_local", 10);
            why["sme_advance_percent"] = "10 % au moins pour les PME d'un acheteur local de plus de 60 M€ de dépenses (R.2191-7).";
        } else {
            s.sme_advance_percent = std::max(p.advance_percent, 0.0);
            why["sme_advance_percent"] = "Le taux général s'applique aussi aux PME.";
        }
    }

    const bool large_buyer = p.buyer.type == BuyerType::etat || p.buyer.annual_purchases > figure("advance", "large_buyer_spend", 60e6);
    r.guarantee_max_sme = large_buyer ? figure("guarantee", "sme_max_percent", 3) : figure("guarantee", "max_percent", 5);
    if (s.guarantee == Guarantee::automatique) {
        bool usual = false;
        const json& natures = table().value("guarantee", json::object()).value("default_natures", json::array());
        for (const json& n : natures) usual = usual || (n.is_string() && n.get<std::string>() == enum_name(p.need.nature));
        s.guarantee = usual ? Guarantee::premiere_demande : Guarantee::aucune;
        why["guarantee"] = usual ? "Travaux : une retenue de garantie couvre les réserves à la réception ; une garantie à "
                                   "première demande peut la remplacer (R.2191-36)."
                                 : "Pas de retenue de garantie : elle pèse sur la trésorerie des petites entreprises.";
    }
    if (s.guarantee_percent < 0) s.guarantee_percent = figure("guarantee", "max_percent", 5);
    why["guarantee_percent"] = "Au plus 5 % du montant initial, et " + french_percent(r.guarantee_max_sme) +
                               " au plus pour une PME avec cet acheteur (R.2191-33).";

    if (s.staff_takeover == Toggle::automatique) {
        s.staff_takeover = family_in("staff_takeover_families", family) ? Toggle::oui : Toggle::non;
        why["staff_takeover"] = s.staff_takeover == Toggle::oui
                                    ? "La convention collective de la branche impose la reprise du personnel affecté au marché."
                                    : "Aucune convention collective de reprise du personnel connue pour cette famille.";
    }
    if (s.personal_data == Toggle::automatique) {
        s.personal_data = family_in("personal_data_families", family) ? Toggle::oui : Toggle::non;
        why["personal_data"] = s.personal_data == Toggle::oui
                                   ? "Le titulaire traite en général des données personnelles pour l'acheteur (RGPD, art. 28)."
                                   : "Le titulaire ne traite en principe pas de données personnelles pour l'acheteur.";
    }
    if (s.ip == IpOption::automatique) {
        s.ip = IpOption::concession;
        why["ip"] = "Concession des droits d'utilisation des résultats, régime par défaut des CCAG-PI et TIC (option A).";
    }

    r.publication = parse_date(s.publication_date);
    r.deadline = parse_date(s.tender_deadline);
    r.minimum_days = s.procedure == ProcedureForm::appel_offres_ouvert ? int(figure("minimum_days", "appel_offres_ouvert", 30))
                     : s.procedure == ProcedureForm::appel_offres_restreint ? int(figure("minimum_days", "appel_offres_restreint", 30))
                                                                             : 0;
    r.advised_days = r.minimum_days ? 0 : int(figure("minimum_days", "adaptee_conseil", 15));
    why["tender_deadline"] = r.minimum_days ? "Au moins " + std::to_string(r.minimum_days) + " jours après l'envoi de l'avis, "
                                              "offres électroniques (R.2161-2, R.2161-3)."
                                            : "Un délai raisonnable adapté à l'achat ; " + std::to_string(r.advised_days) +
                                                  " jours au moins en pratique.";
    return r;
}

std::string staff_takeover_basis(const Project& p) {
    const json& g = table().value("staff_takeover_families", json::object());
    const json& byf = g.value("basis", json::object());
    if (byf.contains(p.need.family) && byf[p.need.family].is_string()) return byf[p.need.family].get<std::string>();
    return g.value("default_basis", std::string("article L.1224-1 du code du travail"));
}

}  // namespace clausier
