// One raw DECP record → a contract, or a record set aside. Strings from a parsed record are valid UTF-8
// (nlohmann refuses anything else, and repaired text is sanitized first). Every value that is missing, unreadable or not
// plausible gives a problem naming the field and saying, in French, what was done with it; the contract is
// kept whenever it can be identified, so that it is counted even when one of its values is not.
#include "opendata/decp_internal.h"
#include "library/cpv.h"
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <tuple>

namespace clausier::decp {

int16_t FamilyIndex::of(std::string_view cpv8) {
    if (cpv8.size() != 8) return -1;
    const uint32_t code = uint32_t(std::strtoul(std::string(cpv8).c_str(), nullptr, 10));
    const auto it = cache_.find(code);
    if (it != cache_.end()) return it->second;
    const Family* f = family_for_cpv(lib_, cpv8);
    const int16_t index = f ? int16_t(f - lib_.families.data()) : int16_t(-1);
    cache_.emplace(code, index);
    return index;
}

namespace {

std::string digits_only(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '.' && c != '-') out += c;
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_concession(const RawRecord& raw, RecordKind kind) {
    if (kind == RecordKind::concession || raw.concession_keys) return true;
    if (raw.type.text.empty() && (raw.nature.text.empty() || raw.nature.text == "Marché")) return false;
    const std::string type = fold(raw.type.text), nature = fold(raw.nature.text);
    return type.find("concession") != std::string::npos || nature.find("concession") != std::string::npos ||
           nature.find("delegation de service public") != std::string::npos;
}

class Judge {
public:
    Judge(const RawRecord& raw, const RecordContext& ctx, Judged& out) : raw_(raw), ctx_(ctx), out_(out) {}

    void run(RecordKind kind) {
        id_ = identifier_text(raw_.id);
        out_.id = id_;
        read_buyer();
        if (is_concession(raw_, kind)) {
            set_aside(kind == RecordKind::concession ? "contrat-concession" : "nature",
                      "Contrat de concession : les indicateurs portent sur les marchés publics ; enregistrement écarté.");
            return;
        }
        if (id_.empty() && out_.buyer.empty()) {
            set_aside("id", "Ni identifiant ni acheteur : l'enregistrement ne peut être rattaché à aucun marché ; écarté.");
            return;
        }
        out_.kept = true;
        report_buyer();
        if (id_.empty())
            report("id", "Identifiant absent : le marché est compté à part, sans pouvoir être rapproché de ses autres publications.");
        DecpContract& c = out_.contract;
        partnership_ = raw_.nature.text != "Marché" && fold(raw_.nature.text).find("partenariat") != std::string::npos;
        read_amount();
        read_duration();
        read_dates();
        apply_modifications();
        report_amount();
        if (c.notification.valid() && c.duration_months > 0) c.end = add_months(c.notification, c.duration_months);
        read_cpv_code();
        read_procedure_field();
        read_competition();
        c.environmental = considerations(raw_.environmental, false, "considerationsEnvironnementales");
        c.social = considerations(raw_.social, true, "considerationsSociales");
        read_place();
        out_.renewal_candidate = c.end.valid() && c.end.key() >= ctx_.today.key() && c.end.key() <= ctx_.renewal_until.key();
        if (out_.renewal_candidate) {
            out_.detail.id = id_;
            out_.detail.object = trim(raw_.object.text);
            out_.detail.holder = trim(raw_.holder);
        }
    }

private:
    void report(std::string field, const std::string& message) {
        out_.problems.push_back({std::string(ctx_.file), ctx_.position, id_, out_.buyer, std::move(field),
                                 french_typography(message), -1});
    }

    void set_aside(std::string field, const std::string& message) {
        out_.kept = false;
        report(std::move(field), message);
    }

    void read_buyer() {
        const std::string text = identifier_text(raw_.buyer);
        const std::string siret = digits_only(text);
        out_.buyer = all_digits(siret) ? siret : text;
        if (text.empty()) return;   // reported once the record is known to be kept
        if (!all_digits(siret) || (siret.size() != 14 && siret.size() != 9))
            buyer_problem_ = "Identifiant de l'acheteur « " + text + " » : un SIRET a 14 chiffres ; le filtre par acheteur ne retiendra pas ce marché.";
        else if (siret.size() == 9)
            buyer_problem_ = "Acheteur identifié par son SIREN (" + siret + ") et non par le SIRET de l'établissement : seul un filtre par SIREN le retiendra.";
    }

