// Rules on the chosen clauses and the buyer's own requirements: the art. 35 obligations on execution
// conditions and specifications, EGalim, AGEC, insertion, and the wording of requirements (localism,
// labels and brands without « ou équivalent », turnover).
#include "checks/internal.h"
#include "law/insertion.h"
#include <cmath>

namespace clausier::checks {

namespace {

bool any_chosen(const Context& c, ClauseKind kind, Pillar pillar) {
    for (const auto& [chosen, clause] : c.chosen())
        if (considers(clause, kind, pillar)) return true;
    return false;
}

std::string clause_name(const Clause& k) { return k.id + " (« " + k.title + " »)"; }

// --- art. 35 (loi Climat et résilience) ------------------------------------------------------------------

void environmental_condition(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!any_chosen(c, ClauseKind::condition_execution, Pillar::environnemental)) out.push_back({});
}

bool social_condition_needed(const Context& c) {
    return c.procedure.eu_threshold > 0 && c.total >= c.procedure.eu_threshold &&
           !any_chosen(c, ClauseKind::condition_execution, Pillar::social);
}

bool known_exception(const Context& c) {
    for (const SocialException& e : c.law.social_exceptions)
        if (e.id == trim(c.p.social_exception)) return true;
    return false;
}

std::map<std::string, std::string> threshold_values(const Context& c) {
    return {{"value", french_euros(c.total)}, {"threshold", french_euros(c.procedure.eu_threshold)}};
}

void social_condition(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (social_condition_needed(c) && blank(c.p.social_exception) && blank(c.p.social_justification))
        out.push_back({"", threshold_values(c)});
}

void social_exception_unknown(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!social_condition_needed(c) || known_exception(c)) return;
    if (blank(c.p.social_exception) && blank(c.p.social_justification)) return;   // "art35-condition-sociale"
    std::string ids;
    for (const SocialException& e : c.law.social_exceptions) ids += (ids.empty() ? "« " : ", « ") + e.id + " »";
    auto values = threshold_values(c);
    values["exception"] = blank(c.p.social_exception) ? "aucune" : "« " + trim(c.p.social_exception) + " »";
    values["known"] = ids;
    out.push_back({"", values});
}

void social_exception_unjustified(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (social_condition_needed(c) && known_exception(c) && blank(c.p.social_justification))
        out.push_back({"", threshold_values(c)});
}

// L.2111-2: the library's sustainable specifications, or one the buyer wrote that speaks of the environment or of
// a social aim (vocabulary "specification-durable").
void sustainable_specifications(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (any_chosen(c, ClauseKind::specification, Pillar::environnemental) || any_chosen(c, ClauseKind::specification, Pillar::social)) return;
    for (const Specification& s : c.p.specifications)
        if (!matched_terms(s.title + "\n" + s.text, c.terms("specification-durable"), /*skip_negated=*/true).empty()) return;
    out.push_back({});
}

// --- chosen clauses --------------------------------------------------------------------------------------

void unknown_clause(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const ChosenClause& chosen : c.p.clauses)
        if (!c.clause(chosen)) out.push_back({clause_field(chosen), {{"clause", chosen.id.empty() ? "(sans identifiant)" : chosen.id}}});
}

void clause_out_of_date(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const auto& [chosen, k] : c.chosen()) {
        if (k->valid_on(c.date)) continue;
        const std::string period = k->valid_until.valid()
            ? "du " + french_date(k->valid_from) + " au " + french_date(k->valid_until)
            : "à partir du " + french_date(k->valid_from);
        out.push_back({clause_field(*chosen), {{"clause", clause_name(*k)}, {"period", period}, {"date", french_date(c.date)}}, k->articles});
    }
}

bool volume_variable(const Context& c, const Variable& v);

// A zero insertion volume is the fault "insertion-sans-heures" reports, with its article and a suggested volume.
bool insertion_volume_unset(const Context& c, const Clause& k, const Variable& v, const json& value) {
    return is_insertion_clause(k) && volume_variable(c, v) && value.is_number() && !(value.get<double>() > 0);
}

