// What is made of the DECP indicators (src/core/opendata, src/core/document/assemble_decp.cpp): the breakdowns
// with their blanks, the report « Indicateurs des données essentielles » in every document format (with its
// SVG charts in HTML), the renewals as CSV and HTML, and the project pre-filled from a renewal, opened through
// the Session.
#include <catch2/catch.hpp>
#include "document/assemble_decp.h"
#include "export/export.h"
#include "opendata/decp_renewals.h"
#include "project/session.h"
#include "library/library.h"
#include "test_files.h"
#include <algorithm>

using namespace clausier;

namespace {

DecpData read_fixtures(const std::vector<std::string>& names) {
    DecpOptions o;
    o.today = Date{2026, 11, 22};
    DecpReader reader(o);
    for (const std::string& n : names) {
        const std::string text = test_files::read(test_files::source("tests/fixtures/decp/" + n));
        reader.begin_file(n, text.size());
        reader.feed(text);
        reader.end_file();
    }
    return reader.take();
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

size_t occurrences(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

std::vector<std::string> csv_lines(const std::string& csv) {
    std::vector<std::string> out;
    size_t at = 0;
    for (size_t end; (end = csv.find("\r\n", at)) != std::string::npos; at = end + 2) out.push_back(csv.substr(at, end - at));
    return out;
}

}  // namespace

TEST_CASE("decp indicators: by year, family and procedure, each with its blank considerations", "[decp][decp-report]") {
    const DecpData d = read_fixtures({"v2_regulatory.json", "v1_legacy.json"});
    const DecpStats s = decp_stats(d);
    CHECK(s.contracts == 5);
    // The 1.x file has no consideration fields: its two contracts are blank, in the totals and in their year.
    CHECK(s.total.blank == 2);
    CHECK(s.blank_considerations == 2);
    size_t blank_by_year = 0, by_year = 0, by_family = 0, blank_by_family = 0, by_procedure = 0;
    for (const auto& [year, t] : s.by_year) by_year += t.contracts, blank_by_year += t.blank;
    for (const auto& [id, t] : s.by_family) by_family += t.contracts, blank_by_family += t.blank;
    for (const auto& [p, t] : s.by_procedure) by_procedure += t.contracts;
    CHECK(by_family == s.contracts);      // every contract has a family, « autre » included
    CHECK(by_procedure == s.contracts);
    CHECK(blank_by_family == 2);
    CHECK(by_year <= s.contracts);        // contracts without a trusted date are in the totals only
    CHECK(blank_by_year <= 2);
    CHECK(s.by_year.at(2025).blank == 0);
    CHECK(s.by_year.at(2025).environmental == 1);
    // The JSON carries the blanks of each breakdown.
    const nlohmann::json j = decp_stats_to_json(s);
    CHECK(j["by_year"]["2025"]["blank"] == 0);
    CHECK(j["by_family"]["nettoyage"]["label"].get<std::string>() != "");
    CHECK(decp_share_text(1, 3) == "1 sur 3 (33,3\u00A0%)");
    CHECK(decp_share_text(0, 0) == "–");
}

TEST_CASE("decp report: every section, figures in tables, SVG charts in HTML only", "[decp][decp-report]") {
    const DecpData d = read_fixtures({"v2_regulatory.json", "absurd_amounts.json"});
    const DecpStats s = decp_stats(d);
    const Document doc = assemble_decp_report(s);
    CHECK(doc.title == "Indicateurs des données essentielles");
    std::vector<std::string> headings;
    size_t charts = 0, tables = 0;
    for (const Block& b : doc.blocks) {
        if (b.kind == Block::heading) headings.push_back(inline_text(b.text));
        charts += b.kind == Block::chart;
        tables += b.kind == Block::table;
        if (b.kind == Block::chart)
            for (const Bar& bar : b.bars) CHECK((bar.value >= 0 && bar.value <= 1));
    }
    for (const char* h : {"Synthèse", "Objectifs nationaux", "Par année de notification", "Par famille d’achat", "Par procédure",
                          "Considérations non renseignées", "Concurrence, avances et sous-traitance", "Marchés à renouveler",
                          "Qualité des données", "Méthode"})
        CHECK(std::count(headings.begin(), headings.end(), h) == 1);
    CHECK(charts >= 7);
    CHECK(tables >= charts);   // every chart has its table

    const std::string html = write_document(doc, Format::html);
    CHECK(occurrences(html, "<svg ") == charts);
    CHECK(contains(html, "role=\"img\""));
    CHECK(contains(html, "stroke-dasharray"));   // the national target's line
    CHECK(contains(html, "Objectif national 2025"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK(contains(html, "Nettoyage"));           // a family's label
    CHECK(contains(html, "Appel d’offres ouvert"));
    // The social target's line is at 30 % of the bars' width (440 px).
    CHECK(contains(html, "x1=\"132.0\""));

    const std::string md = write_document(doc, Format::md);
    CHECK_FALSE(contains(md, "<svg"));
    CHECK(contains(md, "## Par procédure"));
    for (Format f : {Format::docx, Format::odt}) {
        const std::string bytes = write_document(doc, f);
        CHECK(bytes.compare(0, 2, "PK") == 0);
    }
    // The same selection always gives the same bytes.
    CHECK(write_document(assemble_decp_report(decp_stats(d)), Format::html) == html);
}

TEST_CASE("decp report: an empty selection says so instead of dividing by zero", "[decp][decp-report]") {
    const DecpData d = read_fixtures({"v2_regulatory.json"});
    DecpFilter nobody;
    nobody.departement = "974";
    const DecpStats s = decp_stats(d, nobody);
    REQUIRE(s.contracts == 0);
    const std::string html = write_document(assemble_decp_report(s), Format::html);
    CHECK(contains(html, "Aucun marché de la sélection ne peut être classé ainsi."));
    CHECK_FALSE(contains(html, "?\u00A0"));   // french_number writes « ? » for a number that is not finite
    CHECK(contains(html, "département 974"));
}

TEST_CASE("decp renewals: CSV for a French spreadsheet, HTML list, filter by département", "[decp][decp-report]") {
    const DecpData d = read_fixtures({"v2_regulatory.json", "places.json"});
    DecpFilter ille_et_vilaine;
    ille_et_vilaine.departement = "35";
    const DecpStats s = decp_stats(d, ille_et_vilaine);
    REQUIRE(s.renewals.size() >= 2);
    for (const DecpRenewal& r : s.renewals) CHECK(std::string(r.contract->departement) == "35");

    const std::string csv = decp_renewals_csv(s);
    CHECK(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
    const std::vector<std::string> lines = csv_lines(csv);
    REQUIRE(lines.size() == s.renewals.size() + 1);
    CHECK(contains(lines[0], "Fin prévue;Acheteur (SIRET);Identifiant du marché;Objet;Code CPV"));
    CHECK(lines[1].compare(0, 11, "01/03/2027;") == 0);
    CHECK(contains(lines[1], ";480000,00;"));
    CHECK(contains(lines[1], ";Nettoyage des locaux administratifs;90919200;"));
    for (const std::string& l : lines) CHECK(std::count(l.begin(), l.end(), ';') == 15);   // 16 fields, no quoted text here

    const std::string html = write_document(assemble_decp_renewals(s), Format::html);
    CHECK(contains(html, "Marchés susceptibles d’être relancés"));
    CHECK(contains(html, "Nettoyage des locaux administratifs"));
    CHECK(contains(html, "1er mars 2027"));
}

TEST_CASE("decp renewals: a published text never becomes a spreadsheet formula", "[decp][decp-report]") {
    const std::string text =
        "{\"marches\": {\"marche\": [{\"id\": \"F-1\", \"acheteur\": {\"id\": \"21350000000015\"}, \"objet\": \"=HYPERLINK(\\\"x\\\";\\\"y\\\")\", "
        "\"codeCPV\": \"90919200\", \"montant\": 50000, \"dureeMois\": 12, \"dateNotification\": \"2026-06-01\"}]}}";
    DecpOptions o;
    o.today = Date{2026, 11, 22};
    DecpReader reader(o);
    reader.begin_file("formule.json", text.size());
    reader.feed(text);
    reader.end_file();
    const DecpData d = reader.take();
    const std::string csv = decp_renewals_csv(decp_stats(d));
    CHECK(contains(csv, ";\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\";"));
}

TEST_CASE("decp renewals: « Créer un projet » pre-fills a project and opens it through the Session", "[decp][decp-report][session]") {
    const DecpData d = read_fixtures({"v2_regulatory.json"});
    const DecpStats s = decp_stats(d);
    REQUIRE_FALSE(s.renewals.empty());
    const DecpRenewal& r = s.renewals[0];
    const Project p = project_from_renewal(r, Date{2026, 11, 22});
    CHECK(p.title == "Renouvellement — Nettoyage des locaux administratifs");
    CHECK(p.need.object == "Nettoyage des locaux administratifs");
    CHECK(p.need.nature == Nature::services);
    CHECK(p.need.family == "nettoyage");
    CHECK(p.need.cpv == std::vector<std::string>{"90919200"});
    CHECK(p.need.duration_months == 24);
    CHECK(p.need.launch_date == "2026-11-22");
    CHECK(p.buyer.name == "Acheteur n° SIRET 21350000000015");
    CHECK(p.buyer.type == BuyerType::collectivite);
    REQUIRE(p.lots.size() == 1);
    CHECK(p.lots[0].value == Approx(480000));
    CHECK(total_estimated_value(p) == Approx(480000));
    CHECK(contains(p.need.description, "2025-001"));
    CHECK(contains(p.need.description, "1er mars 2027"));
    CHECK(p.clauses.empty());   // the clauses and criteria are the buyer's choices

    // The project goes through the project file format unchanged, and the Session opens it as a new project.
    Project again;
    std::string error;
    REQUIRE(project_from_text(project_to_text(p), again, error));
    CHECK(project_to_text(again) == project_to_text(p));
    Session session;
    session.open_blank();
    const std::string before = session.project_id();
    const uint64_t generation = session.generation();
    session.open_new(p);
    CHECK(session.project_id() != before);
    CHECK(session.generation() > generation);
    CHECK(session.undo_count() == 0);
    CHECK(session.project().need.family == "nettoyage");
    CHECK(session.derived().procedure.procedure == Procedure::formalisee);   // 480 000 € HT of services: above the EU threshold
    CHECK(session.derived().filled[int(Step::besoin)]);

    // A contract whose amount cannot be trusted gives no lot (no value is guessed); a State buyer is recognised.
    DecpContract untrusted = *r.contract;
    untrusted.value_trusted = false;
    const std::string state = "11000000000012";
    DecpRenewal other = r;
    other.contract = &untrusted;
    other.buyer = &state;
    const Project q = project_from_renewal(other, Date{2026, 11, 22});
    CHECK(q.lots.empty());
    CHECK(q.buyer.type == BuyerType::etat);
}
