// portfolio.h — the buyer's year: several projects read together (DOMAIN.md §7). One summary gives the
// purchase plan (programmation), the responsible-purchasing indicators a SPASER is measured on, and the
// findings that only show across projects (a need split into several consultations, R.2121-1 to R.2121-9).
// `clausier portfolio` prints it (../shared/CLI.md); the plan, SPASER report and app draw from it.
#pragma once
#include "checks/checks.h"
#include "portfolio/considerations.h"
#include <map>

namespace clausier {

struct PortfolioProject {
    std::string file;        // where it came from: a file name, or the app's project id
    Project project;
};

struct ShareCount {          // how many projects, and how much value, have a property; shares of the whole
    int contracts = 0;
    double value = 0;        // euros HT, whole duration
    double share_contracts = 0, share_value = 0;   // 0 to 1
};

// One project as the year sees it, computed once.
struct PortfolioItem {
    const PortfolioProject* source = nullptr;
    Date launch;                   // planned launch date (invalid when none)
    double value = 0;              // euros HT over the whole duration: the value that sizes the procedure
    ProcedureResult procedure;
    Considerations considerations;
    ProjectStatus status = ProjectStatus::preparation;
    bool reserved = false;         // at least one reserved lot or reservation clause
    bool sme_friendly = false;     // divided into lots, or a clause serving access of SMEs (goal « acces-pme »)
    double insertion_planned = 0;  // hours, from the project's insertion clause and calculator (0 without one)
    double insertion_done = 0;     // hours recorded in execution
    std::string group;             // family id, else "cpv:" + CPV division: what makes purchases homogeneous
};

struct EgalimReached {             // EGalim shares recorded in execution, weighted by the projects' values
    int contracts = 0;
    double quality_share = 0, organic_share = 0;   // percent
};

struct PortfolioSummary {
    std::vector<PortfolioItem> items;   // sorted by launch date (undated last), then file
    double value = 0;
    ShareCount environmental, social, reserved, sme_friendly;
    double insertion_planned = 0, insertion_done = 0;   // hours
    EgalimReached egalim;
    std::vector<Finding> findings;
    std::vector<std::string> where;     // for each finding, the files it names, joined by ", "
    // Consultations launched in each quarter, by (year, quarter 1–4), undated ones left out: the purchase plan's
    // timeline in the app and in the documents.
    std::map<std::pair<int, int>, int> launches_by_quarter;
};

// « T2 2027 »: a quarter as the purchase plan names it.
std::string quarter_label(int year, int quarter);

// The portfolio's rules (data/legal/portfolio_rules.json, same form as rules.json), parsed once.
const RuleSet& bundled_portfolio_rules();

// `year`: keep the projects launched that year (0 = all). `projects` must outlive the summary.
PortfolioSummary summarize_portfolio(const std::vector<PortfolioProject>& projects, int year = 0,
                                     const Library& lib = bundled_library(), const LegalData& law = bundled_legal_data(),
                                     const RuleSet& rules = bundled_portfolio_rules());
// {"projects", "value", "environmental", "social", "plan", "findings"} per ../shared/CLI.md, plus "indicators".
json portfolio_to_json(const PortfolioSummary& s);

}  // namespace clausier