    void report_buyer() {
        if (out_.buyer.empty())
            report("acheteur.id", "SIRET de l'acheteur absent : le marché est compté, mais aucun filtre par acheteur ne le retiendra.");
        else if (!buyer_problem_.empty())
            report("acheteur.id", buyer_problem_);
    }

    void read_amount() {
        DecpContract& c = out_.contract;
        double amount = 0;
        amount_verdict_ = judge_amount(raw_.amount, amount);
        if (amount_verdict_ == Verdict::ok) {
            c.value = amount;
            c.value_trusted = true;
        }
        amount_read_ = amount;
    }

    // Said after the modifications, which may give the amount the publication lacked.
    void report_amount() {
        if (amount_verdict_ == Verdict::ok) return;
        const std::string what = amount_reason(amount_verdict_, raw_.amount, amount_read_);
        if (out_.contract.value_trusted)
            report("montant", "Montant initial " + what + " : le montant de la dernière modification est retenu.");
        else
            report("montant", "Montant " + what + " : le marché est compté, mais pas dans les sommes en euros.");
    }

    // Why an amount is not trusted, after the word « Montant ».
    static std::string amount_reason(Verdict v, const RawValue& raw, double amount) {
        switch (v) {
            case Verdict::too_small:
                return "de " + french_euros(amount) + " HT, invraisemblable pour un marché publié (moins de 1 000 € HT ; souvent "
                       "1 € inscrit pour un accord-cadre sans maximum, ou un montant en milliers d'euros saisi en unités)";
            case Verdict::too_large:
                return "de " + french_euros(amount) + " HT, invraisemblable (10 milliards d'euros HT ou plus ; le plus souvent des "
                       "centimes saisis comme des euros ou des chiffres en trop)";
            case Verdict::placeholder:
                return "de " + french_euros(amount) + " HT, une valeur de remplissage (rien que des 9) et non un montant";
            default: return verdict_words(v, raw, false);
        }
    }

    void read_duration() {
        int months = 0;
        const Verdict v = judge_duration(raw_.duration, partnership_, months);
        if (v == Verdict::ok) { out_.contract.duration_months = int16_t(months); return; }
        std::string words = verdict_words(v, raw_.duration, true);
        if (v == Verdict::too_large)
            words = "de " + value_text(raw_.duration) + " mois, invraisemblable (plus de " +
                    std::to_string(partnership_ ? kMaxMonthsPartnership / 12 : kMaxMonthsOrdinary / 12) +
                    " ans ; le plus souvent une durée saisie en jours)";
        report("dureeMois", "Durée " + words + " : la date de fin du marché n'est pas calculée.");
    }

    void read_dates() {
        DecpContract& c = out_.contract;
        Date d;
        const Verdict v = judge_date(raw_.notification, ctx_.today, d);
        if (v == Verdict::ok) c.notification = d;
        else
            report("dateNotification", "Date de notification " + verdict_words(v, raw_.notification, true) +
                                           " : le marché est compté, sans année de notification ni date de fin.");
        Date published;
        if (read_date(raw_.publication, published) != Verdict::ok) return;
        c.published = published;
        if (c.notification.valid() && published.key() < c.notification.key())
            report("datePublicationDonnees", "Données publiées le " + french_date(published) + ", avant la notification du " +
                                                 french_date(c.notification) +
                                                 " : l'une des deux dates est fausse ; la date de notification est retenue.");
    }

    // Modifications give the new amount and the new duration (not the difference): the latest one carrying a
    // field wins, in the order of their number, else of their date, else of the file.
    void apply_modifications() {
        DecpContract& c = out_.contract;
        struct Step {
            long number;
            int date;
            size_t position;
            const RawModification* raw;
        };
        std::vector<Step> steps;
        for (size_t i = 0; i < raw_.modifications.size(); ++i) {
            const RawModification& m = raw_.modifications[i];
            if (!m.any) continue;
            double number = 0;
            Date date;
            const bool numbered = read_number(m.id, number) == Verdict::ok;
            const bool dated = read_date(m.notified, date) == Verdict::ok;
            steps.push_back({numbered ? long(number) : LONG_MAX, dated ? date.key() : INT_MAX, i, &m});
        }
        std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
            return std::tie(a.number, a.date, a.position) < std::tie(b.number, b.date, b.position);
        });
        for (size_t k = 0; k < steps.size(); ++k) {
            const RawModification& m = *steps[k].raw;
            const std::string name = "Modification n° " + (steps[k].number != LONG_MAX ? std::to_string(steps[k].number) : std::to_string(k + 1));
            modification_amount(m, name);
            modification_duration(m, name);
            Date date;
            const Verdict v = judge_date(m.notified, ctx_.today, date);
            if (v == Verdict::ok && c.notification.valid() && date.key() < c.notification.key())
                report("modifications", name + " notifiée le " + french_date(date) + ", avant le marché lui-même (" +
                                            french_date(c.notification) + ") : l'une des deux dates est fausse ; la modification est appliquée.");
            else if (v == Verdict::in_future || v == Verdict::too_old)
                report("modifications", name + " : date " + verdict_words(v, m.notified, true) + " ; la modification est appliquée.");
            c.modifications = uint8_t(std::min<size_t>(255, c.modifications + 1));
        }
    }

