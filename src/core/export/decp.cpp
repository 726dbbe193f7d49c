// The essential data of an awarded project (DECP, arrêté du 22 décembre 2022 modifié), one record per lot
// notified, valid against ../shared/reference/decp/schema_decp_v2.0.3.json. The considerations come from
// portfolio/considerations.h, the derivation `clausier portfolio` uses. What the schema needs and the project
// lacks is named in one French sentence (decp_missing) instead of a record a portal would refuse.
#include "export/writers.h"
#include "base/text.h"
#include "portfolio/considerations.h"
#include "project/consultation.h"
#include <cmath>
#include <cstdio>

namespace clausier {

namespace {

using ojson = nlohmann::ordered_json;

const char* decp_procedure(Procedure p) {
    switch (p) {
        case Procedure::sans_publicite: return "Marché passé sans publicité ni mise en concurrence préalable";
        case Procedure::adaptee: return "Procédure adaptée";
        default: return "Appel d'offres ouvert";
    }
}

// The CCAG the contract refers to, from its nature and family (the project names no other).
// DECP ccag and formePrix from the consultation settings as resolved (project/consultation.h decides the CCAG
// and the price form once, for the CCAP and for this record).
const char* decp_ccag(Ccag c) {
    switch (c) {
    case Ccag::travaux: return "Travaux";
    case Ccag::moe: return "Maitrise d'œuvre";
    case Ccag::mi: return "Marchés industriels";
    case Ccag::pi: return "Prestations intellectuelles";
    case Ccag::tic: return "Techniques de l'information et de la communication";
    case Ccag::aucun: return "Pas de CCAG";
    default: return "Fournitures courantes et services";
    }
}

const char* decp_price_form(PriceForm f) {
    return f == PriceForm::unitaire ? "Unitaire" : f == PriceForm::mixte ? "Mixte" : "Forfaitaire";
}

// "lot 2", or "marché" for a contract not divided into lots, to follow « du » or « pour le ».
std::string decp_lot_label(const Project& p, int lot) {
    return p.lots.size() > 1 ? "lot " + std::to_string(lot) : "marché";
}

// Euros as the schema wants a number: whole amounts without ".0", cents kept.
ojson euros(double v) {
    const double cents = std::round(v * 100) / 100;
    if (cents == std::floor(cents) && std::fabs(cents) < 9e15) return static_cast<long long>(cents);
    return cents;
}

// The buyer's contract number, or one made from the project: notification year, a hash of the object, the lot.
std::string contract_id(const Project& p, const LotAward& a) {
    if (!trim(a.contract_id).empty()) return trim(a.contract_id);
    uint32_t h = 2166136261u;   // FNV-1a, 32 bits: the same project always gives the same number
    for (char c : p.need.object + "|" + p.title) { h ^= (unsigned char)c; h *= 16777619u; }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%.4s%08X%d", a.notification_date.c_str(), h, a.lot);
    return std::string(buf).substr(0, 16);
}

// Cut to at most `max` bytes without splitting a UTF-8 character (the schema counts characters: bytes are more).
std::string cut_utf8(std::string s, size_t max) {
    if (s.size() <= max) return s;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

std::string cpv8(const Project& p) {
    if (p.need.cpv.empty()) return "";
    std::string digits;
    for (char c : p.need.cpv[0]) if (c >= '0' && c <= '9') digits += c;
    return digits.size() >= 8 ? digits.substr(0, 8) : "";
}

ojson record(const Project& p, const ProcedureResult& procedure, const ResolvedSettings& settings, const Library& lib,
             const LotAward& a) {
    const Considerations c = project_considerations(p, lib, p.lots.size() > 1 ? a.lot : 0);
    std::string object = trim(p.need.object);
    if (p.lots.size() > 1 && size_t(a.lot) <= p.lots.size())
        object += " — lot " + std::to_string(a.lot) + " : " + trim(p.lots[a.lot - 1].title);
    ojson holders = ojson::array();
    for (const Holder& h : a.holders)
        holders.push_back({{"titulaire", {{"typeIdentifiant", "SIRET"}, {"id", siret_digits(h.siret)}}}});
    ojson r;
    r["id"] = contract_id(p, a);
    r["acheteur"] = {{"id", siret_digits(p.consultation.buyer_siret)}};
    r["nature"] = "Marché";
    r["objet"] = cut_utf8(one_line(object), 1000);
    r["codeCPV"] = cpv8(p);
    r["techniques"] = {{"technique", {"Sans objet"}}};
    r["modalitesExecution"] = {{"modaliteExecution", {"Sans objet"}}};
    r["marcheInnovant"] = false;
    r["ccag"] = decp_ccag(settings.s.ccag);
    r["offresRecues"] = a.offers;
    r["attributionAvance"] = a.advance;
    if (a.advance) r["tauxAvance"] = std::round(a.advance_rate * 10) / 1000;
    r["typeGroupementOperateurs"] = enum_label(a.group);
    r["procedure"] = decp_procedure(procedure.procedure);
    r["lieuExecution"] = {{"code", trim(p.award.place_code)}, {"typeCode", enum_label(p.award.place_type)}};
    r["dureeMois"] = p.need.duration_months + p.need.renewals * p.need.renewal_months;
    r["dateNotification"] = a.notification_date;
    r["datePublicationDonnees"] = a.notification_date;
    r["montant"] = euros(a.amount);
    r["typesPrix"] = {{"typePrix", {settings.s.revision == PriceRevision::revisables ? "Définitif révisable" : "Définitif ferme"}}};
    r["formePrix"] = decp_price_form(settings.s.price_form);
    r["sousTraitanceDeclaree"] = a.subcontracting;
    r["titulaires"] = holders;
    r["considerationsSociales"] = {{"considerationSociale", decp_social(c)}};
    r["considerationsEnvironnementales"] = {{"considerationEnvironnementale", decp_environmental(c)}};
    return r;
}

void lot_missing(const Project& p, const LotAward& a, std::vector<std::string>& out) {
    const std::string of = "du " + decp_lot_label(p, a.lot);
    if (!parse_date(a.notification_date).valid()) out.push_back("une date de notification " + of + " au format AAAA-MM-JJ");
    if (!p.lots.empty() && size_t(a.lot) > p.lots.size()) out.push_back("un lot existant (le lot " + std::to_string(a.lot) + " n'existe pas)");
    if (a.holders.empty()) out.push_back("le titulaire " + of);
    for (const Holder& h : a.holders)
        if (const std::string why = siret_problem(h.siret); !why.empty())
            out.push_back("un SIRET valide pour le titulaire « " + trim(h.name) + " » " + of + " (" + why + ")");
    if (a.holders.size() > 1 && a.group == OperatorGroup::aucun) out.push_back("le type de groupement (conjoint ou solidaire) " + of);
    if (!(a.amount >= 1)) out.push_back("le montant " + of);
    if (a.offers < 1) out.push_back("le nombre d'offres reçues pour le " + decp_lot_label(p, a.lot));
    if (trim(a.contract_id).size() > 16) out.push_back("un numéro " + of + " d'au plus 16 caractères");
}

}  // namespace

std::string decp_missing(const Project& p) {
    std::vector<std::string> missing;
    bool any = false;
    for (const LotAward& a : p.award.lots) {
        if (trim(a.notification_date).empty()) continue;
        any = true;
        lot_missing(p, a, missing);
    }
    if (!any)
        return "Les données essentielles (DECP) ne peuvent être produites qu'après l'attribution : enregistrez la date "
               "de notification, le titulaire, le montant et le nombre d'offres d'au moins un lot.";
    if (const std::string why = siret_problem(p.consultation.buyer_siret); !why.empty())
        missing.insert(missing.begin(), "le SIRET de l'acheteur (" + why + ")");
    if (cpv8(p).empty()) missing.push_back("le code CPV principal du besoin");
    if (trim(p.award.place_code).empty()) missing.push_back("le lieu d'exécution (code postal ou code INSEE)");
    if (missing.empty()) return "";
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i)
        list += (i == 0 ? "" : i + 1 == missing.size() ? " et " : ", ") + missing[i];
    return "Les données essentielles (DECP) ne peuvent pas encore être produites : il manque " + list + ".";
}

std::string write_decp(const Project& p, const ProcedureResult& procedure, const Library& lib) {
    if (!decp_missing(p).empty()) return "";
    const ResolvedSettings settings = resolve_settings(p, procedure);
    ojson marches = ojson::array();
    for (const LotAward& a : p.award.lots)
        if (!trim(a.notification_date).empty()) marches.push_back(record(p, procedure, settings, lib, a));
    const ojson doc = {{"marches", {{"marche", marches}}}};
    return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

}  // namespace clausier
