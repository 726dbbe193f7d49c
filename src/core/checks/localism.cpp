#include "checks/localism.h"
#include "base/text.h"
#include <algorithm>
#include <cctype>

namespace clausier {

namespace {

using Words = std::vector<std::string>;

size_t sequence_length(unsigned char c) {
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

long code_point(std::string_view s, size_t i, size_t len) {
    if (i + len > s.size()) return -1;
    unsigned char c = s[i];
    if (len == 1) return c < 0x80 ? c : -1;
    long cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
        unsigned char cc = s[i + k];
        if ((cc >> 6) != 2) return -1;
        cp = (cp << 6) | (cc & 0x3F);
    }
    return cp;
}

bool word_code_point(long cp) {
    if (cp < 0) return false;
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x300 && cp <= 0x36F);   // Latin letters (œ included), decomposed accents
}

bool sentence_break(std::string_view s, size_t i, long cp) {
    if (cp == '!' || cp == '?' || cp == ';' || cp == '\n' || cp == 0x2026) return true;
    // A full stop ends a sentence only before a space or the end: "R.2111-7" and "2.5" stay whole.
    return cp == '.' && (i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\r' || s[i + 1] == '\t');
}

// --- localism vocabulary (folded words; '*' = prefix) ------------------------------------------------------

// Words that tie a place to the operator or to the origin of the goods.
const Words kStrongAnchors = {"siege*", "agence", "agences",
                              "depot", "depots", "entrepot*", "atelier*", "usine*", "magasin*", "issu", "issue",
                              "issus", "issues", "proven*", "provien*", "origin*", "etabli", "etablie", "etablis", "etablies",
                              "fabrique*", "fabrication*", "achete", "achetee", "achetes", "achetees", "dispose",
                              "disposer", "disposant", "disposera", "disposent"};
// Words that place something: they anchor a place only when an operator or goods are named with them
// ("fournisseurs situés dans la région", not "le chantier se situe à 3 km").
const Words kPlacing = {"implant*", "situe", "situee", "situes", "situees"};
// Words naming operators or goods: they count unless the sentence speaks of where the work is done.
const Words kWeakAnchors = {"entreprise*", "fournisseur*", "prestataire*", "producteur*", "produit", "produits",
                            "denree*", "artisan*", "operateur*", "candidat*", "soumissionnaire*", "societe*",
                            "eleveur*", "elevage*", "agricult*", "maraich*", "pecheur*", "approvisionn*", "acteur*",
                            "commercant*", "commerce", "commerces", "tissu", "traitant*", "partenaire*", "filiere*",
                            "exploitation*", "oeuvre"};
// Goods and operators that "français" qualifies as an origin ("viande bovine française", not "rédigé en français").
const Words kFrenchGoods = {"viande*", "produit*", "denree*", "fruit*", "legume*", "lait*", "fromage*", "boeuf", "porc*",
                            "volaille*", "poisson*", "bois", "materiau*", "entreprise*", "societe*", "fabrication",
                            "origine", "filiere*", "fournisseur*", "producteur*", "eleveur*", "bovine*", "ovine*",
                            "porcine*", "laitier*", "laitiere*"};
// Extra anchors for award criteria, where presence or knowledge of a territory is itself scored.
const Words kCriterionAnchors = {"presence", "connaissance*", "ancrage", "implication"};
// Words saying where the service is performed or delivered: a territory named with them describes the need.
const Words kPlaceOfWork = {"livr*", "intervention*", "intervenir", "intervien*", "site", "sites", "ecole*", "college*", "lycee*",
                            "batiment*", "commune*", "etablissement*", "equipement*", "agent*", "usager*",
                            "habitant*", "beneficiaire*", "structure*", "restaurant*", "cantine*", "voirie*"};

// "local" after these words is legitimate: institutions, IT, rules, or the noun "un local" (a room).
const Words kLocalExempt = {"collectivite*", "autorite*", "administration*", "mission*", "heure*", "boucle*",
                            "instance*", "echelle", "echelon*", "niveau*", "regie*", "reseau*", "stockage", "serveur*",
                            "compte*", "elu", "elus", "elue*", "pouvoir*", "democratie", "comite*", "plan*", "agenda*",
                            "taxe*", "fiscalite", "impot*", "contexte*", "contrainte*", "specificite*", "condition*",
                            "reglementation*", "regle*", "usage*", "habitude*", "climat*", "meteo*", "pouvoirs",
                            "le", "un", "du", "au", "ce", "cet", "chaque", "son", "notre", "votre", "leur", "en",
                            "mon", "ton", "quel", "de", "d", "type", "types", "par", "premier", "dernier", "nouveau"};
// Institutions and administrative names carrying "régional" or "départemental".
const Words kTerritoryExempt = {"conseil*", "route*", "direction*", "parc*", "agence*", "chambre*", "centre*",
                               "service*", "collectivite*", "schema*", "plan*", "observatoire*", "cour", "comite*",
                               "maison*", "archive*", "laboratoire*", "syndicat*", "caisse*", "union*", "federation*",
                               "office*", "hospitalier*", "universitaire*", "fonds", "prefet*", "prefecture*",
                               "delegation*", "delegue*", "musee*", "etablissement*", "hopita*", "conference*",
                               "contrat*", "programme*", "echelon*", "niveau*", "echelle", "administration*",
                               "autorite*", "instance*", "voie*", "chemin*", "reseau*", "cooperative*", "fonction*",
                               "agent*", "cadre*", "cohesion", "ingenierie", "filiere*"};
// "locaux" means premises unless it qualifies operators or goods, or is a predicate ("doivent être locaux").
const Words kLocauxQualified = {"producteur*", "fournisseur*", "entreprise*", "artisan*", "acteur*", "commercant*",
                                "prestataire*", "operateur*", "partenaire*", "agriculteur*", "eleveur*", "produit*",
                                "circuit*", "traitant*", "approvisionnement*", "emploi*", "recrutement*", "denree*",
                                "maraicher*", "commerce*", "achat*", "ingredient*", "aliment*", "materiau*",
                                "etre", "sont", "soient", "seront", "etaient", "exclusivement", "uniquement",
                                "majoritairement", "prioritairement", "principalement"};
// "localement" about data or software is legitimate ("données stockées localement").
const Words kLocalementExempt = {"stock*", "install*", "heberg*", "sauvegard*", "enregistr*", "execut*", "trait*",
                                 "conserv*", "deploy*", "compil*", "donnee*", "calcul*", "copie*"};
const Words kProximiteExempt = {"encadrement", "management", "manager*", "capteur*", "detecteur*", "police",
                                "justice", "relation*", "accompagnement", "soin*", "referent*", "tutorat", "tuteur*"};
// Distances: "à moins de 30 km" scores a place; "300 km d'autonomie" or "g CO2/km" does not.
const Words kDistanceCue = {"rayon", "moins", "maximum", "max", "maxi", "plus", "distance", "a", "situe*",
                            "eloigne*", "inferieur*", "au", "dans"};
const Words kDistanceUse = {"autonomie", "parcour*", "kilometrage*", "emission*", "co2*", "gco2*", "consommation*",
                            "g", "grammes", "gramme", "l", "litre*", "par", "an", "ans", "annuel*", "annee*",
                            "vitesse*", "h", "heure", "kwh", "roulage", "voirie", "chaussee*", "lineaire*"};

// Measures whose value depends on where the candidate is (CE, 12 Sept 2018, n° 420585: a travel-cost criterion
// computed from the candidate's premises): a distance, a travel time or a travel cost counted from its premises,
// or its postcode. Delivery times, emissions per delivery or the number of intermediaries measure the offer.
const Words kMeasure = {"distance*", "km", "kms", "kilometr*", "trajet*", "deplacement*", "eloignement*", "acheminement*",
                        "route", "isochrone*", "temps", "duree", "frais", "cout", "couts"};
// The candidate's premises; they count when owned ("son agence", "le siège du candidat").
const Words kPremises = {"siege*", "agence", "agences", "locaux", "local", "depot", "depots", "entrepot*", "atelier*",
                         "adresse*", "implantation*", "base", "bases", "etablissement", "etablissements", "bureau", "bureaux"};
const Words kOwner = {"son", "sa", "ses", "leur", "leurs"};
const Words kCandidate = {"candidat*", "soumissionnaire*", "entreprise*", "prestataire*", "titulaire*", "fournisseur*",
                          "operateur*", "societe*", "attributaire*", "groupement*"};

const Words kOriginTerms = {"made in france", "origine france*", "origine francaise", "fabrique* en france",
                            "fabrication francaise", "produit* en france", "produit* francais*",
                            "entreprise* francaise*", "societe* francaise*", "viande* francaise*", "viande* de france",
                            "terroir*", "locavor*"};

struct Scan {
    std::string_view source;
    const std::vector<Token>& t;
    LocalismScope scope;
    std::vector<std::pair<size_t, size_t>> hits;

    bool same_sentence(size_t a, size_t b) const { return t[a].sentence == t[b].sentence; }
    const std::string& w(size_t i) const { return t[i].word; }

    // Whether a word within `before` tokens before i or `after` tokens after i (same sentence) matches.
    bool near(size_t i, size_t before, size_t after, const Words& list) const {
        for (size_t k = 1; k <= before && k <= i; ++k)
            if (same_sentence(i - k, i) && any_word_matches(w(i - k), list)) return true;
        for (size_t k = 1; k <= after && i + k < t.size(); ++k)
            if (same_sentence(i + k, i) && any_word_matches(w(i + k), list)) return true;
        return false;
    }
    bool previous_is(size_t i, const Words& list) const {
        return i > 0 && same_sentence(i - 1, i) && any_word_matches(w(i - 1), list);
    }
    // The previous word, skipping "de", "du", "des", "d" ("encadrement de proximité").
    bool previous_skipping_de(size_t i, const Words& list) const {
        size_t k = i;
        while (k > 0 && same_sentence(k - 1, i) && (w(k - 1) == "de" || w(k - 1) == "du" || w(k - 1) == "des" || w(k - 1) == "d")) --k;
        return previous_is(k, list);
    }
    bool anchored(size_t i) const {
        const size_t window = 6;
        if (near(i, window, window, kStrongAnchors)) return true;
        if (scope == LocalismScope::criterion && near(i, window, window, kCriterionAnchors)) return true;
        const bool operators = near(i, window, window, kWeakAnchors);
        if (operators && near(i, window, window, kPlacing)) return true;
        return operators && !near(i, window, window, kPlaceOfWork);
    }
    void add(size_t first, size_t last) { hits.emplace_back(first, last); }

    void local_adjective(size_t i) {
        if (previous_is(i, kLocalExempt)) return;
        if (scope == LocalismScope::criterion || anchored(i)) add(i, i);
    }
    void locaux(size_t i) {
        // Skip a coordinating word: "producteurs et fournisseurs locaux".
        if (previous_is(i, kLocauxQualified) || (i >= 2 && (w(i - 1) == "et" || w(i - 1) == "ou") && previous_is(i - 1, kLocauxQualified)))
            add(i, i);
    }
    void territory_adjective(size_t i) {
        if (previous_skipping_de(i, kTerritoryExempt)) return;
        if (scope == LocalismScope::criterion || anchored(i)) add(i, i);
    }
    void proximite(size_t i) {
        if (previous_skipping_de(i, kProximiteExempt)) return;
        if (scope == LocalismScope::criterion || anchored(i)) add(i, i);
    }
    void distance(size_t i) {
        if (previous_is(i, {"a", "longue"})) return;   // "à distance", "longue distance"
        if (i + 2 < t.size() && w(i + 1) == "de" && any_word_matches(w(i + 2), {"freinage", "securite", "visibilite"})) return;
        if (scope == LocalismScope::criterion || anchored(i)) add(i, i);
    }
    void territory_noun(size_t i) {
        if (previous_is(i, kTerritoryExempt) && !previous_is(i, {"niveau*", "echelle", "echelon*"})) return;
        if (anchored(i)) add(i, i);
    }
    void location_verb(size_t i) {
        // "implanté", "situé à" only matter when an operator or its premises are placed.
        const size_t window = 6;
        Words anchors = kWeakAnchors;
        for (const char* a : {"siege*", "agence", "agences", "depot", "depots", "entrepot*", "atelier*", "usine*", "magasin*"}) anchors.push_back(a);
        if (near(i, window, window, anchors)) add(i, i);
    }
    void kilometres(size_t i) {
        if (near(i, 4, 3, kDistanceUse)) return;
        if (!near(i, 5, 0, kDistanceCue)) return;
        // In a description, a distance places the site; it scores a place only when it places an operator.
        if (scope == LocalismScope::text && !anchored(i)) return;
        size_t first = i;
        while (first > 0 && same_sentence(first - 1, i) && !t[first - 1].word.empty() &&
               std::isdigit(static_cast<unsigned char>(t[first - 1].word[0])))
            --first;
        add(first, i);
    }

    // A premises word at p that belongs to the candidate: "son agence", "le siège du candidat", "les locaux de
    // l'entreprise" (not "les locaux de la mairie").
    // The span (first, last) of the candidate's premises at p: "son agence", "siège du candidat"; first > last
    // when the word at p is not such premises.
    std::pair<size_t, size_t> candidate_premises(size_t p) const {
        if (!any_word_matches(w(p), kPremises)) return {1, 0};
        for (size_t k = 1; k <= 2 && k <= p; ++k)
            if (same_sentence(p - k, p) && any_word_matches(w(p - k), kOwner)) return {p - k, p};
        for (size_t k = 1; k <= 4 && p + k < t.size() && same_sentence(p + k, p); ++k)
            if (any_word_matches(w(p + k), kCandidate)) return {p, p + k};
        return {1, 0};
    }
    // A distance, travel time or travel cost measured from the candidate's premises, in the same sentence:
    // both the measure ("frais de déplacement") and the premises ("siège du candidat") are reported.
    void measured_from_premises(size_t i) {
        size_t last = i;
        // "temps", "durée", "frais", "coût" only as travel: "temps de trajet", "frais de déplacement".
        if (any_word_matches(w(i), {"temps", "duree", "frais", "cout", "couts", "route"})) {
            last = 0;
            for (size_t k = 1; k <= 3 && i + k < t.size() && same_sentence(i + k, i) && last == 0; ++k)
                if (any_word_matches(w(i + k), {"trajet*", "deplacement*", "route", "acces", "transport*", "parcours"})) last = i + k;
            if (last == 0) return;
        }
        for (size_t p = 0; p < t.size(); ++p) {
            if (!same_sentence(p, i)) continue;
            const auto [first, end] = candidate_premises(p);
            if (first > end) continue;
            add(i, last);
            add(first, end);
            return;
        }
    }
    void postcode(size_t i) {
        // "code postal du candidat", "codes postaux": a place as such in a criterion, the operator's in a text.
        if (scope == LocalismScope::criterion || near(i, 0, 6, kCandidate) || near(i, 3, 0, kOwner)) add(i - 1, i);
    }

    void run() {
        for (size_t i = 0; i < t.size(); ++i) {
            if (any_word_matches(w(i), kMeasure)) measured_from_premises(i);
            if (i > 0 && w(i - 1) == "code" && (w(i) == "postal" || w(i) == "postaux")) postcode(i);
            if (i > 0 && w(i - 1) == "codes" && w(i) == "postaux") postcode(i);
            const std::string& x = w(i);
            if (x == "local" || x == "locale" || x == "locales") local_adjective(i);
            else if (x == "locaux") locaux(i);
            else if (x == "localement") { if (!near(i, 3, 0, kLocalementExempt)) add(i, i); }
            else if (word_matches(x, "regional*") || x == "regionaux" || word_matches(x, "departemental*") ||
                     x == "departementaux" || word_matches(x, "territorial*") || x == "territoriaux")
                territory_adjective(i);
            else if (x == "proximite" || x == "proximites") proximite(i);
            else if (x == "distance" || x == "distances") distance(i);
            else if (x == "departement" || x == "departements" || x == "region" || x == "regions" || x == "territoire" ||
                     x == "territoires") territory_noun(i);
            else if (word_matches(x, "implant*") || ((x == "situe" || x == "situee" || x == "situes" || x == "situees") &&
                                                      i + 1 < t.size() && (w(i + 1) == "a" || w(i + 1) == "dans")))
                location_verb(i);
            else if ((x == "francais" || x == "francaise" || x == "francaises") && near(i, 2, 0, kFrenchGoods)) add(i, i);
            else if (x == "km" || x == "kms" || word_matches(x, "kilometre*") ||
                     (x.size() > 2 && x.compare(x.size() - 2, 2, "km") == 0 && std::isdigit(static_cast<unsigned char>(x[0]))))
                kilometres(i);
        }
        for (const TermHit& h : find_terms(t, kOriginTerms)) add(h.first, h.last);
    }
};

}  // namespace

// A term's patterns: folded words, the '*' kept; any other character separates ("chiffre d'affaire*").
std::vector<std::string> split_term(std::string_view term) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : fold(term)) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '#' || static_cast<unsigned char>(c) >= 0x80;
        if (keep) cur += c;
        else if (!cur.empty()) { out.push_back(cur); cur.clear(); }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    int sentence = 0;
    size_t start = std::string_view::npos;
    auto flush = [&](size_t end) {
        if (start == std::string_view::npos) return;
        Token tok;
        tok.text = std::string(s.substr(start, end - start));
        tok.word = fold(tok.text);
        tok.begin = start;
        tok.end = end;
        tok.sentence = sentence;
        out.push_back(std::move(tok));
        start = std::string_view::npos;
    };
    for (size_t i = 0; i < s.size();) {
        size_t len = sequence_length(static_cast<unsigned char>(s[i]));
        long cp = code_point(s, i, len);
        if (cp < 0) len = 1;
        if (word_code_point(cp)) {
            if (start == std::string_view::npos) start = i;
        } else {
            flush(i);
            if (sentence_break(s, i, cp)) ++sentence;
        }
        i += len;
    }
    flush(s.size());
    return out;
}

