// Quality of the bundled clause texts, beyond what the validator checks (clauses/README.md, rule 7): no two
// texts are near-copies, no text favours a place as such (localism), and every label is admitted only
// with « ou équivalent ». Each scanner is first tested on made-up samples, so a silent scanner cannot pass.
#include <catch2/catch.hpp>
#include "library/library.h"
#include <algorithm>

using namespace clausier;

namespace {

struct Word {
    std::string text;   // folded
    int sentence = 0;
};

std::string without_variables(std::string_view text) {
    std::string out;
    for (size_t p = 0; p < text.size();) {
        size_t open = text.find("{{", p);
        if (open == std::string_view::npos) { out.append(text.substr(p)); break; }
        out.append(text.substr(p, open - p));
        size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out += ' ';
        p = close + 2;
    }
    return out;
}

// Folded words with their sentence number; a sentence ends at ! ? a line break, or a full stop followed by a
// space or the end (so "L.2111-16" stays in its sentence).
std::vector<Word> sentence_words(std::string_view text) {
    const std::string f = fold(text);
    std::vector<Word> out;
    std::string cur;
    int sentence = 0;
    for (size_t i = 0; i <= f.size(); ++i) {
        const char ch = i < f.size() ? f[i] : ' ';
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) { cur += ch; continue; }
        if (!cur.empty()) out.push_back({cur, sentence});
        cur.clear();
        const bool stop = ch == '.' && (i + 1 >= f.size() || f[i + 1] == ' ' || f[i + 1] == '\n');
        if (stop || ch == '!' || ch == '?' || ch == '\n') ++sentence;
    }
    return out;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// --- near-duplicates: Jaccard similarity of word 3-gram sets ------------------------------------------

std::vector<std::string> shingles(const std::string& text) {
    std::vector<Word> w = sentence_words(without_variables(text));
    std::vector<std::string> out;
    for (size_t i = 0; i + 2 < w.size(); ++i) out.push_back(w[i].text + " " + w[i + 1].text + " " + w[i + 2].text);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return double(common.size()) / double(a.size() + b.size() - common.size());
}

// Calibrated on the library (its most similar pair scores about 0.2) and on edited copies: changing one
// word in eight of a clause still scores about 0.45, one word in six about 0.36.
constexpr double kNearCopy = 0.4;

// --- localism -------------------------------------------------------------------------------------------

const char* const kArticlesBeforePremises[] = {"des", "les", "aux", "ces", "ses", "nos", "vos", "leurs", "mes"};

// The words of `text` that favour a place as such: local(e)(s)/localement (not "collectivité locale",
// "mission locale"), "locaux" unless it means premises ("des locaux"), proximité, département(al),
// région(al), implanté/implantation (not a "plan d'implantation", the layout of a site), km/kilomètre,
// terroir, "origine France", "made in".
std::vector<std::string> localism(std::string_view text) {
    const std::vector<Word> w = sentence_words(text);
    std::vector<std::string> out;
    for (size_t i = 0; i < w.size(); ++i) {
        const std::string& x = w[i].text;
        const std::string prev = i > 0 ? w[i - 1].text : "", next = i + 1 < w.size() ? w[i + 1].text : "";
        bool hit = false;
        if (x == "local" || x == "locale" || x == "locales" || x == "localement")
            hit = !starts_with(prev, "collectivit") && prev != "mission" && prev != "missions";
        else if (x == "locaux")
            hit = std::none_of(std::begin(kArticlesBeforePremises), std::end(kArticlesBeforePremises),
                               [&](const char* a) { return prev == a; });
        else
            hit = starts_with(x, "proximit") || starts_with(x, "departement") || starts_with(x, "region") ||
                  (starts_with(x, "implant") && !(prev == "d" && i >= 2 && w[i - 2].text == "plan")) ||
                  x == "km" || starts_with(x, "kilometre") || starts_with(x, "terroir") ||
                  (x == "origine" && next == "france") || (x == "made" && next == "in");
        if (hit) out.push_back(x);
    }
    return out;
}

// The texts of a clause that end up in the documents or in the sheet for firms (not the buyer's cautions,
// whose job is to warn against localism).
std::vector<std::pair<std::string, std::string>> scanned_fields(const Clause& c) {
    std::vector<std::pair<std::string, std::string>> f = {
        {"title", c.title}, {"text", c.text}, {"offer_proof", c.offer_proof}, {"execution_proof", c.execution_proof}, {"indicator", c.indicator}, {"checkpoint", c.checkpoint},
        {"penalty", c.penalty}, {"explanation", c.explanation}, {"criterion.provides", c.criterion.provides},
        {"criterion.scoring", c.criterion.scoring}, {"reservation.structures", c.reservation.structures}};
    for (const Variable& v : c.variables) {
        f.push_back({"variable " + v.name + " (label)", v.label});
        if (v.default_value.is_string()) f.push_back({"variable " + v.name + " (default)", v.default_value.get<std::string>()});
        for (const std::string& o : v.options) f.push_back({"variable " + v.name + " (option)", o});
    }
    return f;
}

// --- labels ---------------------------------------------------------------------------------------------

// Label mentions ("label", "écolabel", "Ecolabel"…) not followed in their sentence by « ou équivalent »
// ("ou équivalent", "ou tout label équivalent", "ou d'un équivalent": "ou" then within three words a word
// starting with "équivalen").
std::vector<std::string> labels_without_equivalent(std::string_view text) {
    const std::vector<Word> w = sentence_words(text);
    std::vector<std::string> out;
    for (size_t i = 0; i < w.size(); ++i) {
        if (!starts_with(w[i].text, "label") && !starts_with(w[i].text, "ecolabel")) continue;
        bool admitted = false;
        for (size_t j = i >= 3 ? i - 3 : 0; j < w.size() && !admitted; ++j) {
            if (j > i && w[j].sentence != w[i].sentence) break;
            if (w[j].sentence != w[i].sentence || w[j].text != "ou") continue;
            for (size_t k = j + 1; k < w.size() && k <= j + 3 && w[k].sentence == w[i].sentence; ++k)
                admitted = admitted || (k > i && starts_with(w[k].text, "equivalen"));
        }
        if (!admitted) out.push_back(w[i].text);
    }
    return out;
}

}  // namespace

