#include "library/library.h"
#include "base/bundle.h"
#include "library/names.h"
#include <algorithm>
#include <cmath>
#include <dirent.h>
#include <fstream>
#include <set>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace clausier {

namespace {

const EnumName<Pillar> kPillars[] = {{Pillar::environnemental, "environnemental", "Environnemental"},
                                     {Pillar::social, "social", "Social"},
                                     {Pillar::economique, "economique", "Économique et accès des PME"}};
const EnumName<ClauseKind> kKinds[] = {
    {ClauseKind::specification, "specification", "Spécification technique"},
    {ClauseKind::condition_execution, "condition-execution", "Condition d'exécution"},
    {ClauseKind::critere, "critere", "Critère d'attribution"},
    {ClauseKind::selection, "selection", "Sélection des candidatures"},
    {ClauseKind::reservation, "reservation", "Marché ou lot réservé"},
    {ClauseKind::sourcing, "sourcing", "Conseil de sourcing"},
    {ClauseKind::clause_financiere, "clause-financiere", "Clause financière du CCAP"},
    {ClauseKind::organisation, "organisation", "Organisation de la consultation"}};
const EnumName<Level> kLevels[] = {
    {Level::essentiel, "essentiel", "Essentiel"}, {Level::avance, "avance", "Avancé"}, {Level::exemplaire, "exemplaire", "Exemplaire"}};
const char* const kNatureNames[] = {"fournitures", "services", "travaux"};
const char* const kDocuments[] = {"RC", "CCAP", "CCTP", "AE"};
const char* const kVarTypes[] = {"percent", "integer", "euros", "hours", "date", "choice", "text"};
// Reservation grounds: disability (L.2113-12), insertion (L.2113-13), detainees (L.2113-13-1), social
// economy for certain services (L.2113-15). The first two take their 50 % share from R.2113-7.
const char* const kReservationArticles[] = {"L.2113-12", "L.2113-13", "L.2113-13-1", "L.2113-15"};
const char* const kSharedReservationArticles[] = {"L.2113-12", "L.2113-13"};

template <size_t N>
bool one_of(const std::string& s, const char* const (&set)[N]) {
    for (const char* v : set) if (s == v) return true;
    return false;
}

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A number field, 0 when absent or of another type (json::value would throw on a wrong type).
double number_field(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

// --- drafting rules of the legal review (issue 12, point 8; clauses/README.md) ------------------------------
// Each rule looks at one loaded clause and returns French messages. A clause that breaks one stays in the
// library (see LibraryProblem::structural); `library check` lists it and fails.

// The sentences of a text, folded, as tokens: ASCII words and numbers, and {{placeholders}} kept whole.
// A sentence ends at a line break, « ! », « ? » or a full stop followed by a space (so "R.2113-7" stays whole).
std::vector<std::vector<std::string>> sentences(std::string_view text) {
    const std::string f = fold(text);
    std::vector<std::vector<std::string>> out(1);
    std::string word;
    auto flush = [&] { if (!word.empty()) out.back().push_back(word); word.clear(); };
    for (size_t i = 0; i < f.size(); ++i) {
        const char ch = f[i];
        if (ch == '{' && f.compare(i, 2, "{{") == 0) {
            const size_t end = f.find("}}", i);
            if (end != std::string::npos) { flush(); out.back().push_back(f.substr(i, end + 2 - i)); i = end + 1; continue; }
        }
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_') { word += ch; continue; }
        flush();
        const bool stop = ch == '\n' || ch == '!' || ch == '?' ||
                          (ch == '.' && (i + 1 == f.size() || f[i + 1] == ' ' || f[i + 1] == '\n'));
        if (stop && !out.back().empty()) out.emplace_back();
    }
    flush();
    if (out.back().empty()) out.pop_back();
    return out;
}

bool starts_with_prefix(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool is_placeholder(const std::string& t) { return starts_with_prefix(t, "{{"); }
bool any_token(const std::vector<std::string>& s, std::initializer_list<std::string_view> prefixes) {
    for (const std::string& t : s)
        for (std::string_view p : prefixes) if (starts_with_prefix(t, p)) return true;
    return false;
}

// « une pénalité de {{penalite}} par heure… »: the word, an amount that is a euros variable, and its basis.
bool states_penalty(const Clause& k, const std::vector<std::string>& s) {
    bool amount = false;
    for (const std::string& t : s)
        if (is_placeholder(t))
            if (const Variable* v = k.variable(t.substr(2, t.size() - 4))) amount = amount || v->type == "euros";
    const bool basis = std::any_of(s.begin(), s.end(), [](const std::string& t) {
        return t == "par" || t == "chaque" || t == "tout" || t == "toute";
    });
    return amount && basis && any_token(s, {"penalit"});
}

// « … présente un plan de mise en conformité sous {{delai}} jours »: a plan and a deadline in days, weeks or months.
bool states_plan(const std::vector<std::string>& s) {
    bool deadline = false;
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        const bool number = is_placeholder(s[i]) || std::all_of(s[i].begin(), s[i].end(), [](char c) { return c >= '0' && c <= '9'; });
        deadline = deadline || (number && (starts_with_prefix(s[i + 1], "jour") || starts_with_prefix(s[i + 1], "semaine") || s[i + 1] == "mois"));
    }
    return deadline && std::find(s.begin(), s.end(), "plan") != s.end();
}

std::vector<std::string> sanction_in_text(const Clause& k) {
    if (k.kind != ClauseKind::condition_execution) return {};
    bool penalty = false, plan = false;
    for (const auto& s : sentences(k.text)) {
        penalty = penalty || states_penalty(k, s);
        plan = plan || states_plan(s);
    }
    if (!penalty && !plan)
        return {"condition d'exécution dont le texte ne dit pas la conséquence d'un manquement : une pénalité dont le "
                "montant est une variable en euros, avec sa base (« par heure non réalisée »), ou un plan de mise en "
                "conformité avec son délai (« sous {{delai}} jours »)."};
    const std::string summary = fold(k.penalty);
    std::vector<std::string> out;
    if (!penalty && summary.find("penalit") != std::string::npos)
        out.push_back("le résumé « penalty » annonce une pénalité que le texte de la clause n'énonce pas.");
    if (!plan && summary.find("plan") != std::string::npos)
        out.push_back("le résumé « penalty » annonce un plan correctif que le texte de la clause n'énonce pas.");
    return out;
}

// A clause that goes to the CCAP is CCAP text, and so are its monitoring fields printed beside it:
// « pénalité fixée au CCAP » would send the reader to itself.
std::vector<std::string> no_ccap_self_reference(const Clause& k) {
    if (!contains(k.documents, "CCAP")) return {};
    std::vector<std::string> texts = {k.text, k.execution_proof, k.indicator, k.checkpoint, k.penalty};
    for (const Variable& v : k.variables) if (v.default_value.is_string()) texts.push_back(v.default_value.get<std::string>());
    for (const std::string& t : texts)
        for (const auto& s : sentences(t))
            for (size_t i = 0; i < s.size(); ++i) {
                const bool ccap = s[i] == "ccap" || (s[i] == "clauses" && i + 2 < s.size() && s[i + 1] == "administratives" &&
                                                     s[i + 2] == "particulieres");
                if (ccap && (i == 0 || s[i - 1] != "present"))
                    return {"clause du CCAP qui renvoie au CCAP : elle en fait partie, sa sanction et ses modalités "
                            "doivent être écrites dans son propre texte."};
            }
    return {};
}

std::vector<std::string> reservation_cites_r2113_7(const Clause& k) {
    if (k.kind != ClauseKind::reservation || !one_of(k.reservation.article, kSharedReservationArticles)) return {};
    std::vector<std::string> out;
    if (!contains(k.articles, "R.2113-7"))
        out.push_back("réservation au titre de l'article " + k.reservation.article + " sans citer l'article R.2113-7, "
                      "qui fixe la part minimale de 50 % et la mention dans l'avis.");
    if (k.reservation.share < 50) out.push_back("réservation : la part minimale de travailleurs est de 50 % (article R.2113-7).");
    if (contains(k.articles, "L.2113-14"))
        out.push_back("réservation citant l'article L.2113-14 : la part minimale de 50 % est fixée par l'article R.2113-7, "
                      "seul à citer pour elle.");
    return out;
}

std::vector<std::string> proofs_present(const Clause& k) {
    std::vector<std::string> out;
    const bool offer = k.kind != ClauseKind::sourcing && k.kind != ClauseKind::organisation &&
                       k.kind != ClauseKind::clause_financiere;
    if (offer && trim(k.offer_proof).empty())
        out.push_back("ce que le candidat remet avec son offre (« offer_proof ») est absent.");
    if (k.kind == ClauseKind::condition_execution && trim(k.execution_proof).empty())
        out.push_back("condition d'exécution sans les justificatifs remis pendant l'exécution (« execution_proof »).");
    return out;
}

std::vector<std::string> review_present(const Clause& k) {
    const bool sources = !k.review.sources.empty() &&
                         std::none_of(k.review.sources.begin(), k.review.sources.end(), [](const std::string& s) { return trim(s).empty(); });
    if (k.review.date.valid() && sources) return {};
    return {"trace de relecture absente ou incomplète (« review » : date AAAA-MM-JJ et sources consultées)."};
}

std::vector<std::string> ccag_declared(const Clause& k) {
    const std::string text = fold(k.text);
    const bool says = text.find("par derogation") != std::string::npos;
    if (says && !k.ccag.derogates)
        return {"le texte déroge au CCAG (« par dérogation ») sans bloc « ccag » qui le déclare : la dérogation doit "
                "pouvoir figurer dans l'article récapitulatif du CCAP."};
    if (!k.ccag.derogates) return {};
    std::vector<std::string> out;
    if (!says) out.push_back("le bloc « ccag » déclare une dérogation que le texte ne formule pas (« Par dérogation à l'article … du CCAG »).");
    if (k.ccag.articles.empty() || trim(k.ccag.summary).empty())
        out.push_back("dérogation au CCAG sans les articles concernés ou sans résumé (« ccag.articles », « ccag.summary »).");
    // The text names the CCAG of each article it departs from (« l'article 14 du CCAG-TIC ») or says « du CCAG
    // applicable », so that the clause and the CCAP's derogations article cite the same CCAG.
    // A clause written for several CCAGs names the article with {{derogation_ccag}}, which assembly fills in
    // for the CCAG the contract applies: a signed CCAP never says « l'article 14 du CCAG-FCS ou l'article 19
    // du CCAG-Travaux ».
    const bool placeholder = k.text.find(std::string("{{") + kCcagPlaceholder + "}}") != std::string::npos;
    std::set<std::string> ccags;
    for (const std::string& a : k.ccag.articles) {
        const std::string ccag = a.substr(0, a.find(' '));
        ccags.insert(ccag);
        if (!placeholder && text.find(fold(ccag)) == std::string::npos && text.find("ccag applicable") == std::string::npos)
            out.push_back("la dérogation « " + a + " » n'est pas formulée dans le texte, qui ne nomme pas le " + ccag + ".");
    }
    if (ccags.size() > 1 && !placeholder)
        out.push_back("la dérogation vaut pour plusieurs CCAG : le texte la formule avec « {{" + std::string(kCcagPlaceholder) +
                      "}} », que l'assemblage remplace par l'article du CCAG appliqué.");
    if (placeholder && k.ccag.articles.empty())
        out.push_back("« {{" + std::string(kCcagPlaceholder) + "}} » sans articles du CCAG dans le bloc « ccag ».");
    return out;
}

// « … BPU ou DPGF … », « … l'article 14 du CCAG-FCS ou l'article 19 du CCAG-Travaux … »: a sentence that leaves
// two CCAGs or two price schedules open (issue 13 point 5). A legal document names the one that applies; a
// clause written for several uses {{derogation_ccag}}, filled in at assembly.
std::string shown(const std::string& folded, bool ccag) {
    std::string up = folded;
    for (char& c : up) c = char(std::toupper(static_cast<unsigned char>(c)));
    return ccag ? "CCAG-" + up : up;
}

std::vector<std::string> no_undecided_alternative(const Clause& k) {
    struct Names {
        bool after_ccag;                  // a CCAG is named by the token after « ccag » (« ccag fcs »)
        std::vector<std::string> names;   // folded tokens
    };
    static const Names kSets[] = {{true, {"fcs", "travaux", "tic", "pi", "mi", "moe"}}, {false, {"bpu", "dqe", "dpgf"}}};
    for (const std::vector<std::string>& s : sentences(k.text))
        for (const Names& set : kSets) {
            // Names of the set in the sentence, in order; an « ou » between two different ones is an alternative.
            std::string last;
            bool or_since = false;
            for (size_t i = 0; i < s.size(); ++i) {
                const std::string* at = !set.after_ccag ? &s[i] : s[i] == "ccag" && i + 1 < s.size() ? &s[i + 1] : nullptr;
                if (at && std::find(set.names.begin(), set.names.end(), *at) != set.names.end()) {
                    const std::string& name = *at;
                    if (!last.empty() && or_since && name != last)
                        return {"alternative non tranchée dans le texte (« " + shown(last, set.after_ccag) + " ou " +
                                shown(name, set.after_ccag) + " ») : un document signé nomme celui qui s'applique" +
                                std::string(set.after_ccag ? " ; pour une dérogation valable sous plusieurs CCAG, « {{" +
                                                                 std::string(kCcagPlaceholder) + "}} »." : ".")};
                    last = name, or_since = false;
                } else if (s[i] == "ou" && !last.empty()) {
                    or_since = true;
                }
            }
        }
    return {};
}

std::vector<std::string> kind_documents(const Clause& k) {
    if (k.kind == ClauseKind::clause_financiere && k.documents != std::vector<std::string>{"CCAP"})
        return {"une clause financière engage l'acheteur et figure au seul CCAP."};
    if (k.kind == ClauseKind::organisation && !k.documents.empty() && k.documents != std::vector<std::string>{"RC"})
        return {"une clause d'organisation de la consultation figure au règlement de la consultation (RC) ou nulle part."};
    return {};
}

// A euros variable that prices a tonne of CO₂.
bool prices_carbon(const Variable& v) {
    const std::string label = fold(v.label);
    return v.type == "euros" && (v.name.find("carbone") != std::string::npos || v.name.find("co2") != std::string::npos ||
                                 ((label.find("co2") != std::string::npos || label.find("carbone") != std::string::npos) &&
                                  label.find("tonne") != std::string::npos));
}

constexpr const char* kCarbonVariable = "valeur_carbone";

std::vector<std::string> carbon_value_sourced(const Clause& k) {
    std::vector<std::string> out;
    for (const Variable& v : k.variables) {
        if (!prices_carbon(v)) continue;
        if (v.name != kCarbonVariable)
            out.push_back("la valeur du carbone s'écrit avec la variable « valeur_carbone » (euros par tonne de CO₂e), "
                          "la même dans toute la bibliothèque, et non « " + v.name + " ».");
        else if (fold(k.cautions).find("france strategie") == std::string::npos)
            out.push_back("la valeur du carbone n'indique pas sa source dans les points de vigilance (valeur de l'action "
                          "pour le climat, France Stratégie).");
    }
    return out;
}

using DraftingCheck = std::vector<std::string> (*)(const Clause&);
struct DraftingRule {
    const char* id;
    DraftingCheck check;
};

const DraftingRule kDraftingRules[] = {
    {"sanction-dans-le-texte", sanction_in_text},
    {"pas-de-renvoi-au-ccap", no_ccap_self_reference},
    {"reservation-r2113-7", reservation_cites_r2113_7},
    {"preuves-offre-execution", proofs_present},
    {"trace-de-relecture", review_present},
    {"derogation-ccag-declaree", ccag_declared},
    {"pas-d-alternative-non-tranchee", no_undecided_alternative},
    {"documents-selon-la-nature", kind_documents},
    {"valeur-carbone-sourcee", carbon_value_sourced},
};

// Validates one clause file and appends its clauses. `ids` tracks ids across files.
struct Loader {
    Library& lib;
    std::vector<LibraryProblem>& problems;
    std::set<std::string> ids;
    bool checked = false;   // files the build already validated: the drafting rules are not run again

    void problem(const std::string& file, const std::string& clause, const std::string& msg) {
        problems.push_back({file, clause, msg, ""});
    }

    // Reads a list of strings, reporting a wrong type.
    bool strings(const json& c, const char* key, std::vector<std::string>& out, const std::string& file,
                 const std::string& id, bool required) {
        auto it = c.find(key);
        if (it == c.end()) {
            if (required) problem(file, id, std::string("le champ « ") + key + " » est absent.");
            return !required;
        }
        if (!it->is_array()) { problem(file, id, std::string("le champ « ") + key + " » doit être une liste de textes."); return false; }
        for (const json& s : *it) {
            if (!s.is_string()) { problem(file, id, std::string("le champ « ") + key + " » doit être une liste de textes."); return false; }
            out.push_back(s.get<std::string>());
        }
        return true;
    }

    static bool valid_id(const std::string& id) {
        // CODE-L-NNN: 2 to 4 capitals, a pillar letter, three digits.
        size_t dash = id.find('-');
        if (dash < 2 || dash > 4 || id.size() != dash + 6) return false;
        for (size_t i = 0; i < dash; ++i) if (id[i] < 'A' || id[i] > 'Z') return false;
        if (id[dash + 2] != '-' || (id[dash + 1] != 'E' && id[dash + 1] != 'S' && id[dash + 1] != 'P')) return false;
        for (size_t i = dash + 3; i < id.size(); ++i) if (id[i] < '0' || id[i] > '9') return false;
        return true;
    }

    static bool valid_var_name(const std::string& n) {
        if (n.empty() || n.size() > 40) return false;
        for (char ch : n) if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
        return true;
    }

    bool variable(const json& v, Variable& out, const std::string& file, const std::string& id) {
        if (!v.is_object()) { problem(file, id, "une variable n'est pas un objet."); return false; }
        out.name = str(v, "name");
        out.type = str(v, "type");
        out.label = str(v, "label");
        const std::string where = "variable « " + out.name + " » : ";
        if (!valid_var_name(out.name)) { problem(file, id, where + "nom invalide (minuscules, chiffres et _)."); return false; }
        if (!one_of(out.type, kVarTypes)) { problem(file, id, where + "type « " + out.type + " » inconnu."); return false; }
        if (out.label.empty()) { problem(file, id, where + "libellé absent."); return false; }
        if (!v.contains("default")) { problem(file, id, where + "valeur par défaut absente."); return false; }
        out.default_value = v["default"];
        const bool numeric = out.type == "percent" || out.type == "integer" || out.type == "euros" || out.type == "hours";
        if (numeric) {
            if (!v.contains("min") || !v.contains("max") || !v["min"].is_number() || !v["max"].is_number()) {
                problem(file, id, where + "bornes « min » et « max » numériques obligatoires.");
                return false;
            }
            out.min = v["min"].get<double>();
            out.max = v["max"].get<double>();
            if (out.min > out.max) { problem(file, id, where + "borne minimale supérieure à la borne maximale."); return false; }
            if (out.type == "percent" && (out.min < 0 || out.max > 100)) {
                problem(file, id, where + "un pourcentage doit rester entre 0 et 100.");
                return false;
            }
        }
        if (out.type == "choice") {
            auto it = v.find("options");
            if (it == v.end() || !it->is_array() || it->empty()) { problem(file, id, where + "liste « options » obligatoire."); return false; }
            for (const json& o : *it) {
                if (!o.is_string()) { problem(file, id, where + "les options doivent être des textes."); return false; }
                out.options.push_back(o.get<std::string>());
            }
        }
        if (out.type == "text" && v.contains("max_length") && v["max_length"].is_number_integer())
            out.max_length = v["max_length"].get<int>();
        std::string err;
        if (!check_value(out, out.default_value, err)) { problem(file, id, where + "valeur par défaut invalide : " + err); return false; }
        return true;
    }

    // Names used as {{name}} in a text.
    static std::vector<std::string> placeholders(const std::string& text, bool& malformed) {
        std::vector<std::string> out;
        malformed = false;
        for (size_t p = text.find("{{"); p != std::string::npos; p = text.find("{{", p + 2)) {
            size_t e = text.find("}}", p + 2);
            if (e == std::string::npos) { malformed = true; break; }
            out.push_back(text.substr(p + 2, e - p - 2));
        }
        return out;
    }

    // Reads the optional `ccag`, `consideration` and `review` fields; a wrong type is structural.
    void review_fields(const json& c, Clause& k, const std::string& file) {
        const std::string& id = k.id;
        if (auto it = c.find("consideration"); it != c.end()) {
            if (!it->is_boolean()) problem(file, id, "« consideration » doit valoir true ou false.");
            else k.consideration = it->get<bool>();
        }
        if (auto it = c.find("ccag"); it != c.end()) {
            if (!it->is_object() || !it->contains("derogates") || !(*it)["derogates"].is_boolean())
                problem(file, id, "« ccag » doit être un objet avec « derogates » (true ou false), « articles » et « summary ».");
            else {
                k.ccag.derogates = (*it)["derogates"].get<bool>();
                k.ccag.summary = str(*it, "summary");
                strings(*it, "articles", k.ccag.articles, file, id, false);
            }
        }
        if (auto it = c.find("review"); it != c.end()) {
            if (!it->is_object()) problem(file, id, "« review » doit être un objet avec « date » et « sources ».");
            else {
                k.review.date = parse_date(str(*it, "date"));
                strings(*it, "sources", k.review.sources, file, id, false);
            }
        }
    }

    void clause(const json& c, const std::string& file, const std::string& file_family) {
        if (!c.is_object()) { problem(file, "", "une entrée de « clauses » n'est pas un objet."); return; }
        Clause k;
        k.file = file;
        k.id = str(c, "id");
        const std::string& id = k.id;
        size_t before = problems.size();
        if (!valid_id(id)) problem(file, id, "identifiant invalide (forme attendue : CODE-E-001, lettre E, S ou P).");
        else if (!ids.insert(id).second) problem(file, id, "identifiant en double dans la bibliothèque.");
        if (!c.contains("version") || !c["version"].is_number_integer() || c["version"].get<long long>() < 1)
            problem(file, id, "« version » doit être un entier supérieur ou égal à 1.");
        else k.version = int(std::min<long long>(c["version"].get<long long>(), 1000000));
        k.title = str(c, "title");
        k.text = str(c, "text");
        k.offer_proof = str(c, "offer_proof");
        k.execution_proof = str(c, "execution_proof");
        k.indicator = str(c, "indicator");
        k.checkpoint = str(c, "checkpoint");
        k.penalty = str(c, "penalty");
        k.explanation = str(c, "explanation");
        k.cautions = str(c, "cautions");
        if (k.title.empty()) problem(file, id, "titre absent.");
        const std::string pillar = str(c, "pillar"), kind = str(c, "kind"), level = str(c, "level");
        if (!from_name(pillar, k.pillar)) problem(file, id, "pilier « " + pillar + " » inconnu.");
        else if (valid_id(id)) {
            char letter = id[id.find('-') + 1];
            char expected = k.pillar == Pillar::environnemental ? 'E' : k.pillar == Pillar::social ? 'S' : 'P';
            if (letter != expected) problem(file, id, "la lettre de l'identifiant ne correspond pas au pilier.");
        }
        if (!from_name(kind, k.kind)) problem(file, id, "nature de clause « " + kind + " » inconnue.");
        if (!from_name(level, k.level)) problem(file, id, "niveau d'ambition « " + level + " » inconnu.");
        strings(c, "families", k.families, file, id, true);
        strings(c, "cpv", k.cpv, file, id, true);
        strings(c, "natures", k.natures, file, id, true);
        strings(c, "goals", k.goals, file, id, false);
        strings(c, "documents", k.documents, file, id, true);
        strings(c, "articles", k.articles, file, id, true);
        if (k.families.empty()) problem(file, id, "aucune famille d'achat.");
        else if (k.families[0] != file_family) problem(file, id, "la première famille doit être celle du fichier (« " + file_family + " »).");
        for (const auto& f : k.families) if (!lib.family(f)) problem(file, id, "famille « " + f + " » inconnue.");
        for (const auto& g : k.goals) if (!lib.goal(g)) problem(file, id, "objectif « " + g + " » inconnu.");
        for (const auto& a : k.articles) if (!lib.article(a)) problem(file, id, "référence « " + a + " » absente de la table des articles.");
        if (k.articles.empty()) problem(file, id, "base juridique absente.");
        for (const auto& n : k.natures) if (!one_of(n, kNatureNames)) problem(file, id, "nature de marché « " + n + " » inconnue.");
        if (k.natures.empty()) problem(file, id, "aucune nature de marché.");
        for (const auto& d : k.documents) if (!one_of(d, kDocuments)) problem(file, id, "document « " + d + " » inconnu.");
        if (k.documents.empty() && k.kind != ClauseKind::organisation) problem(file, id, "aucun document de destination.");
        for (const auto& code : k.cpv) {
            bool digits = code.size() >= 2 && code.size() <= 8 &&
                          std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            if (!digits) problem(file, id, "préfixe CPV « " + code + " » invalide (2 à 8 chiffres).");
        }
        if (k.text.empty()) problem(file, id, "texte de la clause absent.");
        if (k.explanation.empty()) problem(file, id, "explication pour les entreprises absente.");
        if (k.cautions.empty()) problem(file, id, "points de vigilance pour l'acheteur absents.");
        review_fields(c, k, file);

        std::set<std::string> rejected;   // declared but invalid: already reported, not "undeclared" too
        if (c.contains("variables")) {
            if (!c["variables"].is_array()) problem(file, id, "« variables » doit être une liste.");
            else for (const json& v : c["variables"]) {
                Variable var;
                if (!variable(v, var, file, id)) rejected.insert(var.name);
                else {
                    if (k.variable(var.name)) problem(file, id, "variable « " + var.name + " » déclarée deux fois.");
                    k.variables.push_back(var);
                }
            }
        }
        bool malformed = false;
        std::vector<std::string> used = placeholders(k.text, malformed);
        if (malformed) problem(file, id, "accolades « {{ » non refermées dans le texte.");
        for (const auto& u : used)
            if (!k.variable(u) && !rejected.count(u) && u != kCcagPlaceholder) problem(file, id, "la variable « " + u + " » est utilisée dans le texte mais n'est pas déclarée.");
        for (const auto& v : k.variables)
            if (std::find(used.begin(), used.end(), v.name) == used.end())
                problem(file, id, "la variable « " + v.name + " » est déclarée mais n'apparaît pas dans le texte.");

        if (k.kind == ClauseKind::condition_execution) {
            if (k.indicator.empty()) problem(file, id, "condition d'exécution sans indicateur de suivi.");
            if (k.checkpoint.empty()) problem(file, id, "condition d'exécution sans point de contrôle.");
            if (k.penalty.empty()) problem(file, id, "condition d'exécution sans pénalité ni mesure corrective.");
        }
        if (k.kind == ClauseKind::critere) {
            const json* cr = c.contains("criterion") && c["criterion"].is_object() ? &c["criterion"] : nullptr;
            if (!cr) problem(file, id, "critère d'attribution sans bloc « criterion ».");
            else {
                k.criterion.provides = str(*cr, "provides");
                k.criterion.method = str(*cr, "method");
                k.criterion.scoring = str(*cr, "scoring");
                k.criterion.weight_min = number_field(*cr, "weight_min");
                k.criterion.weight_max = number_field(*cr, "weight_max");
                if (k.criterion.provides.empty()) problem(file, id, "critère sans description de ce que fournit le candidat.");
                if (k.criterion.method != "grille" && k.criterion.method != "formule")
                    problem(file, id, "critère sans méthode de notation (« grille » ou « formule »).");
                if (k.criterion.scoring.empty()) problem(file, id, "critère sans barème de notation.");
                if (!(k.criterion.weight_min > 0 && k.criterion.weight_min <= k.criterion.weight_max && k.criterion.weight_max <= 100))
                    problem(file, id, "fourchette de pondération incohérente (0 < min ≤ max ≤ 100).");
            }
        }
        if (k.kind == ClauseKind::reservation) {
            const json* r = c.contains("reservation") && c["reservation"].is_object() ? &c["reservation"] : nullptr;
            if (!r) problem(file, id, "clause de réservation sans bloc « reservation ».");
            else {
                k.reservation.structures = str(*r, "structures");
                k.reservation.article = str(*r, "article");
                k.reservation.share = number_field(*r, "share");
                if (k.reservation.structures.empty()) problem(file, id, "réservation sans structures bénéficiaires.");
                if (!one_of(k.reservation.article, kReservationArticles))
                    problem(file, id, "réservation : article « " + k.reservation.article +
                                          " » inattendu (L.2113-12, L.2113-13, L.2113-13-1 ou L.2113-15).");
            }
        }
        k.valid_from = parse_date(str(c, "valid_from"));
        if (!k.valid_from.valid()) problem(file, id, "date de début de validité absente ou invalide.");
        if (c.contains("valid_until") && !c["valid_until"].is_null()) {
            k.valid_until = parse_date(str(c, "valid_until"));
            if (!k.valid_until.valid()) problem(file, id, "date de fin de validité invalide.");
            else if (k.valid_until.key() < k.valid_from.key()) problem(file, id, "fin de validité antérieure au début.");
        }
        if (problems.size() != before) return;
        if (!checked) drafting_rules(c, k, file);
        k.search_text = fold(k.id + " " + k.title + " " + k.text + " " + k.explanation);
        lib.clauses.push_back(std::move(k));
    }

    void drafting_rules(const json& c, const Clause& k, const std::string& file) {
        const std::string& id = k.id;
        for (const auto& a : k.articles)
            if (const Article* art = lib.article(a); art && !art->replaced_by.empty())
                drafting("citations", file, id, "référence « " + a + " » erronée, à remplacer par : " + lib.citations(art->replaced_by));
        if (c.contains("proof"))
            drafting("preuves-offre-execution", file, id, "le champ « proof » est remplacé par « offer_proof » (avec "
                                                          "l'offre) et « execution_proof » (pendant l'exécution).");
        for (const DraftingRule& rule : kDraftingRules)
            for (const std::string& m : rule.check(k)) drafting(rule.id, file, id, m);
    }

    void drafting(const char* rule, const std::string& file, const std::string& clause, const std::string& msg) {
        problems.push_back({file, clause, msg, rule});
    }

    // Rules over the whole library: every article has its citation and a unique id (two writers append to
    // the table); every clause that prices carbon uses the same value.
    void library_rules() {
        std::set<std::string> seen;
        for (const Article& a : lib.articles) {
            if (!seen.insert(a.id).second) drafting("citations", "clauses/articles.json", "", "article « " + a.id + " » en double dans la table.");
            if (trim(a.citation).empty())
                drafting("citations", "clauses/articles.json", "", "article « " + a.id + " » sans « citation » à montrer aux utilisateurs.");
        }
        const Variable* reference = nullptr;
        const Clause* first = nullptr;
        for (const Clause& c : lib.clauses)
            if (const Variable* v = c.variable(kCarbonVariable); v && v->type == "euros") {
                if (!reference) { reference = v; first = &c; continue; }
                if (v->default_value != reference->default_value)
                    drafting("valeur-carbone-sourcee", c.file, c.id, "valeur du carbone différente de celle de " + first->id +
                                                                    " : une seule valeur pour toute la bibliothèque.");
            }
    }

    void tables(const json& families_doc, const json& articles_doc) {
        if (families_doc.contains("families") && families_doc["families"].is_array())
            for (const json& f : families_doc["families"]) {
                Family fam{str(f, "id"), str(f, "label"), {}, {}};
                if (f.contains("natures")) for (const json& n : f["natures"]) if (n.is_string()) fam.natures.push_back(n);
                if (f.contains("cpv")) for (const json& n : f["cpv"]) if (n.is_string()) fam.cpv.push_back(n);
                lib.families.push_back(fam);
            }
        if (families_doc.contains("goals") && families_doc["goals"].is_array())
            for (const json& g : families_doc["goals"]) lib.goals.push_back({str(g, "id"), str(g, "label"), str(g, "pillar")});
        if (articles_doc.contains("articles") && articles_doc["articles"].is_array())
            for (const json& a : articles_doc["articles"]) {
                Article art{str(a, "id"), str(a, "code"), str(a, "title"), str(a, "citation"), {}};
                strings(a, "replaced_by", art.replaced_by, "clauses/articles.json", "", false);
                lib.articles.push_back(std::move(art));
            }
    }
};

std::string base_name(const std::string& path) {
    size_t s = path.find_last_of('/');
    return s == std::string::npos ? path : path.substr(s + 1);
}

}  // namespace

std::vector<std::string> CcagDerogation::articles_of(std::string_view ccag) const {
    std::vector<std::string> out;
    for (const std::string& a : articles)
        if (!ccag.empty() && a.size() > ccag.size() && a.compare(0, ccag.size(), ccag) == 0 && a[ccag.size()] == ' ')
            out.push_back(a);
    return out;
}

const Variable* Clause::variable(std::string_view name) const {
    for (const Variable& v : variables) if (v.name == name) return &v;
    return nullptr;
}

const Clause* Library::find(std::string_view id) const {
    if (clause_index && clause_index->size() == clauses.size()) {
        const auto it = clause_index->find(std::string(id));
        if (it == clause_index->end()) return nullptr;
        if (it->second < clauses.size() && clauses[it->second].id == id) return &clauses[it->second];
    }
    for (const Clause& c : clauses) if (c.id == id) return &c;
    return nullptr;
}
const Family* Library::family(std::string_view id) const {
    for (const Family& f : families) if (f.id == id) return &f;
    return nullptr;
}
const Goal* Library::goal(std::string_view id) const {
    for (const Goal& g : goals) if (g.id == id) return &g;
    return nullptr;
}
const Article* Library::article(std::string_view id) const {
    for (const Article& a : articles) if (a.id == id) return &a;
    return nullptr;
}

std::string Library::citation(std::string_view id) const {
    const Article* a = article(id);
    return a && !a->citation.empty() ? a->citation : std::string(id);
}

std::string Library::citations(const std::vector<std::string>& ids) const {
    // Citations of the same text share their prefix: "CCP, art. L.2112-2, R.2111-4 ; C. env., art. L.541-1".
    static const std::string kArt = ", art. ";
    std::vector<std::pair<std::string, std::string>> groups;   // prefix (or whole citation), article numbers
    for (const std::string& id : ids) {
        const std::string c = citation(id);
        const size_t at = c.find(kArt);
        const std::string prefix = at == std::string::npos ? c : c.substr(0, at);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == prefix; });
        if (at == std::string::npos) { if (g == groups.end()) groups.push_back({prefix, ""}); continue; }
        if (g == groups.end()) groups.push_back({prefix, c.substr(at + kArt.size())});
        else g->second += (g->second.empty() ? "" : ", ") + c.substr(at + kArt.size());
    }
    std::string out;
    for (const auto& [prefix, numbers] : groups)
        out += (out.empty() ? "" : " ; ") + prefix + (numbers.empty() ? "" : kArt + numbers);
    return out;
}