void clause_bad_value(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const auto& [chosen, k] : c.chosen())
        for (const auto& [name, value] : chosen->values) {
            const Variable* v = k->variable(name);
            std::string error;
            if (!v) error = "cette clause n'a pas de variable « " + name + " »";
            else if (insertion_volume_unset(c, *k, *v, value)) continue;   // one finding: "insertion-sans-heures"
            else if (!check_value(*v, value, error)) error = "« " + v->label + " » : " + error;
            else continue;
            out.push_back({clause_field(*chosen, name), {{"clause", clause_name(*k)}, {"error", error}}, k->articles});
        }
}

void clause_missing_lot(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const ChosenClause& chosen : c.p.clauses)
        if (chosen.lot > 0 && size_t(chosen.lot) > c.p.lots.size())
            out.push_back({clause_field(chosen), {{"clause", chosen.id}, {"lot", std::to_string(chosen.lot)},
                                                  {"count", std::to_string(c.p.lots.size())}}});
}

// --- wording of requirements -----------------------------------------------------------------------------

// Texts the buyer wrote as requirements: specifications, and the text values of chosen clauses.
struct Requirement {
    std::string field;
    const std::string* text;
    const Clause* clause;   // for a clause value: the clause it belongs to
    const ChosenClause* chosen;
};

std::vector<Requirement> requirements(const Context& c, bool with_titles) {
    std::vector<Requirement> out;
    for (size_t i = 0; i < c.p.specifications.size(); ++i) {
        if (with_titles) out.push_back({item("specifications", i) + ".title", &c.p.specifications[i].title, nullptr, nullptr});
        out.push_back({item("specifications", i) + ".text", &c.p.specifications[i].text, nullptr, nullptr});
    }
    for (const auto& [chosen, k] : c.chosen())
        for (const auto& [name, value] : chosen->values)
            if (value.is_string()) out.push_back({clause_field(*chosen, name), value.get_ptr<const std::string*>(), k, chosen});
    return out;
}

void requirement_localism(const Context& c, bool clause_values, std::vector<Hit>& out) {
    for (const Requirement& r : requirements(c, true)) {
        if ((r.clause != nullptr) != clause_values) continue;
        std::vector<std::string> found = find_localism(*r.text, LocalismScope::text);
        if (!found.empty()) out.push_back({r.field, {{"terms", quoted_list(found)}}});
    }
}

void specification_localism(const Context& c, const RuleInfo&, std::vector<Hit>& out) { requirement_localism(c, false, out); }
void clause_localism(const Context& c, const RuleInfo&, std::vector<Hit>& out) { requirement_localism(c, true, out); }

// Whether the word "équivalent" at `i` is refused rather than admitted: « aucun équivalent ne sera accepté »,
// « sans équivalent », « les produits équivalents sont refusés », « l'équivalent n'est pas admis ».
bool equivalent_refused(const std::vector<Token>& tokens, size_t i) {
    static const std::vector<std::string> kBefore = {"aucun", "aucune", "sans", "ni", "nul", "nulle", "pas", "jamais", "non"};
    static const std::vector<std::string> kRefusal = {"refus*", "exclu*", "rejet*", "rejete*", "interdi*", "irrecevab*",
                                                      "proscri*", "pas", "jamais", "aucun", "aucune"};
    for (size_t k = 1; k <= 3 && k <= i; ++k)
        if (tokens[i - k].sentence == tokens[i].sentence && any_word_matches(tokens[i - k].word, kBefore)) return true;
    for (size_t k = i + 1; k <= i + 6 && k < tokens.size() && tokens[k].sentence == tokens[i].sentence; ++k)
        if (any_word_matches(tokens[k].word, kRefusal)) return true;
    return false;
}

// Whether the sentence, or the next one, admits an equivalent (and does not refuse it).
bool mentions_equivalent(const std::vector<Token>& tokens, int sentence) {
    for (size_t i = 0; i < tokens.size(); ++i)
        if ((tokens[i].sentence == sentence || tokens[i].sentence == sentence + 1) && word_matches(tokens[i].word, "equivalen*") &&
            !equivalent_refused(tokens, i))
            return true;
    return false;
}

