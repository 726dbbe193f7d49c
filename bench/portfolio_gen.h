// portfolio_gen.h — the benchmark's generated portfolio (never shipped): `n` project files made from the
// bundled workshop scenarios, each with its own title, a launch date spread over two years (every quarter
// used) and its values scaled, so that the portfolio's groups, thresholds and quarters all vary. Used by the
// native timer (bench_core portfolio) and the wasm hook (clausier_bench "portfolio") for `portfolio_500_ms`:
// the files read, the indicators and findings recomputed and the plan's quarters counted.
#pragma once
#include "portfolio/portfolio.h"
#include "project/scenarios.h"
#include <cstdio>

namespace bench {

inline std::vector<std::string> generated_portfolio(int n) {
    std::vector<std::string> out;
    const auto& scenarios = clausier::bundled_scenarios();
    for (int i = 0; i < n; ++i) {
        clausier::Project p;
        std::string error;
        if (!clausier::project_from_text(scenarios[size_t(i) % scenarios.size()].text, p, error)) continue;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2027 + (i / 12) % 2, 1 + i % 12, 1 + (i * 7) % 28);
        p.title += " n° " + std::to_string(i + 1);
        p.need.launch_date = date;
        for (clausier::Lot& l : p.lots) l.value *= 0.2 + double(i % 17) / 8;
        out.push_back(clausier::project_to_text(p));
    }
    return out;
}

inline std::vector<clausier::PortfolioProject> read_files(const std::vector<std::string>& files) {
    std::vector<clausier::PortfolioProject> projects(files.size());
    std::string error;
    for (size_t i = 0; i < files.size(); ++i) {
        projects[i].file = "p" + std::to_string(i);
        clausier::project_from_text(files[i], projects[i].project, error);
    }
    return projects;
}

inline size_t summarize(const std::vector<clausier::PortfolioProject>& projects) {
    const clausier::PortfolioSummary s = clausier::summarize_portfolio(projects);
    return s.items.size() + s.launches_by_quarter.size();
}

// Reads the files and summarises them: what the app does when « Mon année » opens on this portfolio.
inline size_t summarize_files(const std::vector<std::string>& files) { return summarize(read_files(files)); }

}  // namespace bench