std::vector<SourceFile> bundled_library_files() {
    std::vector<SourceFile> out;
    for (const std::string& path : bundle_list("clauses/"))
        if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0)
            out.push_back({path, std::string(bundle_file(path))});
    return out;
}

bool read_library_folder(const std::string& dir, std::vector<SourceFile>& out, std::string& error) {
    DIR* d = opendir(dir.c_str());
    if (!d) { error = "Dossier de bibliothèque introuvable : " + dir; return false; }
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) names.push_back(n);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    constexpr std::streamoff kMaxFile = 16 << 20;
    for (const std::string& n : names) {
        std::ifstream in(dir + "/" + n, std::ios::binary);
        in.seekg(0, std::ios::end);
        if (in.tellg() > kMaxFile) { error = "Fichier trop volumineux pour une bibliothèque de clauses : " + n; return false; }
        in.seekg(0);
        std::stringstream ss;
        ss << in.rdbuf();
        out.push_back({"clauses/" + n, ss.str()});
    }
    return true;
}

namespace {

// load_library and load_checked_library: the same reading, the checks of the text and the drafting rules only
// when `checked` is false.
bool load_sources(const std::vector<SourceFile>& files, Library& out, std::vector<LibraryProblem>& problems, bool checked) {
    Library lib;
    Loader loader{lib, problems, {}, checked};
    json families, articles;
    std::vector<std::pair<const SourceFile*, json>> clause_docs;
    for (const SourceFile& f : files) {
        const std::string name = base_name(f.path);
        if (name == "clause.schema.json") continue;
        if (!checked && !valid_utf8(f.text)) { loader.problem(f.path, "", "le fichier n'est pas en UTF-8 valide."); continue; }
        if (!checked && !json_depth_within(f.text, kMaxJsonDepth)) {
            loader.problem(f.path, "", "le fichier imbrique ses données sur plus de " + std::to_string(kMaxJsonDepth) + " niveaux.");
            continue;
        }
        json doc = json::parse(checked ? std::string_view(f.text) : std::string_view(nfc(f.text)), nullptr, false);
        if (doc.is_discarded() || !doc.is_object()) { loader.problem(f.path, "", "le fichier n'est pas un objet JSON valide."); continue; }
        if (name == "families.json") families = doc;
        else if (name == "articles.json") articles = doc;
        else clause_docs.emplace_back(&f, std::move(doc));
    }
    if (families.is_null()) loader.problem("clauses/families.json", "", "table des familles absente.");
    if (articles.is_null()) loader.problem("clauses/articles.json", "", "table des articles absente.");
    loader.tables(families, articles);
    for (auto& [f, doc] : clause_docs) {
        if (!doc.contains("schema_version") || doc["schema_version"] != 1) {
            loader.problem(f->path, "", "« schema_version » doit valoir 1.");
            continue;
        }
        const std::string family = str(doc, "family");
        if (!lib.family(family)) { loader.problem(f->path, "", "famille du fichier « " + family + " » inconnue."); continue; }
        if (!doc.contains("clauses") || !doc["clauses"].is_array()) {
            loader.problem(f->path, "", "liste « clauses » absente.");
            continue;
        }
        for (const json& c : doc["clauses"]) loader.clause(c, f->path, family);
    }
    if (!checked) loader.library_rules();
    auto index = std::make_shared<std::unordered_map<std::string, size_t>>();
    for (size_t i = 0; i < lib.clauses.size(); ++i) index->emplace(lib.clauses[i].id, i);
    if (index->size() == lib.clauses.size()) lib.clause_index = std::move(index);   // ids are unique once loaded
    out = std::move(lib);
    return problems.empty();
}

}  // namespace