    void modification_amount(const RawModification& m, const std::string& name) {
        DecpContract& c = out_.contract;
        if (!m.amount.present()) return;
        double amount = 0;
        const Verdict v = judge_amount(m.amount, amount);
        if (v != Verdict::ok) {
            report("modifications", name + " : montant " + amount_reason(v, m.amount, amount) + " ; le montant précédent est retenu.");
        } else if (c.value_trusted && amount < c.value / 2) {
            report("modifications", name + " : nouveau montant de " + french_euros(amount) + ", moins de la moitié du précédent (" +
                                        french_euros(c.value) + ") : il ressemble à la variation plutôt qu'au nouveau montant "
                                        "que le format demande ; le montant précédent est retenu.");
        } else {
            c.value = amount;
            c.value_trusted = true;
        }
    }

    void modification_duration(const RawModification& m, const std::string& name) {
        DecpContract& c = out_.contract;
        if (!m.duration.present()) return;
        int months = 0;
        const Verdict v = judge_duration(m.duration, partnership_, months);
        if (v != Verdict::ok) {
            report("modifications", name + " : durée " + verdict_words(v, m.duration, true) + " ; la durée précédente est retenue.");
        } else if (c.duration_months > 0 && months < c.duration_months / 2) {
            report("modifications", name + " : nouvelle durée de " + std::to_string(months) + " mois, moins de la moitié de la précédente (" +
                                        std::to_string(c.duration_months) + " mois) : elle ressemble à la prolongation plutôt "
                                        "qu'à la nouvelle durée que le format demande ; la durée précédente est retenue.");
        } else {
            c.duration_months = int16_t(months);
        }
    }

    void read_cpv_code() {
        bool known = false, check_ok = true;
        const std::string cpv = read_cpv(raw_.cpv, known, check_ok);
        if (cpv.empty()) {
            report("codeCPV", raw_.cpv.present() ? "Code CPV " + verdict_words(Verdict::unreadable, raw_.cpv, false) +
                                                       " : le marché n'est rattaché à aucune famille d'achat."
                                                 : "Code CPV absent : le marché n'est rattaché à aucune famille d'achat.");
            return;
        }
        if (!known)
            report("codeCPV", "Code CPV " + cpv + " inconnu de la nomenclature : la famille d'achat est déduite de ses premiers chiffres.");
        else if (!check_ok)
            report("codeCPV", "Chiffre de contrôle du code CPV « " + value_text(raw_.cpv) + " » incorrect : le code " + cpv + " est lu sans lui.");
        out_.contract.family = ctx_.families ? ctx_.families->of(cpv) : int16_t(-1);
        out_.detail.cpv = cpv;
    }

    void read_procedure_field() {
        const DecpProcedure p = read_procedure(raw_.procedure);
        out_.contract.procedure = p;
        if (p == DecpProcedure::unknown) report("procedure", "Procédure absente : le marché est compté dans « Non renseignée ».");
        else if (p == DecpProcedure::other)
            report("procedure", "Procédure « " + value_text(raw_.procedure) + " » inconnue du format : le marché est compté dans « Autre ».");
    }