// Whether a text refuses equivalents anywhere.
bool refuses_equivalent(std::string_view text) {
    const std::vector<Token> tokens = tokenize(text);
    for (size_t i = 0; i < tokens.size(); ++i)
        if (word_matches(tokens[i].word, "equivalen*") && equivalent_refused(tokens, i)) return true;
    return false;
}

// Spans of `text` (first, last token) naming a label or a brand, kept when neither their sentence nor the
// next one admits an equivalent.
std::vector<std::string> without_equivalent(std::string_view text, const std::vector<Token>& tokens,
                                            const std::vector<std::pair<size_t, size_t>>& spans) {
    std::vector<std::string> out, seen;
    // A span inside another ("Kärcher" in "marque Kärcher") is the same name: keep the longest.
    auto inside = [&](size_t first, size_t last) {
        for (const auto& [f, l] : spans)
            if (f <= first && last <= l && (f != first || l != last)) return true;
        return false;
    };
    for (const auto& [first, last] : spans) {
        if (inside(first, last) || mentions_equivalent(tokens, tokens[first].sentence)) continue;
        std::string s = span_text(text, tokens, first, last);
        if (contains(seen, fold(s))) continue;
        seen.push_back(fold(s));
        out.push_back(s);
    }
    return out;
}

// Whether only spaces separate two tokens ("label Rouge", not "label Rouge, AOP").
bool adjacent(std::string_view text, const Token& a, const Token& b) {
    for (size_t i = a.end; i < b.begin; ++i)
        if (text[i] != ' ') return false;
    return true;
}

std::vector<std::pair<size_t, size_t>> label_spans(const Context& c, std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::pair<size_t, size_t>> spans;
    for (const TermHit& h : find_terms(tokens, c.terms("labels"))) {
        // "label Rouge", "label Bas Carbone": the name follows the word.
        size_t last = h.last;
        while (word_matches(tokens[h.first].word, "label*") && last + 1 < tokens.size() &&
               adjacent(text, tokens[last], tokens[last + 1]) && !tokens[last + 1].text.empty() &&
               tokens[last + 1].text[0] >= 'A' && tokens[last + 1].text[0] <= 'Z')
            ++last;
        spans.emplace_back(h.first, last);
    }
    for (size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].text == "AB") spans.emplace_back(i, i);   // the organic logo, written in capitals
    return spans;
}

std::vector<std::pair<size_t, size_t>> brand_spans(const Context& c, std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::pair<size_t, size_t>> spans;
    for (const TermHit& h : find_terms(tokens, c.terms("marques"))) spans.emplace_back(h.first, h.last);
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        // "de marque Xyz": the word as written without accent (not "marqué CE"), then a capitalised name.
        const std::string& w = tokens[i].text;
        const std::string& next = tokens[i + 1].text;
        bool marque = fold(w) == "marque" && w.size() == 6;   // no accent, composed or decomposed
        bool name = !next.empty() && next[0] >= 'A' && next[0] <= 'Z' && next != "CE" && next != "NF";
        if (marque && name && tokens[i + 1].sentence == tokens[i].sentence) spans.emplace_back(i, i + 1);
    }
    for (const char* sign : {"\xC2\xAE", "\xE2\x84\xA2"})   // ® ™ after a name
        for (size_t p = text.find(sign); p != std::string_view::npos; p = text.find(sign, p + 1))
            for (size_t i = tokens.size(); i-- > 0;)
                if (tokens[i].end <= p) { spans.emplace_back(i, i); break; }
    return spans;
}

void label_without_equivalent(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const Requirement& r : requirements(c, false)) {
        const std::vector<Token> tokens = tokenize(*r.text);
        std::vector<std::string> found = without_equivalent(*r.text, tokens, label_spans(c, *r.text, tokens));
        // A clause value is read inside its clause, whose text may admit the equivalent.
        if (!found.empty() && r.clause) {
            const std::string rendered = render_clause(*r.clause, r.chosen->values);
            if (fold(rendered).find("equivalen") != std::string::npos && !refuses_equivalent(rendered)) continue;
        }
        if (!found.empty()) out.push_back({r.field, {{"terms", quoted_list(found)}}});
    }
}

