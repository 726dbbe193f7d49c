// targets.h — the bodies of the fuzz targets, shared by the libFuzzer programs (tests/fuzz/fuzz_*.cpp) and the
// plain Catch2 replay of the corpus and of every crash found (tests/core/test_fuzz_regressions.cpp), so the
// native and the wasm test runs exercise the very same entry points without libFuzzer.
//
// Each target takes arbitrary bytes. It must not crash, hang or leak; it returns "" when every promise held,
// otherwise what broke (the libFuzzer program then aborts, so the input is saved as a crash).
#pragma once
#include "output_checks.h"
#include "library/cpv.h"
#include "export/export.h"
#include "library/library.h"
#include "project/model.h"
#include "base/bundle.h"
#include "opendata/decp.h"
#include "opendata/decp_renewals.h"
#include <cmath>
#include <string>
#include <string_view>

namespace clausier::fuzz {

// A project file: refused with a French sentence and `out` untouched, or read; a project read once is a
// fixed point of write-then-read (the canonical text does not move on a second pass).
inline std::string project(std::string_view data) {
    Project p;
    p.title = "\x01sentinel";
    std::string error;
    if (!project_from_text(std::string(data), p, error)) {
        if (error.empty()) return "refused without a message";
        if (!valid_utf8(error)) return "message is not UTF-8";
        if (p.title != "\x01sentinel") return "a refused file changed the project";
        return "";
    }
    if (!error.empty()) return "accepted with a message";
    const std::string once = project_to_text(p);
    Project again;
    if (!project_from_text(once, again, error)) return "its own canonical text is refused: " + error;
    if (project_to_text(again) != once) return "canonical text is not a fixed point";
    return "";
}

// One clause file, loaded with the real families and articles tables: every problem has a French message;
// every clause kept renders to UTF-8 and is found by a search on its own title.
inline std::string library(std::string_view data) {
    std::vector<SourceFile> files = {{"clauses/families.json", std::string(bundle_file("clauses/families.json"))},
                                     {"clauses/articles.json", std::string(bundle_file("clauses/articles.json"))},
                                     {"clauses/fuzz.json", std::string(data)}};
    Library lib;
    std::vector<LibraryProblem> problems;
    const bool ok = load_library(files, lib, problems);
    if (ok != problems.empty()) return "result disagrees with the problem list";
    for (const LibraryProblem& pr : problems)
        if (pr.message.empty() || !valid_utf8(pr.message)) return "problem without a readable message";
    for (const Clause& c : lib.clauses) {
        if (!valid_utf8(render_clause(c))) return "rendered clause is not UTF-8: " + c.id;
        bool found = false;
        for (const Clause* hit : search_clauses(lib, c.title)) found = found || hit == &c;
        if (!found) return "clause not found by its own title: " + c.id;
    }
    return "";
}

// Splits at the first and second NUL bytes: text, variables (JSON array), values (JSON object).
inline std::vector<std::string_view> split3(std::string_view data) {
    std::vector<std::string_view> parts;
    for (int k = 0; k < 2; ++k) {
        const size_t nul = data.find('\0');
        parts.push_back(data.substr(0, nul));
        data = nul == std::string_view::npos ? std::string_view() : data.substr(nul + 1);
    }
    parts.push_back(data);
    return parts;
}

inline json parse_small(std::string_view text) {
    if (!json_depth_within(text, kMaxJsonDepth)) return json();
    json j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json() : j;
}

// render_clause with any text, any variables (not validated, as a hand-built clause could be) and any values:
// UTF-8 in, UTF-8 out; a value is inserted, never expanded again.
inline std::string render(std::string_view data) {
    const std::vector<std::string_view> parts = split3(data);
    Clause c;
    c.text = std::string(parts[0]);
    const json vars = parse_small(parts[1]), values_doc = parse_small(parts[2]);
    if (vars.is_array()) {
        for (const json& v : vars) {
            if (!v.is_object()) continue;
            Variable var;
            auto text_of = [&](const char* k) { auto it = v.find(k); return it != v.end() && it->is_string() ? it->get<std::string>() : std::string(); };
            auto number_of = [&](const char* k) { auto it = v.find(k); return it != v.end() && it->is_number() ? it->get<double>() : 0.0; };
            var.name = text_of("name");
            var.type = text_of("type");
            var.label = text_of("label");
            var.default_value = v.contains("default") ? v["default"] : json();
            var.min = number_of("min");
            var.max = number_of("max");
            if (v.contains("options") && v["options"].is_array())
                for (const json& o : v["options"]) if (o.is_string()) var.options.push_back(o.get<std::string>());
            if (v.contains("max_length") && v["max_length"].is_number_integer()) var.max_length = v["max_length"].get<int>();
            c.variables.push_back(var);
        }
    }
    std::map<std::string, json> values;
    if (values_doc.is_object())
        for (auto it = values_doc.begin(); it != values_doc.end(); ++it) values[it.key()] = it.value();
    const std::string out = render_clause(c, values);
    if (valid_utf8(c.text) && !valid_utf8(out)) return "valid text rendered to invalid UTF-8";
    // The placeholders as the renderer reads them: from each "{{" to the next "}}".
    for (size_t p = c.text.find("{{"); p != std::string::npos; p = c.text.find("{{", p + 2)) {
        const size_t e = c.text.find("}}", p + 2);
        if (e == std::string::npos) break;
        const Variable* v = c.variable(c.text.substr(p + 2, e - p - 2));
        p = e;
        std::string error;
        auto it = v ? values.find(v->name) : values.end();
        if (!v || v->type != "text" || it == values.end() || !check_value(*v, it->second, error)) continue;
        if (out.find(it->second.get_ref<const std::string&>()) == std::string::npos)
            return "the value of " + v->name + " is not in the text";
    }
    return "";
}

// A project exported in every format and document kind: each file is well-formed for its format (HTML with
// nothing active, Markdown without raw HTML, DOCX/ODT packages that read back with well-formed XML and nothing
// external, JSON that parses).
inline std::string exports(std::string_view data) {
    Project p;
    std::string error;
    if (!project_from_text(std::string(data), p, error)) return "";
    for (Format f : kAllFormats) {
        for (DocumentKind k : kAllKinds) {
            const std::string problem = export_problem(export_project(p, f, k), f);
            if (!problem.empty()) return problem;
            if (f == Format::json || f == Format::ocds) break;   // one file whatever the kind
        }
    }
    const std::string name = export_file_name(p, Format::docx, DocumentKind::dce);
    for (char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return "file name not ASCII-safe: " + name;
    return "";
}

// CPV and clause search with any query: bounded results, each really matching.
inline std::string search(std::string_view data) {
    const std::vector<const CpvCode*> codes = search_cpv(data, 50);
    if (codes.size() > 50) return "search_cpv went past its limit";
    for (const CpvCode* c : codes) if (!c) return "null CPV result";
    find_cpv(data);
    const Library& lib = bundled_library();
    family_for_cpv(lib, data);
    const std::vector<std::string> terms = words(fold(data));
    for (const Clause* c : search_clauses(lib, data, 40)) {
        if (!c) return "null clause result";
        for (const std::string& t : terms)
            if (c->search_text.find(t) == std::string::npos) return "clause " + c->id + " does not contain " + t;
    }
    return "";
}

// A published DECP file (opendata/decp.h), as the app reads it: fed whole, then in small chunks whose size
// the input's first byte chooses (the streaming reader must not depend on where the browser cuts the file).
// Nothing throws; both readings agree; every record is kept, set aside or a duplicate, and every problem has
// a French message; kept values are sane (a trusted amount finite and not negative); the indicators, their
// JSON (which throws on invalid UTF-8), the renewals' CSV and a project from each renewal all compute.
inline std::string decp(std::string_view data) {
    DecpOptions options;
    options.today = Date{2026, 11, 22};
    options.max_problems = 200;
    const size_t chunk = data.empty() ? 1 : 1 + static_cast<unsigned char>(data[0]) % 61;
    DecpReader whole(options), pieces(options);
    whole.begin_file("fuzz.json", data.size());
    whole.feed(data);
    whole.end_file();
    pieces.begin_file("fuzz.json", data.size());
    for (size_t i = 0; i < data.size(); i += chunk) pieces.feed(data.substr(i, chunk));
    pieces.end_file();
    const DecpData& d = whole.data();
    const DecpData& p = pieces.data();
    if (d.records != p.records || d.contracts.size() != p.contracts.size() || d.set_aside != p.set_aside ||
        d.duplicates != p.duplicates || d.problems_total != p.problems_total)
        return "the reading depends on the chunks: " + std::to_string(d.records) + "/" + std::to_string(d.contracts.size()) +
               " whole, " + std::to_string(p.records) + "/" + std::to_string(p.contracts.size()) + " in chunks of " + std::to_string(chunk);
    if (d.contracts.size() + d.set_aside + d.duplicates != d.records) return "a record is neither kept, set aside nor a duplicate";
    for (const DecpProblem& pr : d.problems)
        if (pr.message.empty() || !valid_utf8(pr.message)) return "problem without a readable message (field " + pr.field + ")";
    for (const DecpContract& c : d.contracts) {
        if (c.value_trusted && (!std::isfinite(c.value) || c.value < 0)) return "a trusted amount is not a sane number";
        if (c.duration_months < 0 || c.offers < 0) return "a negative duration or number of offers was kept";
    }
    const DecpStats stats = decp_stats(d);
    if (stats.records != d.records) return "the indicators count another number of records";
    std::string json_text;
    try {
        json_text = decp_stats_to_json(stats).dump();
    } catch (const std::exception& e) {
        return std::string("the indicators' JSON cannot be written: ") + e.what();
    }
    if (!valid_utf8(decp_renewals_csv(stats))) return "the renewals' CSV is not UTF-8";
    for (const DecpRenewal& r : stats.renewals) {
        const Project project = project_from_renewal(r, options.today);
        if (!valid_utf8(project_to_text(project))) return "a project from a renewal is not UTF-8";
    }
    return "";
}

struct Target {
    const char* name;
    std::string (*run)(std::string_view);
};

inline const Target kTargets[] = {
    {"project", project}, {"library", library}, {"render", render}, {"export", exports}, {"search", search},
    {"decp", decp}};

}  // namespace clausier::fuzz
