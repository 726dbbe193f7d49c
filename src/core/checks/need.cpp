// Rules on the need, the sourcing log, the division into lots and the sustainable goals.
#include "checks/internal.h"
#include "portfolio/spaser.h"
#include <cctype>
#include <cmath>

namespace clausier::checks {

namespace {

std::string lot_name(const Project& p, size_t i) {
    std::string n = "lot n° " + std::to_string(i + 1);
    return blank(p.lots[i].title) ? n : n + " (« " + trim(p.lots[i].title) + " »)";
}

// --- besoin ----------------------------------------------------------------------------------------------

void object_empty(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (blank(c.p.need.object)) out.push_back({});
}

void cpv_missing(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const std::string& code : c.p.need.cpv) if (!blank(code)) return;
    out.push_back({});
}

void launch_date_missing(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!parse_date(c.p.need.launch_date).valid()) out.push_back({"", {{"date", french_date(c.date)}}});
}

void value_missing(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!(c.total > 0)) out.push_back({});
}

void family_missing(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (blank(c.p.need.family)) out.push_back({});
}

void nature_family(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const Family* f = c.lib.family(c.p.need.family);
    if (f && !f->natures.empty() && !contains(f->natures, enum_name(c.p.need.nature)))
        out.push_back({"", {{"family", f->label}, {"nature", enum_name(c.p.need.nature)}}});
}

void sobriety(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (!c.p.need.need_questioned && blank(c.p.need.sobriety_note)) out.push_back({});
}

void need_localism(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const std::pair<const char*, const std::string*> fields[] = {
        {"object", &c.p.need.object}, {"description", &c.p.need.description}, {"expected_result", &c.p.need.expected_result}};
    for (const auto& [field, text] : fields) {
        std::vector<std::string> found = find_localism(*text, LocalismScope::text);
        if (!found.empty()) out.push_back({field, {{"terms", quoted_list(found)}}});
    }
}

// --- sourcing --------------------------------------------------------------------------------------------

bool digit_at(std::string_view s, size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); }

// The number written just before byte `end` of `s` ("120 000", "42,50", "15"), skipping spaces and no-break
// spaces between the number and its unit; empty when none.
std::string number_before(std::string_view s, size_t end) {
    auto space_before = [&](size_t i) -> size_t {   // length of the space ending at i, 0 if none
        if (i >= 1 && s[i - 1] == ' ') return 1;
        if (i >= 2 && s.substr(i - 2, 2) == "\xC2\xA0") return 2;
        if (i >= 3 && s.substr(i - 3, 3) == "\xE2\x80\xAF") return 3;
        return 0;
    };
    size_t i = end;
    while (size_t n = space_before(i)) i -= n;
    if (i == 0 || !digit_at(s, i - 1)) return "";
    size_t last = i, first = i;
    while (first > 0) {
        if (digit_at(s, first - 1) || ((s[first - 1] == ',' || s[first - 1] == '.') && digit_at(s, first - 2))) { --first; continue; }
        const size_t n = space_before(first);   // thousands: "120 000"
        if (n && digit_at(s, first - n - 1) && last - first >= 3) { first -= n; continue; }
        break;
    }
    return std::string(s.substr(first, last - first));
}

// Amounts and percentages tied to an offer in a sourcing note: those of a sentence that speaks of a price, a
// discount, an order or a quote, or says "HT"/"TTC" ("réduction de 15 %", "42 € HT le m²"), not "30 % de
// produits bio" or the hourly cost of an insertion calculation.
std::vector<std::string> sourcing_figures(std::string_view text, const std::vector<std::string>& offer_words) {
    std::vector<std::string> out;
    const std::vector<Token> tokens = tokenize(text);
    auto sentence_at = [&](size_t byte) {
        int sentence = 0;
        for (const Token& t : tokens) if (t.begin <= byte) sentence = t.sentence;
        return sentence;
    };
    auto offer_sentence = [&](int sentence) {
        for (const Token& t : tokens) if (t.sentence == sentence && any_word_matches(t.word, offer_words)) return true;
        return false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const bool euro = text.compare(i, 3, "\xE2\x82\xAC") == 0;
        const bool percent = text[i] == '%';
        if (!euro && !percent) continue;
        const std::string number = number_before(text, i);
        if (number.empty() || !offer_sentence(sentence_at(i))) continue;
        out.push_back(number + (euro ? "\u00A0€" : "\u00A0%"));
    }
    for (size_t i = 1; i < tokens.size(); ++i)   // "120 000 euros", "50 k€" is caught above
        if (any_word_matches(tokens[i].word, {"euro", "euros", "eur"}) && tokens[i - 1].sentence == tokens[i].sentence) {
            const std::string number = number_before(text, tokens[i].begin);
            if (!number.empty() && offer_sentence(tokens[i].sentence)) out.push_back(number + " " + tokens[i].text);
        }
    return out;
}