bool load_library(const std::vector<SourceFile>& files, Library& out, std::vector<LibraryProblem>& problems) {
    return load_sources(files, out, problems, false);
}

bool load_checked_library(const std::vector<SourceFile>& files, Library& out, std::vector<LibraryProblem>& problems) {
    return load_sources(files, out, problems, true);
}

const Library& bundled_library() {
    static const Library lib = [] {
        Library l;
        std::vector<LibraryProblem> problems;
        load_checked_library(bundled_library_files(), l, problems);
        return l;
    }();
    return lib;
}

const std::vector<Family>& bundled_families() {
    static const std::vector<Family> families = [] {
        Library l;
        std::vector<LibraryProblem> problems;
        Loader{l, problems, {}, true}.tables(json::parse(bundle_file("clauses/families.json"), nullptr, false), json::object());
        return std::move(l.families);
    }();
    return families;
}

bool check_value(const Variable& v, const json& value, std::string& error) {
    if (v.type == "percent" || v.type == "integer" || v.type == "euros" || v.type == "hours") {
        if (!value.is_number()) { error = "un nombre est attendu."; return false; }
        double d = value.get<double>();
        if (v.type == "integer" && std::floor(d) != d) { error = "un nombre entier est attendu."; return false; }
        if (!(d >= v.min && d <= v.max)) {
            error = "la valeur doit être comprise entre " + french_number(v.min) + " et " + french_number(v.max) + ".";
            return false;
        }
        return true;
    }
    if (!value.is_string()) { error = "un texte est attendu."; return false; }
    const std::string s = value.get<std::string>();
    if (v.type == "date" && !parse_date(s).valid()) { error = "une date AAAA-MM-JJ est attendue."; return false; }
    if (v.type == "choice" && std::find(v.options.begin(), v.options.end(), s) == v.options.end()) {
        error = "la valeur doit être l'une des options proposées.";
        return false;
    }
    if (v.type == "text" && (int)s.size() > v.max_length) { error = "le texte est trop long."; return false; }
    if (!valid_utf8(s)) { error = "le texte contient des caractères invalides."; return false; }
    return true;
}

