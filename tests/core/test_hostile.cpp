// Hostile inputs (tests/hostile/, plus the big ones generated here): every invalid file is refused with one
// French sentence, quickly, and leaves the project in memory as it was; every valid one opens and exports in
// every format without any of its text turning into markup, code or a request.
#include "../fuzz/output_checks.h"
#include "base/bundle.h"
#include "library/library.h"
#include "project/model.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <climits>
#include <dirent.h>
#include <fstream>
#include <sstream>

using namespace clausier;

namespace {

const std::string kHostileDir = std::string(CLAUSIER_SOURCE_DIR) + "/tests/hostile/";

Project current_project() {   // the project "in memory" that a refused file must leave alone
    Project p;
    p.title = "Projet en cours";
    p.need.object = "Nettoyage des écoles";
    p.lots = {{"Lot unique", 62500, "", ""}};
    return p;
}

template <class F>
double seconds(F f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Refused, with one French sentence, within `max_seconds`, the current project unchanged.
void check_refused(const std::string& text, double max_seconds = 10) {
    Project p = current_project();
    const std::string before = project_to_text(p);
    std::string error;
    bool ok = true;
    CHECK(seconds([&] { ok = project_from_text(text, p, error); }) < max_seconds);
    CHECK_FALSE(ok);
    CHECK_FALSE(error.empty());
    CHECK(error.find('\n') == std::string::npos);
    CHECK(valid_utf8(error));
    CHECK(fold(error).find("projet") != std::string::npos);   // every loader message names what was expected
    CHECK(project_to_text(p) == before);
}

std::string nested(const char* open, const char* close, int depth) {
    std::string s;
    s.reserve(size_t(depth) * 6);
    for (int i = 0; i < depth; ++i) s += open;
    for (int i = 0; i < depth; ++i) s += close;
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

TEST_CASE("Every invalid file of the hostile corpus is refused in French, the project untouched", "[hostile]") {
    const std::vector<std::string> files = test_files::names(kHostileDir, "invalid-");
    REQUIRE(files.size() >= 40);
    for (const std::string& name : files) {
        INFO(name);
        check_refused(test_files::read(kHostileDir + name));
    }
}

TEST_CASE("A file from a newer version is refused, saying so", "[hostile]") {
    Project p = current_project();
    std::string error;
    REQUIRE_FALSE(project_from_text(test_files::read(kHostileDir + "invalid-version-future.json"), p, error));
    CHECK(error.find("plus récente") != std::string::npos);
    CHECK(p.title == "Projet en cours");
}

TEST_CASE("Generated hostile inputs are refused quickly: deep nesting, 50 MB, huge numbers", "[hostile]") {
    const std::string head = "{\"format\": \"clausier-projet\", \"schema_version\": 1, \"title\": \"x\", ";
    SECTION("100 000 nested arrays") { check_refused(nested("[", "]", 100000)); }
    SECTION("100 000 nested objects") { check_refused(nested("{\"a\":", "}", 100000)); }
    SECTION("deep nesting inside a project") { check_refused(head + "\"futur\": " + nested("[", "]", 100000) + "}"); }
    SECTION("deep nesting in a chosen clause's values") {
        check_refused(head + "\"clauses\": [{\"id\": \"NET-E-001\", \"values\": {\"v\": " + nested("{\"a\":", "}", 5000) + "}}]}");
    }
    SECTION("a 50 MB file") {
        std::string big(50u << 20, ' ');
        big.replace(0, head.size(), head);
        big.replace(big.size() - 13, 13, "\"fin\": \"fin\"}");
        check_refused(big);
        Project p;
        std::string error;
        project_from_text(big, p, error);
        CHECK(error.find("volumineux") != std::string::npos);
    }
    SECTION("numbers out of range") {
        for (const char* n : {"1e308", "-1", "1e400", "-1e400", "NaN", "Infinity", "0x10", "1e-400x"}) {
            INFO(n);
            check_refused(head + "\"lots\": [{\"title\": \"A\", \"value\": " + n + "}]}");
        }
    }
    SECTION("lists longer than any consultation") {
        std::string lots = head + "\"lots\": [";
        for (int i = 0; i < 1001; ++i) lots += (i ? ",{}" : "{}");
        check_refused(lots + "]}");
    }
}

TEST_CASE("Nesting up to the limit is accepted and kept on save", "[hostile]") {
    const std::string text = "{\"format\": \"clausier-projet\", \"schema_version\": 1, \"futur\": " + nested("[", "]", 200) + "}";
    Project p;
    std::string error;
    REQUIRE(project_from_text(text, p, error));
    Project again;
    REQUIRE(project_from_text(project_to_text(p), again, error));
    CHECK(again.unknown == p.unknown);
    CHECK(json_depth_within("[[[\"]]]]]]]]\"]]]", 3));    // brackets inside strings do not count
    CHECK_FALSE(json_depth_within("[[[[\"\\\"\"]]]]", 3));   // nor do escaped quotes end a string
}

TEST_CASE("Every valid file of the hostile corpus opens and exports well-formed in every format", "[hostile]") {
    const std::vector<std::string> files = test_files::names(kHostileDir, "valid-");
    REQUIRE(files.size() >= 10);
    for (const std::string& name : files) {
        INFO(name);
        Project p;
        std::string error;
        REQUIRE(project_from_text(test_files::read(kHostileDir + name), p, error));
        for (Format f : fuzz::kAllFormats)
            for (DocumentKind k : fuzz::kAllKinds) {
                INFO("format " << format_extension(f) << ", document " << int(k));
                CHECK(fuzz::export_problem(export_project(p, f, k), f) == "");
            }
    }
}

TEST_CASE("1 MB strings in every text: read, exported well-formed, in bounded time", "[hostile]") {
    std::string big;
    while (big.size() < (1u << 20)) big += "é<script>&]]>{{x}} =cmd|' /C calc'!A0 ";
    const json b = big;
    const std::string text = "{\"format\": \"clausier-projet\", \"schema_version\": 1, \"title\": " + b.dump() +
                             ", \"need\": {\"object\": \"Nettoyage\", \"description\": " + b.dump() +
                             "}, \"specifications\": [{\"title\": \"T\", \"text\": " + b.dump() + "}]}";
    Project p;
    std::string error;
    REQUIRE(project_from_text(text, p, error));
    for (Format f : fuzz::kAllFormats) {
        INFO(format_extension(f));
        std::string out;
        CHECK(seconds([&] { out = export_project(p, f, DocumentKind::dce); }) < 60);
        CHECK(fuzz::export_problem(out, f) == "");
        CHECK(out.size() < 40 * text.size());
    }
}

TEST_CASE("Injected markup stays text in every export", "[hostile]") {
    Project p;
    std::string error;
    REQUIRE(project_from_text(test_files::read(kHostileDir + "valid-injection.json"), p, error));
    for (DocumentKind k : fuzz::kAllKinds) {
        INFO("document " << int(k));
        const std::string html = export_project(p, Format::html, k);
        CHECK(lower(html).find("<script") == std::string::npos);
        CHECK(html.find("<img") == std::string::npos);
        CHECK(html.find("]]>") == std::string::npos);
        CHECK(html.find("&lt;script&gt;") != std::string::npos);   // shown, as text
        CHECK(fuzz::html_problem(html) == "");

        const std::string md = export_project(p, Format::md, k);
        CHECK(fuzz::markdown_problem(md) == "");
        CHECK(md.find("\\<script\\>") != std::string::npos);

        for (Format f : {Format::docx, Format::odt}) {
            const std::string bytes = export_project(p, f, k);
            CHECK(fuzz::package_problem(bytes, f) == "");
            std::vector<test_support::ZipPart> parts;
            REQUIRE(test_support::zip_read(bytes, parts, error));
            std::string all;
            for (const test_support::ZipPart& e : parts) {
                INFO(e.name);
                CHECK(e.data.find("]]>") == std::string::npos);
                CHECK(lower(e.data).find("<script") == std::string::npos);
                // The only field instructions are the contents' page references (PAGEREF to a bookmark).
                for (size_t at = e.data.find("<w:instrText"); at != std::string::npos; at = e.data.find("<w:instrText", at + 1))
                    CHECK(e.data.compare(e.data.find('>', at) + 1, 18, " PAGEREF sommaire-") == 0);
                CHECK(e.data.find("<text:a ") == std::string::npos);
                CHECK(e.data.find("xlink:href=\"http") == std::string::npos);
                all += e.data;
            }
            CHECK(all.find("&lt;script&gt;") != std::string::npos);
            CHECK(all.find("=cmd|") != std::string::npos);   // the formula-like text is kept, as plain text
        }
    }
    // The clause value "{{coordonnees_facilitateur}}" is inserted once, never expanded again.
    const std::string dce = export_project(p, Format::html, DocumentKind::dce);
    CHECK(dce.find("{{coordonnees_facilitateur}}") != std::string::npos);
    // The project file itself keeps every text byte for byte.
    const std::string saved = export_project(p, Format::json);
    Project back;
    REQUIRE(project_from_text(saved, back, error));
    CHECK(back.title == p.title);
    CHECK(back.need.object == p.need.object);
    CHECK(project_to_text(back) == saved);
    CHECK(fuzz::json_problem(export_project(p, Format::ocds), "OCDS") == "");
}

TEST_CASE("Hostile clause files are reported, never fatal", "[hostile]") {
    const std::vector<SourceFile> tables = {{"clauses/families.json", std::string(bundle_file("clauses/families.json"))},
                                            {"clauses/articles.json", std::string(bundle_file("clauses/articles.json"))}};
    auto problems_for = [&](const std::string& text) {
        std::vector<SourceFile> files = tables;
        files.push_back({"clauses/hostile.json", text});
        Library lib;
        std::vector<LibraryProblem> problems;
        load_library(files, lib, problems);
        CHECK(lib.clauses.empty());
        return problems;
    };
    CHECK_FALSE(problems_for(nested("[", "]", 100000)).empty());
    CHECK_FALSE(problems_for("{\"schema_version\": 1, \"family\": \"nettoyage\", \"clauses\": " + nested("[", "]", 300) + "}").empty());
    CHECK_FALSE(problems_for("{\"schema_version\": 1, \"family\": \"caf\xe9\"}").empty());
    // Wrong types where numbers are expected used to throw out of the loader (json::value).
    const std::string wrong_types =
        R"({"schema_version": 1, "family": "nettoyage", "clauses": [
             {"id": "NET-E-901", "kind": "critere", "criterion": {"weight_min": "dix", "weight_max": [1]}},
             {"id": "NET-S-902", "kind": "reservation", "reservation": {"share": {"a": 1}}}]})";
    std::vector<LibraryProblem> problems;
    REQUIRE_NOTHROW(problems = problems_for(wrong_types));
    CHECK(problems.size() >= 2);
}

TEST_CASE("A hand-built variable with an invalid default renders as nothing rather than throwing", "[hostile]") {
    Clause c;
    c.text = "Part : {{part}}.";
    Variable v;
    v.name = "part";
    v.type = "percent";
    v.default_value = "pas un nombre";
    v.min = 0;
    v.max = 100;
    c.variables.push_back(v);
    std::string out;
    REQUIRE_NOTHROW(out = render_clause(c, {{"part", "toujours pas"}}));
    CHECK(out == "Part : .");
    CHECK(render_clause(c, {{"part", 40}}).find("40") != std::string::npos);
}

TEST_CASE("French numbers stay readable at the limits of a double", "[hostile]") {
    CHECK(french_number(1e300).size() > 300);
    CHECK(french_number(-1e300).rfind("-", 0) == 0);
    CHECK(french_euros(1e20).find("100\u202F000\u202F000") == 0);
    CHECK(french_number(9.9e18, 0).find("9\u202F900") == 0);
    CHECK(group_digits(LLONG_MIN) == "-9\u202F223\u202F372\u202F036\u202F854\u202F775\u202F808");
    CHECK(french_number(12.5) == "12,5");
}
