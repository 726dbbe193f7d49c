// bench_hooks.cpp — the benchmark's hook, linked only into the benchmark's build of the page
// (build/wasm/pages/clausier_bench.html, target clausier_bench_app in cmake/app.cmake), never into
// dist/clausier.html. See docs/benchmarks.md.
#include <emscripten.h>
// clausier_bench: runs a core operation inside the module
// and answers with its timings as JSON (a string owned by the module until the next call). `arg` is a byte
// range in the module's memory, so that large inputs (a 10,000-clause library) need no copy on the stack.
//   "put:<path>"  adds the file <path> = arg to the bundle; called before main, it makes the app run on a
//                 generated clause library (bundle_put)
//   "search"      clause search for the query arg over the app's library, 200 results as in the clause list
//   "cpv"         CPV search for the query arg
//   "export"      DOCX, ODT, HTML and Markdown exports of the project file arg
//   "memory"      the module's memory (which only grows: its peak) and the bytes malloc has handed out
//   "semantics"   arg "off" turns the semantic mirror off (src/ui/semantics.h), anything else on: the frame
//                 time is measured with and without it
//   "decp-begin", "decp-feed", "decp-end"
//                 a DECP file read as a stream (the page feeds the chunks it reads from a File), then its
//                 indicators: decp-end answers the records and contracts read
//   "portfolio"   arg projects generated (bench/portfolio_gen.h), read and summarised as « Mon année » does:
//                 portfolio_500_ms
// Times are medians in milliseconds; each run repeats the operation for at least 20 ms and divides.
#include "../../src/ui/semantics.h"
#include "base/bundle.h"
#include "library/cpv.h"
#include "export/export.h"
#include "opendata/decp.h"
#include "../portfolio_gen.h"
#include <memory>
#include <malloc.h>
#include <algorithm>
#include <cstdlib>
#include <functional>

namespace {
double median_ms(const std::function<void()>& op, int runs = 7) {
    op();   // warm-up: first-use loading (library, CPV table) is not what is measured
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        const double start = emscripten_get_now();
        int n = 0;
        double elapsed = 0;
        do {
            op();
            ++n;
            elapsed = emscripten_get_now() - start;
        } while (elapsed < 20 && n < 100000);
        times.push_back(elapsed / n);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

std::string bench_export(const std::string& text) {
    clausier::Project p;
    std::string error;
    if (!clausier::project_from_text(text, p, error)) return clausier::json{{"error", error}}.dump();
    clausier::json out{{"clauses", p.clauses.size()}};
    const std::pair<const char*, clausier::Format> formats[] = {
        {"docx", clausier::Format::docx}, {"odt", clausier::Format::odt}, {"html", clausier::Format::html}, {"md", clausier::Format::md}};
    for (const auto& [name, format] : formats) {
        size_t bytes = 0;
        out[name] = median_ms([&, f = format] { bytes = clausier::export_project(p, f).size(); }, 5);
        out[std::string(name) + "_bytes"] = bytes;
    }
    return out.dump();
}

std::unique_ptr<clausier::DecpReader> decp_reader;   // between decp-begin and decp-end
}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* clausier_bench(const char* what_c, const char* data, int size) {
    static std::string s;
    const std::string what = what_c, arg(data, size_t(std::max(size, 0)));
    clausier::json out;
    if (what.rfind("put:", 0) == 0) {
        clausier::bundle_put(what.substr(4), arg);
        out = {{"put", what.substr(4)}, {"bytes", arg.size()}};
    } else if (what == "portfolio") {
        const std::vector<std::string> files = bench::generated_portfolio(std::atoi(arg.c_str()));
        size_t items = 0;
        out = {{"ms", median_ms([&] { items = bench::summarize_files(files); }, 5)}};
        out["projects"] = files.size();
        out["items"] = items;
    } else if (what == "search") {
        const clausier::Library& lib = clausier::bundled_library();
        size_t hits = 0;
        out = {{"ms", median_ms([&] { hits = clausier::search_clauses(lib, arg, 200).size(); })}};
        out["hits"] = hits;
        out["clauses"] = lib.clauses.size();
    } else if (what == "cpv") {
        size_t hits = 0;
        out = {{"ms", median_ms([&] { hits = clausier::search_cpv(arg).size(); })}};
        out["hits"] = hits;
        out["codes"] = clausier::cpv_codes().size();
    } else if (what == "export") {
        s = bench_export(arg);
        return s.c_str();
    } else if (what == "decp-begin") {
        decp_reader = std::make_unique<clausier::DecpReader>();
        decp_reader->begin_file(arg);
        out = {{"began", arg}};
    } else if (what == "decp-feed" && decp_reader) {
        decp_reader->feed(arg);
        out = {{"fed", arg.size()}};
    } else if (what == "decp-end" && decp_reader) {
        decp_reader->end_file();
        const clausier::DecpData data = decp_reader->take();
        decp_reader.reset();
        out = {{"records", data.records}, {"contracts", clausier::decp_stats(data).contracts}};
    } else if (what == "semantics") {
        ui::sem_enable(arg != "off");
        out = {{"semantics", arg != "off"}};
    } else if (what == "memory") {
        const struct mallinfo m = mallinfo();
        out = {{"memory_bytes", double(__builtin_wasm_memory_size(0)) * 65536}, {"malloc_bytes", m.uordblks}};
    } else {
        out = {{"error", "unknown operation " + what}};
    }
    s = out.dump();
    return s.c_str();
}