std::string format_value(const Variable& v, const json& value) {
    std::string err;
    const json* chosen = &value;
    if (!check_value(v, value, err)) {
        chosen = &v.default_value;
        // The loader keeps only variables whose default is valid; a variable built by hand may not be.
        if (!check_value(v, *chosen, err)) return "";
    }
    const json& x = *chosen;
    if (v.type == "percent") return french_percent(x.get<double>());
    if (v.type == "integer") return french_number(x.get<double>(), 0);
    if (v.type == "euros") return french_euros(x.get<double>());
    if (v.type == "hours") return french_number(x.get<double>(), 1) + kNbsp + "heures";
    if (v.type == "date") return french_date(parse_date(x.get<std::string>()));
    return x.get<std::string>();
}

std::string ccag_derogation_words(const CcagDerogation& d, std::string_view ccag) {
    std::vector<std::string> numbers;   // "CCAG-FCS art. 14.3" → "14.3"
    for (const std::string& a : d.articles_of(ccag)) {
        const size_t at = a.find("art. ");
        if (at != std::string::npos) numbers.push_back(a.substr(at + 5));
    }
    if (numbers.empty()) return "aux stipulations du CCAG applicable";
    std::string list = numbers.front();
    for (size_t i = 1; i < numbers.size(); ++i) list += (i + 1 == numbers.size() ? " et " : ", ") + numbers[i];
    return (numbers.size() == 1 ? "à l’article " : "aux articles ") + list + " du " + std::string(ccag);
}