TEST_CASE("library quality: the near-copy measure separates distinct texts from edited copies", "[library]") {
    const Clause* c = bundled_library().find("NET-E-002");
    REQUIRE(c != nullptr);
    const std::vector<std::string> original = shingles(c->text);
    REQUIRE(original.size() > 20);
    CHECK(jaccard(original, original) == Approx(1.0));
    // One word in eight replaced: still a copy.
    std::string edited;
    int n = 0;
    for (const Word& w : sentence_words(without_variables(c->text))) edited += (++n % 8 == 0 ? "autre" + std::to_string(n) : w.text) + " ";
    CHECK(jaccard(original, shingles(edited)) > kNearCopy);
    CHECK(jaccard(shingles("Le titulaire trie les déchets du chantier et les valorise."),
                  shingles("L'acheteur verse une avance aux petites entreprises titulaires.")) < 0.05);
    // Variables do not count: the same sentence with other variables is the same text.
    CHECK(jaccard(shingles("Le titulaire réduit sa consommation de {{taux}} chaque année civile."),
                  shingles("Le titulaire réduit sa consommation de {{part}} chaque année civile.")) == Approx(1.0));
}

TEST_CASE("library quality: no two clause texts are near-copies", "[library]") {
    const Library& lib = bundled_library();
    std::vector<std::vector<std::string>> sets;
    for (const Clause& c : lib.clauses) sets.push_back(shingles(c.text));
    std::string offending;
    double highest = 0;
    for (size_t i = 0; i < sets.size(); ++i)
        for (size_t j = i + 1; j < sets.size(); ++j) {
            const double s = jaccard(sets[i], sets[j]);
            highest = std::max(highest, s);
            if (s > kNearCopy)
                offending += lib.clauses[i].id + " et " + lib.clauses[j].id + " : " + std::to_string(s) + "\n";
        }
    INFO("Paires de textes trop proches (Jaccard des triplets de mots > " << kNearCopy << ") :\n" << offending);
    CHECK(offending.empty());
    CHECK(highest > 0);   // the measure did compare something
}