void brand_without_equivalent(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const Requirement& r : requirements(c, true)) {
        const std::vector<Token> tokens = tokenize(*r.text);
        std::vector<std::string> found = without_equivalent(*r.text, tokens, brand_spans(c, *r.text, tokens));
        if (!found.empty()) out.push_back({r.field, {{"terms", quoted_list(found)}}});
    }
}

void turnover(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const double ratio = c.law.figure("ca-max-ratio", c.p.buyer.type, c.p.need.nature, c.date, 2);
    const std::vector<std::string> terms = c.terms("chiffre-affaires");
    auto scan = [&](const std::string& field, const std::string& text) {
        if (matched_terms(text, terms).empty()) return;
        out.push_back({field, {{"ratio", french_number(ratio)}, {"max", french_euros(std::round(ratio * c.total))}}});
    };
    for (size_t i = 0; i < c.p.specifications.size(); ++i)
        scan(item("specifications", i) + ".text", c.p.specifications[i].title + "\n" + c.p.specifications[i].text);
}

// --- EGalim (Code rural L.230-5-1) -----------------------------------------------------------------------

// Which legal share a percent variable of an EGalim clause sets, from its name and label.
const json* share_of(const RuleInfo& r, const Variable& v) {
    if (v.type != "percent" || !r.params.contains("shares") || !r.params["shares"].is_array()) return nullptr;
    const std::vector<Token> tokens = tokenize(v.name + " " + v.label);
    for (const json& share : r.params["shares"]) {
        if (!share.is_object() || !share.contains("match") || !share["match"].is_array()) continue;
        for (const Token& t : tokens)
            for (const json& m : share["match"])
                if (m.is_string() && word_matches(t.word, m.get<std::string>())) return &share;
    }
    return nullptr;
}

bool egalim_clause(const Clause& k, const RuleInfo& shares) {
    if (!contains(k.articles, "L.230-5-1")) return false;
    for (const Variable& v : k.variables) if (share_of(shares, v)) return true;
    return false;
}

const RuleInfo* shares_rule(const Context& c) { return c.rules.find("egalim-parts-insuffisantes"); }

void egalim_missing(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (!contains(strings_param(r, "families"), c.p.need.family)) return;
    const RuleInfo* shares = shares_rule(c);
    for (const auto& [chosen, k] : c.chosen())
        if (shares && egalim_clause(*k, *shares)) return;
    out.push_back({});
}

void egalim_shares(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    for (const auto& [chosen, k] : c.chosen()) {
        if (!contains(k->articles, "L.230-5-1")) continue;
        for (const Variable& v : k->variables) {
            const json* share = share_of(r, v);
            if (!share) continue;
            const Date from = parse_date(share->value("from", std::string()));
            if (from.valid() && c.date.key() < from.key()) continue;
            double min = share->value("min", 0.0);
            const char* buyer = enum_name(c.p.buyer.type);
            if (share->contains("min_by_buyer") && (*share)["min_by_buyer"].is_object())
                min = (*share)["min_by_buyer"].value(buyer, min);
            const double value = c.number(*chosen, v);
            if (value < min)
                out.push_back({clause_field(*chosen, v.name),
                               {{"value", french_percent(value)}, {"min", french_percent(min)},
                                {"share", share->value("label", v.label)}, {"clause", clause_name(*k)}}});
        }
    }
}

// --- AGEC art. 58 ----------------------------------------------------------------------------------------

bool reuse_clause(const Context& c, const RuleInfo& r, const Clause& k) {
    for (const std::string& a : strings_param(r, "articles"))
        if (contains(k.articles, a)) return true;
    return !matched_terms(k.title + "\n" + k.text, c.terms("reemploi")).empty();
}

// params.families: family id → the natures its AGEC category covers.
bool agec_family(const RuleInfo& r, const Need& n) {
    const json& families = r.params.contains("families") ? r.params["families"] : json();
    if (!families.is_object() || !families.contains(n.family) || !families[n.family].is_array()) return false;
    for (const json& nature : families[n.family])
        if (nature.is_string() && nature.get<std::string>() == enum_name(n.nature)) return true;
    return false;
}

// The shares bind the State, local authorities and their groupings only (décret n° 2024-134): params.buyers.
bool agec_bound(const Context& c, const RuleInfo& r) {
    return agec_family(r, c.p.need) && contains(strings_param(r, "buyers"), enum_name(c.p.buyer.type));
}