std::string render_clause(const Clause& c, const std::map<std::string, json>& values, std::string_view ccag) {
    std::string out;
    size_t pos = 0;
    for (size_t p = c.text.find("{{"); p != std::string::npos; p = c.text.find("{{", pos)) {
        size_t e = c.text.find("}}", p + 2);
        if (e == std::string::npos) break;
        out.append(c.text, pos, p - pos);
        const std::string name = c.text.substr(p + 2, e - p - 2);
        if (const Variable* v = c.variable(name)) {
            auto it = values.find(name);
            out += format_value(*v, it != values.end() ? it->second : v->default_value);
        } else if (name == kCcagPlaceholder) {
            out += ccag_derogation_words(c.ccag, ccag);
        }
        pos = e + 2;
    }
    out.append(c.text, pos, std::string::npos);
    return out;
}

LibraryStats library_stats(const Library& lib) {
    LibraryStats s;
    s.clauses = int(lib.clauses.size());
    for (const Clause& c : lib.clauses) {
        s.by_pillar[to_name(c.pillar)]++;
        s.by_kind[to_name(c.kind)]++;
        s.by_level[to_name(c.level)]++;
        for (const auto& f : c.families) s.by_family[f]++;
        for (const auto& d : c.documents) s.by_document[d]++;
    }
    return s;
}

