// recommend.h — ranks the library's clauses for a project: family and CPV match, nature, sustainable
// goals, ambition, value band and the obligations in force, with the reasons in French. Already-chosen
// clauses and clauses that overlap a chosen one are marked rather than hidden.
#pragma once
#include "law/legal.h"
#include "library/library.h"

namespace clausier {

struct Recommendation {
    const Clause* clause = nullptr;
    double score = 0;                  // 0–1, higher first
    std::vector<std::string> reasons;  // French, most important first
    bool chosen = false;
    std::string overlaps;              // id of a chosen clause this one overlaps, if any
};

// `procedure` is the project's (project_procedure), sized once per change by the caller.
std::vector<Recommendation> recommend(const Project& p, const ProcedureResult& procedure,
                                      const Library& lib = bundled_library());
json recommendations_to_json(const std::vector<Recommendation>& recs, size_t limit = 50);

}  // namespace clausier