TEST_CASE("library quality: the localism scanner catches places and spares premises", "[library]") {
    CHECK(localism("Les produits locaux du département sont privilégiés.") == std::vector<std::string>{"locaux", "departement"});
    CHECK(localism("Entreprise implantée à moins de 50 KM du site") == std::vector<std::string>{"implantee", "km"});
    CHECK(localism("Proximité de l'agence") == std::vector<std::string>{"proximite"});
    CHECK(localism("des fruits d'origine France, Made in France") == std::vector<std::string>{"origine", "made"});
    CHECK(localism("produits du terroir régional, approvisionnement local") == std::vector<std::string>{"terroir", "regional", "local"});
    CHECK(localism("Des PRODUITS LOCAUX achetés localement") == std::vector<std::string>{"locaux", "localement"});
    CHECK(localism("Le nettoyage des locaux de l'acheteur et les locaux techniques.").empty());
    CHECK(localism("Les collectivités locales et la mission locale accompagnent les candidats.").empty());
    CHECK(localism("Circuit court : au plus un intermédiaire entre le producteur et l'acheteur.").empty());
    CHECK(localism("Plan d’implantation des points de tri sur le site de l’événement.").empty());
    CHECK(localism("Entreprise dont l'implantation est proche") == std::vector<std::string>{"implantation"});
}

TEST_CASE("library quality: no clause favours a place, a distance or a local origin", "[library]") {
    std::string offending;
    for (const Clause& c : bundled_library().clauses)
        for (const auto& [field, text] : scanned_fields(c))
            for (const std::string& w : localism(text)) offending += c.id + " (" + field + ") : « " + w + " »\n";
    INFO("Localisme dans la bibliothèque :\n" << offending);
    CHECK(offending.empty());
}

TEST_CASE("library quality: the label scanner requires « ou équivalent » in the same sentence", "[library]") {
    CHECK(labels_without_equivalent("Les produits porteront l'Écolabel européen.") == std::vector<std::string>{"ecolabel"});
    CHECK(labels_without_equivalent("Les produits portent un label. Tout équivalent est admis.") == std::vector<std::string>{"label"});
    CHECK(labels_without_equivalent("Le label prouve la conformité, ou équivalent.").empty());
    CHECK(labels_without_equivalent("L'écolabel européen ou tout label équivalent vaut présomption de conformité.").empty());
    CHECK(labels_without_equivalent("Un écolabel reconnu, ou d'un équivalent, selon l'article R.2111-16 du code.").empty());
    CHECK(labels_without_equivalent("Ecolabel « ou équivalent »").empty());
    CHECK(labels_without_equivalent("Les textiles sont conformes. Le label européen ou tout label équivalent en vaut preuve.").empty());
    CHECK(labels_without_equivalent("Ou équivalent. Le label est exigé.") == std::vector<std::string>{"label"});
}

TEST_CASE("library quality: every label mention in a clause text admits an equivalent", "[library]") {
    std::string offending;
    int mentions = 0;
    for (const Clause& c : bundled_library().clauses) {
        for (const Word& w : sentence_words(c.text)) mentions += starts_with(w.text, "label") || starts_with(w.text, "ecolabel");
        for (const std::string& w : labels_without_equivalent(c.text)) offending += c.id + " : « " + w + " » sans « ou équivalent »\n";
    }
    INFO(offending);
    CHECK(offending.empty());
    CHECK(mentions > 0);   // the library does use labels as proof: the scan is not vacuous
}