json stats_to_json(const LibraryStats& s) {
    return {{"clauses", s.clauses}, {"by_pillar", s.by_pillar}, {"by_kind", s.by_kind},
            {"by_family", s.by_family}, {"by_level", s.by_level}, {"by_document", s.by_document}};
}

json clause_to_list_json(const Clause& c, const Library& lib) {
    json citations = json::array();
    for (const std::string& a : c.articles) citations.push_back(lib.citation(a));
    return {{"id", c.id}, {"version", c.version}, {"title", c.title}, {"pillar", to_name(c.pillar)}, {"kind", to_name(c.kind)},
            {"level", to_name(c.level)}, {"families", c.families}, {"natures", c.natures}, {"documents", c.documents},
            {"articles", c.articles}, {"citations", citations}, {"text", render_clause(c)}, {"explanation", c.explanation},
            {"offer_proof", c.offer_proof}, {"execution_proof", c.execution_proof},
            {"consideration", c.counts_as_consideration()}};
}

namespace {

constexpr uint32_t kAbsent = UINT32_MAX;

// The characters text.h's words() keeps in a word.
bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80; }

std::shared_ptr<const SearchIndex> build_index(const Library& lib) {
    auto index = std::make_shared<SearchIndex>();
    SearchIndex& ix = *index;
    ix.clauses = lib.clauses.size();
    std::unordered_map<std::string_view, uint32_t> ids;   // views into the clauses' texts, which outlive it
    ids.reserve(8192);
    for (uint32_t c = 0; c < lib.clauses.size(); ++c) {
        const std::string_view s = lib.clauses[c].search_text;
        for (size_t i = 0, j = 0; i < s.size(); i = j) {
            if (!word_char(s[i])) { j = i + 1; continue; }
            for (j = i; j < s.size() && word_char(s[j]);) ++j;
            auto [it, fresh] = ids.try_emplace(s.substr(i, j - i), uint32_t(ix.postings.size()));
            if (fresh) {
                ix.vocabulary += '\n';
                ix.word_start.push_back(uint32_t(ix.vocabulary.size()));
                ix.vocabulary.append(s.substr(i, j - i));
                ix.postings.emplace_back();
            }
            auto& postings = ix.postings[it->second];
            if (postings.empty() || postings.back().first != c) postings.emplace_back(c, uint32_t(i));
        }
    }
    return index;
}