void sourcing_prices(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const std::vector<std::string> terms = c.terms("sourcing-interdit"), offer_words = c.terms("sourcing-offre");
    for (size_t i = 0; i < c.p.sourcing.size(); ++i) {
        const SourcingContact& s = c.p.sourcing[i];
        for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"notes", &s.notes}, {"shared", &s.shared}}) {
            std::vector<std::string> found = matched_terms(*text, terms, /*skip_negated=*/true);
            for (const std::string& figure : sourcing_figures(*text, offer_words)) {
                // "remise de 10" and "10 %" are one expression: "remise de 10 %".
                const std::string number = figure.substr(0, figure.find_first_not_of("0123456789 ,."));
                bool merged = false;
                for (std::string& term : found)
                    if (!merged && term.size() >= number.size() && term.compare(term.size() - number.size(), number.size(), number) == 0) {
                        term += figure.substr(number.size());
                        merged = true;
                    }
                if (!merged && !contains(found, figure)) found.push_back(figure);
            }
            if (!found.empty())
                out.push_back({item("sourcing", i) + "." + field,
                               {{"terms", quoted_list(found)}, {"operator", blank(s.operator_name) ? "un opérateur" : trim(s.operator_name)}}});
        }
    }
}

void sourcing_untraced(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.sourcing.size(); ++i)
        if (blank(c.p.sourcing[i].shared))
            out.push_back({item("sourcing", i) + ".shared",
                           {{"operator", blank(c.p.sourcing[i].operator_name) ? "un opérateur" : trim(c.p.sourcing[i].operator_name)}}});
}

// --- lots ------------------------------------------------------------------------------------------------

// Not dividing must rest on one of the grounds of L.2113-11 (no distinct services; division restricting
// competition or making execution technically difficult or more costly; buyer unable to coordinate): a text
// that names none of them ("x", "commodité administrative") is no justification.
// The buyer picks the ground (Project::single_lot_ground), then says how it applies: an explanation of a few
// words (« x », « commodité administrative ») explains nothing.
void single_lot(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    if (c.p.lots.size() > 1) return;
    const std::string& why = c.p.single_lot_justification;
    if (c.p.single_lot_ground == SingleLotGround::aucun)
        out.push_back({"single_lot_ground", {{"state", "aucun des motifs prévus par la loi n'est choisi"}}});
    else if (words(fold(why)).size() < size_t(number_param(r, "min_words", 6)))
        out.push_back({"", {{"state", blank(why) ? "le motif choisi n'est pas expliqué"
                                                 : "l'explication rédigée (« " + trim(why) + " ») ne dit pas en quoi le motif choisi s'applique à ce marché"}}});
}

void lot_without_value(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.lots.size() < 2) return;   // a single empty lot is "besoin-valeur-absente"
    for (size_t i = 0; i < c.p.lots.size(); ++i)
        if (!(c.p.lots[i].value > 0)) out.push_back({item("lots", i) + ".value", {{"lot", lot_name(c.p, i)}}});
}

// Split purchase: this procedure and related ones of the same family each stay under a threshold that
// their sum reaches. The highest such threshold is reported.
void split_purchase(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const std::string family = fold(trim(c.p.need.family));
    if (family.empty()) return;
    double sum = c.total, largest = c.total;
    int count = 0;
    for (const RelatedPurchase& x : c.p.related) {
        if (fold(trim(x.family)) != family || !(x.value > 0)) continue;
        sum += x.value;
        largest = std::max(largest, x.value);
        ++count;
    }
    if (count == 0) return;
    double crossed = 0;
    for (const std::string& id : strings_param(r, "thresholds")) {
        const double t = c.law.figure(id, c.p.buyer.type, c.p.need.nature, c.date);
        if (t > 0 && largest < t && sum >= t) crossed = std::max(crossed, t);
    }
    if (crossed > 0)
        out.push_back({"", {{"threshold", french_euros(crossed)}, {"sum", french_euros(sum)}, {"count", std::to_string(count)}}});
}

std::string expected_article(const RuleInfo& r, const std::string& reserved) {
    if (!r.params.contains("articles") || !r.params["articles"].is_object()) return "";
    const json& a = r.params["articles"];
    return a.contains(reserved) && a[reserved].is_string() ? a[reserved].get<std::string>() : "";
}