    // offresRecues, attributionAvance and sousTraitanceDeclaree exist since the 2022 format: missing is
    // normal in older files and is not a problem, only unreadable values are.
    void read_competition() {
        DecpContract& c = out_.contract;
        double offers = 0;
        const Verdict v = read_number(raw_.offers, offers);
        if (v == Verdict::ok && offers >= 1 && offers <= kMaxOffers && offers == std::floor(offers)) c.offers = int16_t(offers);
        else if (v == Verdict::ok)
            report("offresRecues", "Nombre d'offres « " + value_text(raw_.offers) + " » invraisemblable (un marché attribué en a reçu au moins une, et "
                                   "rarement plus de " + std::to_string(kMaxOffers) + ") : laissé hors des indicateurs de concurrence.");
        else if (v != Verdict::missing)
            report("offresRecues", "Nombre d'offres " + verdict_words(v, raw_.offers, false) + " : laissé hors des indicateurs de concurrence.");
        c.advance = answer(raw_.advance, "attributionAvance", "l'indicateur des avances");
        c.subcontracting = answer(raw_.subcontracting, "sousTraitanceDeclaree", "l'indicateur de sous-traitance");
        if (c.subcontracting == DecpAnswer::unknown && raw_.subcontract_acts) c.subcontracting = DecpAnswer::yes;
    }

    DecpAnswer answer(const RawValue& raw, const char* field, const char* indicator) {
        bool b = false;
        const Verdict v = read_answer(raw, b);
        if (v == Verdict::ok) return b ? DecpAnswer::yes : DecpAnswer::no;
        if (v != Verdict::missing)
            report(field, std::string("Valeur ") + verdict_words(v, raw, true) + " au lieu de oui ou non : laissée hors de " + indicator + ".");
        return DecpAnswer::unknown;
    }

    // A contract has a consideration when its field lists anything other than the « pas de considération »
    // value; a missing or empty field is blank (counted apart, never as « no »).
    DecpAnswer considerations(const std::vector<std::string>& items, bool social, const char* field) {
        bool some = false, none = false;
        for (const std::string& item : items) {
            // One string may hold several values: « Clause sociale, Critère social ».
            size_t start = 0;
            while (start <= item.size()) {
                size_t end = item.find_first_of(",;|", start);
                if (end == std::string::npos) end = item.size();
                const std::string_view part = std::string_view(item).substr(start, end - start);
                switch (read_consideration(part, social)) {
                    case Consideration::blank: break;
                    case Consideration::none: none = true; break;
                    case Consideration::some: some = true; break;
                    case Consideration::unknown_value:
                        some = true;
                        report(field, "Valeur « " + trim(part) + " » inconnue du format : comptée comme une considération " +
                                          (social ? "sociale" : "environnementale") +
                                          ", puisque seule la valeur « pas de considération » signifie qu'il n'y en a pas.");
                        break;
                }
                start = end + 1;
            }
        }
        if (some && none)
            report(field, std::string("« Pas de considération ") + (social ? "sociale" : "environnementale") +
                              " » et une considération sont déclarées ensemble : le marché est compté avec la considération.");
        return some ? DecpAnswer::yes : none ? DecpAnswer::no : DecpAnswer::unknown;
    }

    void read_place() {
        const std::string code = identifier_text(raw_.place_code);
        const std::string type = raw_.place_type.kind == RawValue::Kind::string ? raw_.place_type.text : "";
        if (code.empty()) {
            report("lieuExecution", "Lieu d'exécution absent : aucun filtre par département ne retiendra ce marché.");
            return;
        }
        const std::string dep = place_departement(code, type);
        const auto wide = [&] {   // a région or a country has no département, and that is no error
            const std::string t = fold(type);
            return t.find("region") != std::string::npos || t.find("pays") != std::string::npos;
        };
        if (dep.empty() && !wide())
            report("lieuExecution", "Lieu d'exécution « " + code + " » (" + (type.empty() ? "type non précisé" : type) +
                                        ") illisible : aucun filtre par département ne retiendra ce marché.");
        std::copy_n(dep.c_str(), std::min<size_t>(dep.size() + 1, 4), out_.contract.departement);
        out_.detail.place_code = code;
        out_.detail.place_type = type;
    }

    const RawRecord& raw_;
    const RecordContext& ctx_;
    Judged& out_;
    std::string id_, buyer_problem_;
    bool partnership_ = false;
    Verdict amount_verdict_ = Verdict::missing;
    double amount_read_ = 0;
};

}  // namespace

void judge_record(const RawRecord& raw, RecordKind kind, const RecordContext& ctx, Judged& out) {
    out.kept = false;
    out.id.clear();
    out.buyer.clear();
    out.contract = DecpContract();
    out.renewal_candidate = false;
    out.detail = DecpDetail();
    out.problems.clear();
    Judge(raw, ctx, out).run(kind);
}

}  // namespace clausier::decp