// The library's index, built on first use (under a lock: the CLI or a test may search from several threads).
std::shared_ptr<const SearchIndex> index_of(const Library& lib) {
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    if (!lib.search_index || lib.search_index->clauses != lib.clauses.size()) lib.search_index = build_index(lib);
    return lib.search_index;
}

// The first position of `term` in each clause's search text, or kAbsent, through the index. A term is made of
// word characters only, so it always lies inside one word: its first occurrence in a clause is the earliest,
// over the words containing it, of that word's first position plus the term's offset in the word. Returns
// false when the term is in so many words that reading the texts is quicker (a one- or two-letter term).
bool positions_from_index(const SearchIndex& ix, const std::string& term, std::vector<uint32_t>& at) {
    at.assign(ix.clauses, kAbsent);
    size_t work = 0;
    for (size_t p = ix.vocabulary.find(term); p != std::string::npos; ) {
        const size_t w = size_t(std::upper_bound(ix.word_start.begin(), ix.word_start.end(), uint32_t(p)) - ix.word_start.begin()) - 1;
        const uint32_t offset = uint32_t(p - ix.word_start[w]);
        for (const auto& [clause, first] : ix.postings[w]) at[clause] = std::min(at[clause], first + offset);
        work += ix.postings[w].size();
        if (work > ix.clauses + 64) return false;
        if (w + 1 >= ix.word_start.size()) break;
        p = ix.vocabulary.find(term, ix.word_start[w + 1]);   // the next word that holds it
    }
    return true;
}

}  // namespace