void agec_missing(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (!agec_bound(c, r)) return;
    for (const auto& [chosen, k] : c.chosen())
        if (k->kind != ClauseKind::sourcing && reuse_clause(c, r, *k)) return;
    const Family* f = c.lib.family(c.p.need.family);
    out.push_back({"", {{"family", f ? f->label : c.p.need.family}}});
}

// The yearly declaration of the AGEC spend on the national open-data portal (décret n° 2024-134).
void agec_declaration(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const RuleInfo* agec = c.rules.find("agec-clause-absente");
    if (!agec || !agec_bound(c, *agec)) return;
    const Family* f = c.lib.family(c.p.need.family);
    out.push_back({"", {{"family", f ? f->label : c.p.need.family}}});
}

// --- obligations tied to a subject: a chosen clause or a specification must deal with them -----------------

// Whether a chosen clause (not sourcing guidance) cites one of params.articles or speaks of params.terms, or a
// specification of the buyer does.
bool topic_covered(const Context& c, const RuleInfo& r) {
    const std::vector<std::string> articles = strings_param(r, "articles"), terms = strings_param(r, "terms");
    for (const auto& [chosen, k] : c.chosen()) {
        if (k->kind == ClauseKind::sourcing) continue;
        for (const std::string& a : articles) if (contains(k->articles, a)) return true;
        if (!matched_terms(k->title + "\n" + k->text, terms).empty()) return true;
    }
    for (const Specification& s : c.p.specifications)
        if (!matched_terms(s.title + "\n" + s.text, terms, /*skip_negated=*/true).empty()) return true;
    return false;
}

bool in_families(const Context& c, const RuleInfo& r) { return contains(strings_param(r, "families"), c.p.need.family); }

// School catering (law/legal.h school_catering): the weekly vegetarian menu, no plastic containers.
void school_topic(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (school_catering(c.p) && !topic_covered(c, r)) out.push_back({});
}

// A family's own obligation: single-use plastics at events, accessibility of digital services.
void family_topic(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (in_families(c, r) && !topic_covered(c, r)) out.push_back({});
}

// L.2141-7-1: the optional exclusions of the loi industrie verte apply only if the RC announces them; worth
// deciding in a formalised procedure, where large firms bound by the reports are likely to bid.
// Decided once the settings say yes or no (ConsultationSettings::green_industry_exclusion).
void green_industry_exclusions(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (c.p.consultation.green_industry_exclusion != Toggle::automatique) return;
    if (c.procedure.procedure == Procedure::formalisee && !topic_covered(c, r)) out.push_back({});
}

// --- insertion -------------------------------------------------------------------------------------------

bool insertion_clause(const Clause* k) { return k && is_insertion_clause(*k); }

// An hours variable that states the insertion volume (not training hours per person, not hours per tranche).
bool volume_variable(const Context& c, const Variable& v) {
    if (v.type != "hours") return false;
    const std::vector<Token> tokens = tokenize(v.name + " " + v.label);
    bool volume = false, excluded = false;
    for (const Token& t : tokens) {
        volume = volume || any_word_matches(t.word, c.terms("insertion-volume"));
        excluded = excluded || any_word_matches(t.word, c.terms("insertion-volume-exclu"));
    }
    return volume && !excluded;
}

struct Quantities {
    bool has_volume_variable = false, volume_set = false, other_quantity = false;
};

Quantities quantities(const Context& c, const ChosenClause& chosen, const Clause& k) {
    Quantities q;
    for (const Variable& v : k.variables) {
        const double x = c.number(chosen, v);
        if (volume_variable(c, v)) {
            q.has_volume_variable = true;
            // A value that is not a number is "clauses-valeur-invalide": one finding for one fault.
            q.volume_set = q.volume_set || x > 0 || !c.value(chosen, v).is_number();
        } else if ((v.type == "percent" || v.type == "integer" || v.type == "hours") && x > 0) {
            q.other_quantity = true;
        }
    }
    return q;
}

InsertionEstimate estimate(const Context& c, const ChosenClause& chosen) { return estimate_project_insertion(c.p, chosen.lot); }