// Article ids written in free text ("art. L 2113-12", "L.2113-12 et R.2113-7") in the form "L.2113-12".
std::vector<std::string> cited_articles(const std::string& text) {
    const std::string s = fold(text);
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != 'l' && s[i] != 'r' && s[i] != 'd') continue;
        if (i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) continue;
        size_t j = i + 1;
        while (j < s.size() && (s[j] == '.' || s[j] == ' ')) ++j;
        size_t digits = j;
        while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
        if (digits - j != 4) continue;
        std::string id = std::string(1, char(std::toupper(static_cast<unsigned char>(s[i])))) + "." + s.substr(j, 4);
        size_t k = digits;
        while (k + 1 < s.size() && s[k] == '-' && std::isdigit(static_cast<unsigned char>(s[k + 1]))) {
            size_t e = k + 1;
            while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
            id += s.substr(k, e - k);
            k = e;
        }
        out.push_back(id);
        i = k;
    }
    return out;
}

// The reservation types and their articles live with "lots-reserve-article".
void reserved_unknown(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const RuleInfo* articles = c.rules.find("lots-reserve-article");
    for (size_t i = 0; i < c.p.lots.size(); ++i) {
        const std::string& kind = c.p.lots[i].reserved;
        if (articles && !blank(kind) && expected_article(*articles, kind).empty())
            out.push_back({item("lots", i) + ".reserved", {{"lot", lot_name(c.p, i)}, {"value", kind}}});
    }
}

void check_reserved_article(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    for (size_t i = 0; i < c.p.lots.size(); ++i) {
        const Lot& lot = c.p.lots[i];
        const std::string expected = expected_article(r, lot.reserved);
        if (expected.empty() || contains(cited_articles(lot.reserved_article), expected)) continue;
        out.push_back({item("lots", i) + ".reserved_article",
                       {{"lot", lot_name(c.p, i)}, {"expected", expected},
                        {"cited", blank(lot.reserved_article) ? "aucun article" : "« " + trim(lot.reserved_article) + " »"}}});
    }
}

// L.2113-15 lists fewer services than R.2123-1 3°: the CPV codes decide (R.2113-8), the buyer's « services
// sociaux » flag stays an override for a need the codes do not describe.
bool ess_eligible(const Project& p) {
    return p.need.nature == Nature::services && (p.need.social_services || !ess_reservable_codes(p).empty());
}

void reserved_ess_subject(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const bool eligible = ess_eligible(c.p);
    for (size_t i = 0; i < c.p.lots.size(); ++i)
        if (c.p.lots[i].reserved == "ess" && !eligible) out.push_back({item("lots", i) + ".reserved", {{"lot", lot_name(c.p, i)}}});
}

// The CPV codes name services L.2113-15 lets the buyer reserve for ESS enterprises, and no lot is reserved:
// worth proposing (advice).
void ess_possible(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const std::vector<std::string> codes = ess_reservable_codes(c.p);
    if (codes.empty()) return;
    for (const Lot& lot : c.p.lots)
        if (!blank(lot.reserved)) return;
    out.push_back({"", {{"codes", french_list(codes)}}});
}

void reserved_ess_duration(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const Need& n = c.p.need;
    const int months = n.duration_months + n.renewals * n.renewal_months;
    const double max_months = number_param(r, "max_months", 36);
    for (size_t i = 0; i < c.p.lots.size(); ++i)
        if (c.p.lots[i].reserved == "ess" && months > max_months)
            out.push_back({item("lots", i) + ".reserved",
                           {{"lot", lot_name(c.p, i)}, {"months", std::to_string(months)}, {"max", french_number(max_months)}}});
}

// --- objectifs -------------------------------------------------------------------------------------------

void no_goal(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.goals.empty()) out.push_back({});
}

std::string goal_label(const Context& c, const std::string& id) {
    const Goal* g = c.lib.goal(id);
    return g ? g->label : id;
}

bool goal_covered(const Context& c, const std::string& goal) {
    for (const auto& [chosen, clause] : c.chosen())
        // A reminder of the law (consideration: false) does not translate a goal of the buyer.
        if (clause->kind != ClauseKind::sourcing && clause->consideration && contains(clause->goals, goal)) return true;
    for (const AwardCriterion& k : c.p.criteria)
        if (const Clause* clause = c.lib.find(k.clause); clause && contains(clause->goals, goal)) return true;
    for (const Lot& lot : c.p.lots)
        if ((goal == "insertion" && lot.reserved == "insertion") || (goal == "handicap" && lot.reserved == "handicap")) return true;
    return goal == "acces-pme" && c.p.lots.size() >= 2;
}

