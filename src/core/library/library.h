// library.h — the clause library: model clauses with their metadata, loaded from clauses/*.json (bundled or
// from a folder), validated by the rules in clauses/README.md, and rendered with the buyer's variable values.
#pragma once
#include "project/model.h"
#include "base/text.h"
#include <memory>

namespace clausier {

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

struct Clause {
    std::string id;
    int version = 1;
    std::string title, pillar, kind, level;
    std::vector<std::string> families, cpv, natures, goals, documents, articles;
    std::string text;
    std::vector<Variable> variables;
    std::string proof, indicator, checkpoint, penalty;
    CriterionSpec criterion;
    ReservationSpec reservation;
    std::string explanation, cautions;
    Date valid_from, valid_until;
    std::string file;         // file it came from, for messages
    std::string search_text;  // folded title + text + explanation, for search

    const Variable* variable(std::string_view name) const;
    bool valid_on(Date d) const { return d.key() >= valid_from.key() && (!valid_until.valid() || d.key() <= valid_until.key()); }
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
};

struct LibraryProblem {
    std::string file, clause, message;   // message in French
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

    const Clause* find(std::string_view id) const;
    const Family* family(std::string_view id) const;
    const Goal* goal(std::string_view id) const;
    const Article* article(std::string_view id) const;
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
const Library& bundled_library();   // loaded once

// The clause text with variables replaced by the chosen values (or defaults), formatted the French way.
std::string render_clause(const Clause& c, const std::map<std::string, json>& values = {});
std::string format_value(const Variable& v, const json& value);
// Checks a value against a variable's type and bounds; French message on failure.
bool check_value(const Variable& v, const json& value, std::string& error);

struct LibraryStats {
    int clauses = 0;
    std::map<std::string, int> by_pillar, by_kind, by_family, by_level, by_document;
};
LibraryStats library_stats(const Library& lib);
json stats_to_json(const LibraryStats& s);
json clause_to_list_json(const Clause& c);   // the neutral form of `clausier library list`

// Clause search by words (accent- and case-insensitive), all words must match; by relevance.
std::vector<const Clause*> search_clauses(const Library& lib, std::string_view query, size_t limit = 10000);

// French labels of enumerated values, for display.
const char* pillar_label(std::string_view pillar);
const char* kind_label(std::string_view kind);
const char* level_label(std::string_view level);

}  // namespace clausier
