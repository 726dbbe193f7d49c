// Native timings for scripts/bench, on a release build of the core (the same code the app runs in wasm):
//   bench_core search LIB.json QUERY     clause search over a generated library (bench/gen.mjs), 200 results
//   bench_core export PROJECT.json MD    DOCX export of the project; writes its Markdown export to MD (for pandoc)
//   bench_core load                      loading the bundled clause library with its validation (the CLI's
//                                        `library check`) and without (what the app does: the build validated it)
//   bench_core recompute                 one keystroke in the need's object of the largest workshop scenario
//                                        (most clauses): the Session's edit and all the derived data, wall
//                                        time and processor time
//   bench_core decp FILE.json            reading a DECP file (bench/decp_gen.mjs) streamed from disk, and its
//                                        indicators; with the process's peak resident memory before and after
//   bench_core portfolio N               N generated projects (portfolio_gen.h) read and summarised: the
//                                        indicators, findings and plan quarters of « Mon année »
// Prints one JSON object; times are medians in milliseconds of 7 runs, each run repeating the operation for
// at least 20 ms.
#include "base/bundle.h"
#include "export/export.h"
#include "library/library.h"
#include "opendata/decp.h"
#include "project/scenarios.h"
#include "project/session.h"
#include "../portfolio_gen.h"
#include <sys/resource.h>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

using namespace clausier;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double median_ms(const std::function<void()>& op) {
    using clock = std::chrono::steady_clock;
    op();
    std::vector<double> times;
    for (int r = 0; r < 7; ++r) {
        const auto start = clock::now();
        int n = 0;
        double elapsed = 0;
        do {
            op();
            ++n;
            elapsed = std::chrono::duration<double, std::milli>(clock::now() - start).count();
        } while (elapsed < 20 && n < 100000);
        times.push_back(elapsed / n);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

json search(const std::string& lib_path, const std::string& query) {
    const json generated = json::parse(read_file(lib_path));
    for (const auto& [path, text] : generated.at("files").items()) bundle_put(path, text.get<std::string>());
    const Library& lib = bundled_library();
    size_t hits = 0;
    const double ms = median_ms([&] { hits = search_clauses(lib, query, 200).size(); });
    return {{"ms", ms}, {"hits", hits}, {"clauses", lib.clauses.size()}};
}

json export_docx(const std::string& project_path, const std::string& md_path) {
    Project p;
    std::string error;
    if (!project_from_text(read_file(project_path), p, error)) throw std::runtime_error(error);
    size_t bytes = 0;
    const double ms = median_ms([&] { bytes = export_project(p, Format::docx).size(); });
    std::ofstream(md_path, std::ios::binary) << export_project(p, Format::md);
    return {{"docx_ms", ms}, {"docx_bytes", bytes}, {"clauses", p.clauses.size()}};
}

json load() {
    size_t clauses = 0;
    const auto timed = [&](bool (*loader)(const std::vector<SourceFile>&, Library&, std::vector<LibraryProblem>&)) {
        return median_ms([&] {
            Library lib;
            std::vector<LibraryProblem> problems;
            loader(bundled_library_files(), lib, problems);
            clauses = lib.clauses.size();
        });
    };
    const double validated = timed(load_library), checked = timed(load_checked_library);
    return {{"load_ms", validated}, {"load_checked_ms", checked}, {"clauses", clauses}};
}

json recompute() {
    const Scenario* largest = nullptr;
    size_t most = 0;
    for (const Scenario& s : bundled_scenarios()) {
        Project p;
        std::string error;
        if (project_from_text(s.text, p, error) && (!largest || p.clauses.size() > most)) {
            largest = &s;
            most = p.clauses.size();
        }
    }
    if (!largest) throw std::runtime_error("no scenario");
    Session session;
    std::string error;
    if (!session.open_scenario(largest->name, error)) throw std::runtime_error(error);
    const unsigned long long before = session.computations();
    int n = 0;
    const auto keystroke = [&] {
        session.edit("besoin.object", [&](Project& p) { p.need.object += (++n % 2) ? "x" : "y"; }, Merge::typing);
    };
    const double wall_ms = median_ms(keystroke);
    // Processor time per keystroke over at least 300 ms of it: on a shared machine, the figure to read.
    const std::clock_t start = std::clock();
    int runs = 0;
    while (double(std::clock() - start) < 0.3 * CLOCKS_PER_SEC) { keystroke(); ++runs; }
    const double cpu_ms = 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC / runs;
    if (session.computations() == before) throw std::runtime_error("the edit computed nothing");
    return {{"cpu_ms", cpu_ms}, {"ms", wall_ms}, {"scenario", largest->name}, {"clauses", most}, {"findings", session.derived().findings.size()},
            {"recommendations", session.derived().recommendations.size()}};
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;   // kilobytes on Linux
}

json decp(const std::string& path) {
    bundled_library();
    const double before = peak_rss_mb();
    size_t records = 0, contracts = 0;
    const auto import = [&] {
        DecpReader reader;
        read_decp_files({path}, reader);
        const DecpData data = reader.take();
        records = data.records;
        contracts = decp_stats(data).contracts;
    };
    const double ms = median_ms(import);
    // Processor time of one more run: the figure to read when the machine is shared.
    const std::clock_t start = std::clock();
    import();
    const double cpu_ms = 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC;
    return {{"ms", ms}, {"cpu_ms", cpu_ms}, {"records", records}, {"contracts", contracts}, {"rss_before_mb", before},
            {"peak_rss_mb", peak_rss_mb()}};
}

json portfolio(int n) {
    const std::vector<std::string> files = bench::generated_portfolio(n);
    size_t items = 0;
    const auto summarize = [&] { items = bench::summarize_files(files); };
    const double ms = median_ms(summarize);
    // Processor time of one more run, and of its two halves: reading the files, summarising the projects.
    const auto cpu = [](const std::function<void()>& op) {
        const std::clock_t start = std::clock();
        op();
        return 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC;
    };
    const double cpu_ms = cpu(summarize);
    std::vector<PortfolioProject> projects;
    const double read_ms = cpu([&] { projects = bench::read_files(files); });
    const double summary_ms = cpu([&] { items = bench::summarize(projects); });
    return {{"ms", ms}, {"cpu_ms", cpu_ms}, {"read_cpu_ms", read_ms}, {"summary_cpu_ms", summary_ms},
            {"projects", files.size()}, {"items", items}};
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "search") std::cout << search(args[1], args[2]).dump() << "\n";
        else if (args.size() == 3 && args[0] == "export") std::cout << export_docx(args[1], args[2]).dump() << "\n";
        else if (args.size() == 1 && args[0] == "load") std::cout << load().dump() << "\n";
        else if (args.size() == 1 && args[0] == "recompute") std::cout << recompute().dump() << "\n";
        else if (args.size() == 2 && args[0] == "decp") std::cout << decp(args[1]).dump() << "\n";
        else if (args.size() == 2 && args[0] == "portfolio") std::cout << portfolio(std::stoi(args[1])).dump() << "\n";
        else {
            std::cerr << "usage: bench_core search LIB.json QUERY | export PROJECT.json OUT.md | load | recompute | decp FILE.json | portfolio N\n";
            return 2;
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_core: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
