// library.h — the clause library: model clauses with their metadata, loaded from clauses/*.json (bundled or
// from a folder), validated by the rules in clauses/README.md, and rendered with the buyer's variable values.
#pragma once
#include "project/model.h"
#include "base/text.h"
#include <memory>
#include <unordered_map>

namespace clausier {

// The sustainable-development pillar a clause serves (DOMAIN.md §5).
enum class Pillar { environnemental, social, economique };

// What a clause is in the consultation file, and so where it goes and what it must carry (clauses/README.md).
enum class ClauseKind {
    specification,        // technical specification (CCTP)
    condition_execution,  // obligation of the holder during performance (CCAP), with its monitoring and sanction
    critere,              // award criterion with its scoring method (RC)
    selection,            // selection of candidates (RC)
    reservation,          // reserved contract or lot (RC, notice)
    sourcing,             // guidance for the buyer's market study, not a contract term
    clause_financiere,    // financial term binding the buyer (advance, payment, guarantee, price revision), CCAP
    organisation,         // how the consultation is organised (division into lots, variants), RC
};

enum class Level { essentiel, avance, exemplaire };   // ambition level

// Names as written in JSON files; from_name leaves `out` untouched and returns false for an unknown name.
const char* to_name(Pillar p);
const char* to_name(ClauseKind k);
const char* to_name(Level l);
bool from_name(std::string_view name, Pillar& out);
bool from_name(std::string_view name, ClauseKind& out);
bool from_name(std::string_view name, Level& out);

struct Variable {
    std::string name;
    std::string type;     // percent | integer | euros | hours | date | choice | text
    std::string label;
    json default_value;
    double min = 0, max = 0;
    std::vector<std::string> options;   // choice
    int max_length = 500;               // text
};

struct CriterionSpec {        // for award-criterion clauses
    std::string provides, method, scoring;
    double weight_min = 0, weight_max = 0;
};

struct ReservationSpec {      // for reservation clauses
    std::string structures, article;
    double share = 0;
};

// A clause that departs from the general terms (CCAG) the contract cites; the CCAP lists it in its
// derogations article (CCAG-FCS art. 1, CCAG-Travaux art. 1 and equivalents).
struct CcagDerogation {
    bool derogates = false;
    std::vector<std::string> articles;   // the CCAG articles it departs from, e.g. "CCAG-FCS art. 14.3"
    std::string summary;                 // one French sentence naming what departs
    // The articles of one CCAG, named by its short name ("CCAG-TIC"): a clause written for several CCAGs
    // (maintenance under the CCAG-FCS or the CCAG-Travaux) departs only from the one the contract applies.
    // Empty when the clause departs from none of that CCAG's articles.
    std::vector<std::string> articles_of(std::string_view ccag) const;
};

// When and against which texts the clause was last reviewed.
struct Review {
    Date date;
    std::vector<std::string> sources;    // real citations: "CCP, art. R.2113-7", "CCAG-FCS, art. 14"
};

struct Clause {
    std::string id;
    int version = 1;
    std::string title;
    Pillar pillar = Pillar::environnemental;
    ClauseKind kind = ClauseKind::specification;
    Level level = Level::essentiel;
    std::vector<std::string> families, cpv, natures, goals, documents, articles;
    std::string text;
    std::vector<Variable> variables;
    std::string offer_proof;       // what the bidder gives with its offer
    std::string execution_proof;   // what the holder supplies during execution, with its frequency
    std::string indicator, checkpoint, penalty;
    CriterionSpec criterion;
    ReservationSpec reservation;
    CcagDerogation ccag;
    bool consideration = true;     // false: never counts as an environmental or social consideration
    std::string explanation, cautions;
    Date valid_from, valid_until;
    Review review;
    std::string file;         // file it came from, for messages
    std::string search_text;  // folded title + text + explanation, for search

    const Variable* variable(std::string_view name) const;
    bool valid_on(Date d) const { return d.key() >= valid_from.key() && (!valid_until.valid() || d.key() <= valid_until.key()); }
    // Whether choosing it brings an environmental or social consideration of its pillar (L.2112-2,
    // L.2112-2-1, L.2152-7, the PNAD and DECP counts): not a financial or organisation clause, not a clause
    // marked `consideration: false` (data protection, a mere reminder of the law).
    bool counts_as_consideration() const {
        return consideration && kind != ClauseKind::clause_financiere && kind != ClauseKind::organisation &&
               kind != ClauseKind::sourcing;
    }
    // Whether it is of `k` and brings a consideration of pillar `p`.
    bool considers(ClauseKind k, Pillar p) const { return kind == k && pillar == p && counts_as_consideration(); }
};

struct Family {
    std::string id, label;
    std::vector<std::string> natures, cpv;
};

struct Goal {
    std::string id, label, pillar;
};

struct Article {
    std::string id, code, title;
    std::string citation;   // as shown to users: "CCP, art. L.2113-12", "loi n° 2020-105 du 10 février 2020 (AGEC), art. 58"
    std::vector<std::string> replaced_by;   // ids to cite instead (a reference found wrong, kept for old projects)
};

struct LibraryProblem {
    std::string file, clause, message;   // message in French
    // The drafting rule of the legal review it breaks ("sanction-dans-le-texte"…, clauses/README.md), empty for
    // a structural problem. A clause with a structural problem (a field missing or of the wrong type, an unknown
    // id) is left out of the library; a clause that only breaks drafting rules stays usable, so that projects
    // citing it still open, but `library check` fails.
    std::string rule;
    bool structural() const { return rule.empty(); }
};

// The distinct words of the clauses' search texts, for search_clauses. A query word matches a clause where
// it is part of one of the clause's words, so looking through the vocabulary (a few thousand words) replaces
// reading every clause's text. Offsets only, so that copies of a library may share it.
struct SearchIndex {
    size_t clauses = 0;                 // the number of clauses it was built for
    std::string vocabulary;             // every word, each after a '\n'
    std::vector<uint32_t> word_start;   // where each word starts in `vocabulary`
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> postings;   // per word: (clause, first position in its text)
};

struct Library {
    std::vector<Clause> clauses;
    std::vector<Family> families;
    std::vector<Goal> goals;
    std::vector<Article> articles;
    // Built by the first search rather than at load, which start-up pays for.
    mutable std::shared_ptr<const SearchIndex> search_index;
    // Clause id → position in `clauses`, built by load_library (positions, so that copies may share it). A
    // library whose clauses were changed after loading is searched clause by clause instead.
    std::shared_ptr<const std::unordered_map<std::string, size_t>> clause_index;