void goal_without_clause(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    for (const std::string& goal : c.p.goals)
        if (!goal_covered(c, goal)) out.push_back({"", {{"goal", goal_label(c, goal)}}});
}

// An adopted SPASER kept by the buyer (Context::spaser) stands for the box ticked on the objectives step; a draft
// one is offered to be opened (and adopted), none to be started.
void spaser_required(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const double threshold = c.law.figure("spaser", c.p.buyer.type, c.p.need.nature, c.date);
    const bool adopted = c.p.buyer.spaser_adopted || (c.spaser && !blank(c.spaser->adopted));
    if (threshold > 0 && c.p.buyer.annual_purchases > threshold && !adopted)
        out.push_back({"", {{"annual", french_euros(c.p.buyer.annual_purchases)}, {"threshold", french_euros(threshold)}}, {},
                       c.spaser ? FindingAction::open_spaser : FindingAction::start_spaser});
}

bool commitment_matches(const Context& c, const std::string& commitment, const std::string& goal) {
    const std::string w = fold(trim(commitment));
    if (w.empty()) return false;
    std::string spaced = goal;
    for (char& ch : spaced) if (ch == '-') ch = ' ';
    const std::string label = fold(goal_label(c, goal));
    return w == goal || w.find(spaced) != std::string::npos || w.find(goal) != std::string::npos ||
           w.find(label) != std::string::npos || (w.size() >= 4 && label.find(w) != std::string::npos);
}

void spaser_alignment(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    const Buyer& b = c.p.buyer;
    if (!b.spaser_adopted || b.spaser_commitments.empty() || c.p.goals.empty()) return;
    for (const std::string& commitment : b.spaser_commitments)
        for (const std::string& goal : c.p.goals)
            if (commitment_matches(c, commitment, goal)) return;
    out.push_back({"", {{"commitments", quoted_list(b.spaser_commitments)}}});
}

// --- groupement de commandes (L.2113-6 to L.2113-8) ------------------------------------------------------

void groupement_coordinator(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.need.pooling == Pooling::groupement && blank(c.p.need.coordinator.name)) out.push_back({});
}

// Every member of a pooled purchase (groupement or central purchasing body) adds its need to the value.
void member_without_value(const Context& c, const RuleInfo&, std::vector<Hit>& out) {
    if (c.p.need.pooling == Pooling::none) return;
    for (size_t i = 0; i < c.p.need.members.size(); ++i) {
        const Member& m = c.p.need.members[i];
        if (m.value > 0) continue;
        const std::string name = blank(m.name) ? "du membre n° " + std::to_string(i + 1) : "de « " + trim(m.name) + " »";
        out.push_back({item("members", i) + ".value", {{"member", name}}});
    }
}

// --- the buyer's year -------------------------------------------------------------------------------------

// R.2196-1: the essential data of every contract from params.from_value € HT are published (DECP).
void decp_reminder(const Context& c, const RuleInfo& r, std::vector<Hit>& out) {
    const double from = number_param(r, "from_value", 40000);
    if (c.total >= from) out.push_back({"", {{"threshold", french_euros(from)}, {"value", french_euros(c.total)}}});
}

}  // namespace

std::vector<RuleEntry> need_rules() {
    return {
        {"besoin-objet-vide", object_empty},
        {"besoin-cpv-absent", cpv_missing},
        {"besoin-date-absente", launch_date_missing},
        {"besoin-valeur-absente", value_missing},
        {"besoin-famille-absente", family_missing},
        {"besoin-nature-famille", nature_family},
        {"besoin-sobriete", sobriety},
        {"localisme-besoin", need_localism},
        {"sourcing-prix-promesse", sourcing_prices},
        {"sourcing-non-trace", sourcing_untraced},
        {"lots-unique-non-justifie", single_lot},
        {"lots-valeur-nulle", lot_without_value},
        {"lots-fractionnement", split_purchase},
        {"groupement-coordonnateur-absent", groupement_coordinator},
        {"groupement-membre-sans-valeur", member_without_value},
        {"lots-reserve-type-inconnu", reserved_unknown},
        {"lots-reserve-article", check_reserved_article},
        {"lots-reserve-ess-objet", reserved_ess_subject},
        {"lots-reserve-ess-possible", ess_possible},
        {"lots-reserve-ess-duree", reserved_ess_duration},
        {"objectifs-absents", no_goal},
        {"objectifs-sans-clause", goal_without_clause},
        {"spaser-obligatoire", spaser_required},
        {"spaser-non-aligne", spaser_alignment},
        {"rappel-decp", decp_reminder},
    };
}

}  // namespace clausier::checks