bool word_matches(std::string_view word, std::string_view pattern) {
    if (pattern == "#") return !word.empty() && std::isdigit(static_cast<unsigned char>(word[0]));
    if (!pattern.empty() && pattern.back() == '*') {
        pattern.remove_suffix(1);
        return word.size() >= pattern.size() && word.compare(0, pattern.size(), pattern) == 0;
    }
    return word == pattern;
}

bool any_word_matches(std::string_view word, const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns)
        if (word_matches(word, p)) return true;
    return false;
}

std::vector<TermHit> find_terms(const std::vector<Token>& tokens, const std::vector<std::string>& terms) {
    std::vector<TermHit> out;
    for (const std::string& term : terms) {
        const std::vector<std::string> parts = split_term(term);
        if (parts.empty()) continue;
        for (size_t i = 0; i + parts.size() <= tokens.size(); ++i) {
            bool match = true;
            for (size_t k = 0; k < parts.size() && match; ++k)
                match = word_matches(tokens[i + k].word, parts[k]) && tokens[i + k].sentence == tokens[i].sentence;
            if (match) out.push_back({i, i + parts.size() - 1, term});
        }
    }
    std::sort(out.begin(), out.end(), [](const TermHit& a, const TermHit& b) { return a.first < b.first; });
    return out;
}

std::string span_text(std::string_view source, const std::vector<Token>& tokens, size_t first, size_t last) {
    if (first > last || last >= tokens.size()) return "";
    return std::string(source.substr(tokens[first].begin, tokens[last].end - tokens[first].begin));
}

std::vector<std::string> find_localism(std::string_view text, LocalismScope scope) {
    const std::vector<Token> tokens = tokenize(text);
    Scan scan{text, tokens, scope, {}};
    scan.run();
    // By position, longest first, so that a span inside another ("française" in "origine française") is dropped.
    std::sort(scan.hits.begin(), scan.hits.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    std::vector<std::string> out, seen;
    size_t covered_until = 0;
    bool any = false;
    for (const auto& [first, last] : scan.hits) {
        if (any && last <= covered_until) continue;
        covered_until = any ? std::max(covered_until, last) : last;
        any = true;
        std::string s = span_text(text, tokens, first, last);
        std::string key = fold(s);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        out.push_back(s);
    }
    return out;
}

}  // namespace clausier