    // The clause with this id, or null: a hash lookup in a loaded library (checks and recommendations call it
    // inside their loops).
    const Clause* find(std::string_view id) const;
    const Family* family(std::string_view id) const;
    const Goal* goal(std::string_view id) const;
    const Article* article(std::string_view id) const;
    // The citation of an article id ("AGEC-58" → "loi n° 2020-105 du 10 février 2020 (AGEC), art. 58");
    // an id missing from the table is returned as it is.
    std::string citation(std::string_view id) const;
    // Citations of several ids, those of the same text grouped, joined by " ; ":
    // {"L.2112-2", "L.541-1", "R.2111-4"} → "CCP, art. L.2112-2, R.2111-4 ; C. env., art. L.541-1".
    std::string citations(const std::vector<std::string>& ids) const;
};

// A set of named JSON texts (path → content), from the bundle or from a folder.
struct SourceFile {
    std::string path, text;
};
std::vector<SourceFile> bundled_library_files();
bool read_library_folder(const std::string& dir, std::vector<SourceFile>& out, std::string& error);

// Loads and validates. Every problem is reported; clauses with problems are left out of `out`.
// Returns true when there is no problem.
bool load_library(const std::vector<SourceFile>& files, Library& out, std::vector<LibraryProblem>& problems);
// The same for files the build has already validated with load_library (`clausier library check` runs in the
// native build, which fails on any problem; the bundled files are in NFC, tests/core/test_library.cpp): the
// text is not checked or normalised again and the drafting rules are not run, so start-up does not pay for
// them. Structural problems are still reported and their clauses left out.
bool load_checked_library(const std::vector<SourceFile>& files, Library& out, std::vector<LibraryProblem>& problems);
const Library& bundled_library();   // the bundled files through load_checked_library, loaded once
// The bundled purchase families alone (clauses/families.json), read once without the clauses: what the need
// step shows before anything needs the library. The same list as bundled_library().families.
const std::vector<Family>& bundled_families();

// The placeholder a derogation names its CCAG article with, for a clause written for several CCAGs
// (« Par dérogation {{derogation_ccag}}, … »): it becomes « à l'article 14 du CCAG-FCS » for the CCAG the
// contract applies, « aux stipulations du CCAG applicable » when none is known or the clause lists none of
// that CCAG's articles. Never declared as a variable.
inline constexpr const char* kCcagPlaceholder = "derogation_ccag";

// The clause text with variables replaced by the chosen values (or defaults), formatted the French way.
// `ccag` is the short name of the CCAG the contract applies ("CCAG-FCS", from ccag_short), "" when unknown.
std::string render_clause(const Clause& c, const std::map<std::string, json>& values = {}, std::string_view ccag = {});
// What kCcagPlaceholder becomes for that CCAG: « à l'article 14 du CCAG-FCS », « aux articles 14 et 15 du … ».
std::string ccag_derogation_words(const CcagDerogation& d, std::string_view ccag);
std::string format_value(const Variable& v, const json& value);
// Checks a value against a variable's type and bounds; French message on failure.
bool check_value(const Variable& v, const json& value, std::string& error);

struct LibraryStats {       // counts keyed by the JSON names
    int clauses = 0;
    std::map<std::string, int> by_pillar, by_kind, by_family, by_level, by_document;
};
LibraryStats library_stats(const Library& lib);
json stats_to_json(const LibraryStats& s);
// The neutral form of `clausier library list` (CLI.md), plus the articles' citations (same order as
// "articles"), the proofs and whether the clause counts as a consideration.
json clause_to_list_json(const Clause& c, const Library& lib);

// Clause search by words (accent- and case-insensitive), all words must match; by relevance.
std::vector<const Clause*> search_clauses(const Library& lib, std::string_view query, size_t limit = 10000);

// French labels of enumerated values, for display.
const char* pillar_label(Pillar p);
const char* kind_label(ClauseKind k);
const char* level_label(Level l);
const char* level_label(std::string_view level);   // a level by name (a project's ambition); "?" when unknown

}  // namespace clausier
