// The SPASER builder's core (issue 15.4): the buyer's SPASER kept in this browser's storage, and how one
// project stands against each of its targets (what the project's checks point to).
#include "portfolio/spaser.h"
#include "export/export.h"
#include "export/xml.h"
#include "../support/memory_store.h"
#include "../support/xml_check.h"
#include "../support/zip_read.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>
#include <map>

using namespace clausier;
using clausier::testing::scenario;
using test_support::MemoryStore;

namespace {
// The parts of a written office file, by name ("" when absent); `error` says why the archive is unreadable.
std::map<std::string, std::string> office_parts(const Document& d, Format f, std::string& error) {
    std::vector<test_support::ZipPart> parts;
    std::map<std::string, std::string> out;
    if (test_support::zip_read(write_document(d, f), parts, error))
        for (auto& p : parts) out[p.name] = std::move(p.data);
    return out;
}
}  // namespace

TEST_CASE("spaser store: none at first, then the saved one comes back; a broken one is named, not replaced", "[spaser]") {
    MemoryStore store;
    Spaser s;
    std::string error;
    CHECK_FALSE(load_spaser(store, s, error));
    CHECK(error.empty());
    Spaser started = starter_spaser("Communauté d'agglomération du Val", 2027);
    started.adopted = "2027-02-12";
    started.axes[0].actions.push_back({"Former les acheteurs au coût du cycle de vie", "Direction des achats"});
    REQUIRE(save_spaser(store, started) == StoreStatus::ok);
    REQUIRE(load_spaser(store, s, error));
    CHECK(s.buyer == started.buyer);
    CHECK(s.adopted == "2027-02-12");
    REQUIRE(s.axes.size() == 2);
    CHECK(s.axes[0].actions.size() == 2);
    CHECK(s.axes[1].targets[0].target == Approx(30));

    store.set(kSpaserStoreKey, "{\"axes\": 12}");
    CHECK_FALSE(load_spaser(store, s, error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("spaser standing: the project serves the targets it brings, and says what it lacks for the others", "[spaser]") {
    const Spaser s = starter_spaser("Commune", 2027);   // 100 % environmental, 30 % social
    const Project cleaning = scenario("nettoyage-insertion");   // insertion clause and environmental conditions
    std::vector<TargetStanding> st = project_spaser_standing(s, cleaning);
    REQUIRE(st.size() == 2);
    CHECK(st[0].served);
    CHECK(st[1].served);
    CHECK(st[1].missing.empty());

    Project bare = cleaning;
    bare.clauses.clear();
    bare.criteria.clear();
    st = project_spaser_standing(s, bare);
    REQUIRE(st.size() == 2);
    CHECK_FALSE(st[0].served);
    CHECK(st[0].missing.find("considération environnementale") != std::string::npos);
    CHECK_FALSE(st[1].served);
    CHECK(st[1].axis == s.axes[1].title);
    CHECK(st[1].target == target_label(s.axes[1].targets[0]));
}

TEST_CASE("spaser report: in ODT each chart is an embedded SVG image, the table of its figures kept beside it", "[spaser][export]") {
    std::vector<PortfolioProject> ps = {{"a.json", scenario("nettoyage-insertion")}};
    const PortfolioSummary summary = summarize_portfolio(ps);
    const Document report = assemble_spaser_report(starter_spaser("Commune", 2027), summary, 0);
    const size_t charts = size_t(std::count_if(report.blocks.begin(), report.blocks.end(), [](const Block& b) { return b.kind == Block::chart; }));
    REQUIRE(charts >= 1);
    std::string error;
    std::map<std::string, std::string> parts = office_parts(report, Format::odt, error);
    REQUIRE(error.empty());
    auto part = [&](const std::string& name) { return parts[name]; };
    const std::string content = part("content.xml"), manifest = part("META-INF/manifest.xml");
    for (size_t i = 1; i <= charts; ++i) {
        const std::string path = "Pictures/chart-" + std::to_string(i) + ".svg";
        INFO(path);
        const std::string svg = part(path);
        REQUIRE_FALSE(svg.empty());
        CHECK(svg.find("xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
        CHECK(svg.find("<rect") != std::string::npos);
        CHECK(manifest.find("manifest:full-path=\"" + path + "\" manifest:media-type=\"image/svg+xml\"") != std::string::npos);
        CHECK(content.find("xlink:href=\"" + path + "\"") != std::string::npos);
        if (test_support::kXmlParser) CHECK(test_support::xml_well_formed(svg, error));
    }
    CHECK(content.find("<table:table ") != std::string::npos);   // the figures, beside the image
    if (test_support::kXmlParser) CHECK(test_support::xml_well_formed(content, error));
}

TEST_CASE("spaser report: in DOCX each chart is a native bar chart part, related and typed, drawn inline", "[spaser][export]") {
    std::vector<PortfolioProject> ps = {{"a.json", scenario("nettoyage-insertion")}};
    const Document report = assemble_spaser_report(starter_spaser("Commune", 2027), summarize_portfolio(ps), 0);
    std::vector<const Block*> charts;
    for (const Block& b : report.blocks) if (b.kind == Block::chart) charts.push_back(&b);
    REQUIRE_FALSE(charts.empty());
    std::string error;
    std::map<std::string, std::string> parts = office_parts(report, Format::docx, error);
    REQUIRE(error.empty());
    auto part = [&](const std::string& name) { return parts[name]; };
    const std::string document = part("word/document.xml"), rels = part("word/_rels/document.xml.rels"),
                      types = part("[Content_Types].xml");
    for (size_t i = 1; i <= charts.size(); ++i) {
        const std::string n = std::to_string(i), chart = part("word/charts/chart" + n + ".xml");
        INFO(n);
        REQUIRE_FALSE(chart.empty());
        CHECK(chart.find("<c:barChart><c:barDir val=\"bar\"/>") != std::string::npos);
        for (const Bar& bar : charts[i - 1]->bars) CHECK(chart.find("<a:t>" + xml_escape(bar.shown) + "</a:t>") != std::string::npos);
        CHECK(rels.find("Id=\"rIdChart" + n + "\"") != std::string::npos);
        CHECK(rels.find("Target=\"charts/chart" + n + ".xml\"") != std::string::npos);
        CHECK(types.find("/word/charts/chart" + n + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"") !=
              std::string::npos);
        CHECK(document.find("r:id=\"rIdChart" + n + "\"") != std::string::npos);
        if (test_support::kXmlParser) CHECK(test_support::xml_well_formed(chart, error));
    }
    CHECK(document.find("<w:tbl>") != std::string::npos);   // the figures, beside the chart
    if (test_support::kXmlParser) {
        CHECK(test_support::xml_well_formed(document, error));
        CHECK(test_support::xml_well_formed(rels, error));
        CHECK(test_support::xml_well_formed(types, error));
    }
}