std::vector<const Clause*> search_clauses(const Library& lib, std::string_view query, size_t limit) {
    const std::vector<std::string> terms = words(fold(query));
    const std::shared_ptr<const SearchIndex> index = terms.empty() || lib.clauses.empty() ? nullptr : index_of(lib);
    std::vector<int> score(lib.clauses.size(), 0);   // -1: a term is missing
    std::vector<uint32_t> at;
    for (const std::string& t : terms) {
        const bool from_index = index && positions_from_index(*index, t, at);
        for (size_t i = 0; i < lib.clauses.size(); ++i) {
            if (score[i] < 0) continue;
            const Clause& c = lib.clauses[i];
            const size_t first = from_index ? (at[i] == kAbsent ? std::string::npos : at[i]) : c.search_text.find(t);
            if (first == std::string::npos) score[i] = -1;
            else score[i] += first < c.title.size() + c.id.size() + 1 ? 3 : 1;   // a match in the id or title counts more
        }
    }
    std::vector<std::pair<int, const Clause*>> hits;
    for (size_t i = 0; i < lib.clauses.size(); ++i)
        if (score[i] >= 0) hits.emplace_back(-score[i], &lib.clauses[i]);
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Clause*> out;
    for (size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(hits[i].second);
    return out;
}

const char* to_name(Pillar p) { return enum_name(kPillars, p); }
const char* to_name(ClauseKind k) { return enum_name(kKinds, k); }
const char* to_name(Level l) { return enum_name(kLevels, l); }
bool from_name(std::string_view name, Pillar& out) { return enum_from_name(kPillars, name, out); }
bool from_name(std::string_view name, ClauseKind& out) { return enum_from_name(kKinds, name, out); }
bool from_name(std::string_view name, Level& out) { return enum_from_name(kLevels, name, out); }

const char* pillar_label(Pillar p) { return enum_label(kPillars, p); }
const char* kind_label(ClauseKind k) { return enum_label(kKinds, k); }
const char* level_label(Level l) { return enum_label(kLevels, l); }

const char* level_label(std::string_view level) {
    Level l;
    return from_name(level, l) ? level_label(l) : "?";
}

}  // namespace clausier