std::string suggestion(const InsertionEstimate& e) {
    return e.valid ? "environ " + french_number(double(e.rounded_hours), 0) + " heures (" + french_percent(e.rate) +
                         " des heures de main-d'œuvre estimées)"
                   : "un volume calculé avec le facilitateur";
}

void insertion_no_hours(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const auto& [chosen, k] : c.chosen()) {
        if (!insertion_clause(k)) continue;
        const Quantities q = quantities(c, *chosen, *k);
        if ((q.has_volume_variable && !q.volume_set) || (!q.has_volume_variable && !q.other_quantity))
            out.push_back({clause_field(*chosen), {{"clause", clause_name(*k)}, {"suggested", suggestion(estimate(c, *chosen))}}});
    }
}

void insertion_share_only(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const auto& [chosen, k] : c.chosen()) {
        if (!insertion_clause(k)) continue;
        const Quantities q = quantities(c, *chosen, *k);
        if (!q.has_volume_variable && q.other_quantity)
            out.push_back({clause_field(*chosen), {{"clause", clause_name(*k)}, {"suggested", suggestion(estimate(c, *chosen))}}});
    }
}

void insertion_no_facilitator(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!blank(c.p.insertion.facilitator)) return;
    for (const auto& [chosen, k] : c.chosen())
        if (insertion_clause(k)) { out.push_back({"", {{"clause", clause_name(*k)}}}); return; }
}

void insertion_out_of_proportion(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const double low = number_param(r, "min_rate", 2), high = number_param(r, "max_rate", 20);
    for (const auto& [chosen, k] : c.chosen()) {
        if (!insertion_clause(k)) continue;
        const InsertionEstimate e = estimate(c, *chosen);
        if (!e.valid || !(e.labour_hours > 0)) continue;
        for (const Variable& v : k->variables) {
            const double hours = c.number(*chosen, v);
            if (!volume_variable(c, v) || !(hours > 0)) continue;
            const double ratio = hours / e.labour_hours * 100.0;
            if (ratio >= low && ratio <= high) continue;
            out.push_back({clause_field(*chosen, v.name),
                           {{"clause", clause_name(*k)}, {"hours", french_number(hours, 0)},
                            {"ratio", french_percent(std::round(ratio * 10) / 10)},
                            {"labour_hours", french_number(std::round(e.labour_hours), 0)},
                            {"suggested", suggestion(e)}, {"min", french_percent(low)}, {"max", french_percent(high)}}});
        }
    }
}

}  // namespace

std::vector<RuleEntry> clause_rules() {
    return {
        {"art35-condition-environnementale", environmental_condition},
        {"art35-condition-sociale", social_condition},
        {"art35-exception-sociale-inconnue", social_exception_unknown},
        {"art35-exception-sociale-non-motivee", social_exception_unjustified},
        {"art35-specifications-durables", sustainable_specifications},
        {"clauses-inconnue", unknown_clause},
        {"clauses-hors-validite", clause_out_of_date},
        {"clauses-valeur-invalide", clause_bad_value},
        {"clauses-lot-inexistant", clause_missing_lot},
        {"localisme-specification", specification_localism},
        {"localisme-clause", clause_localism},
        {"label-sans-equivalent", label_without_equivalent},
        {"marque-sans-equivalent", brand_without_equivalent},
        {"chiffre-affaires", turnover},
        {"egalim-clause-absente", egalim_missing},
        {"egalim-parts-insuffisantes", egalim_shares},
        {"agec-clause-absente", agec_missing},
        {"rappel-agec-declaration", agec_declaration},
        {"egalim-menu-vegetarien", school_topic},
        {"restauration-scolaire-plastique", school_topic},
        {"evenement-plastique-usage-unique", family_topic},
        {"numerique-accessibilite", family_topic},
        {"exclusions-industrie-verte", green_industry_exclusions},
        {"insertion-sans-heures", insertion_no_hours},
        {"insertion-volume-non-chiffre", insertion_share_only},
        {"insertion-sans-facilitateur", insertion_no_facilitator},
        {"insertion-heures-disproportionnees", insertion_out_of_proportion},
    };
}

}  // namespace clausier::checks
