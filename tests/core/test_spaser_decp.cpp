// The buyer's published contract data (DECP) in the « Bilan annuel du SPASER » (issue 16.3): the SPASER carries
// the buyer's SIRET, and the report measures the records of that SIRET notified in the report's year beside the
// portfolio's figures, each figure naming its source; without data or SIRET it says why they are not used.
// Fixture: tests/fixtures/decp/spaser_buyer.json (three 2025 contracts of the buyer, one with « NC » as its
// amount; one 2024 contract; one 2025 contract of another buyer).
#include "portfolio/spaser.h"
#include "opendata/decp.h"
#include "export/export.h"
#include "test_files.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>

using namespace clausier;
using clausier::testing::scenario;

namespace {

const char* const kBuyer = "21310555400017";

DecpData read_buyer_fixture() {
    DecpOptions o;
    o.today = Date{2026, 11, 22};
    DecpReader reader(o);
    const std::string text = test_files::read(test_files::source("tests/fixtures/decp/spaser_buyer.json"));
    reader.begin_file("spaser_buyer.json", text.size());
    reader.feed(text);
    reader.end_file();
    return reader.take();
}

// The report as Markdown, no-break spaces made plain so that figures read as typed.
std::string report_text(const Spaser& s, int year, const DecpData* data) {
    std::vector<PortfolioProject> ps = {{"a.json", scenario("nettoyage-insertion")}};
    const PortfolioSummary summary = summarize_portfolio(ps);
    std::string md = write_document(assemble_spaser_report(s, summary, year, data), Format::md);
    for (const std::string nbsp : {"\u202f", "\u00a0"})
        for (size_t at = md.find(nbsp); at != std::string::npos; at = md.find(nbsp)) md.replace(at, nbsp.size(), " ");
    return md;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

Spaser buyer_spaser(const std::string& siret) {
    Spaser s = starter_spaser("Ville de Toulouse", 2025);
    s.siret = siret;
    return s;
}

}  // namespace

TEST_CASE("spaser siret: typed with spaces it is read as its 14 digits; missing or wrong it is refused in French", "[spaser][decp]") {
    std::string problem;
    CHECK(spaser_siret(buyer_spaser("213 105 554 00017"), problem) == kBuyer);
    CHECK(problem.empty());
    CHECK(spaser_siret(buyer_spaser(""), problem).empty());
    CHECK(has(problem, "n'indique pas le SIRET"));
    CHECK(spaser_siret(buyer_spaser("213 105 554 00016"), problem).empty());
    CHECK(has(problem, "clé de contrôle"));
    CHECK(spaser_siret(buyer_spaser("2131055540001"), problem).empty());
    CHECK(has(problem, "14 chiffres"));
    // Kept as typed in the stored SPASER, so that nothing the buyer typed is lost.
    Spaser back;
    std::string error;
    REQUIRE(spaser_from_json(spaser_to_json(buyer_spaser("213 105 554 00017")), back, error));
    CHECK(back.siret == "213 105 554 00017");
}

TEST_CASE("spaser report with DECP: only the buyer's records of the report's year count, « NC » kept out of the sums", "[spaser][decp]") {
    const DecpData data = read_buyer_fixture();
    REQUIRE(data.contracts.size() == 5);
    const std::string md = report_text(buyer_spaser("213 105 554 00017"), 2025, &data);
    CHECK(has(md, "utilisées : 3 marchés de l’acheteur notifiés en 2025"));
    CHECK(has(md, "Marchés de l’acheteur de SIRET 21310555400017 notifiés en 2025"));
    // Environmental: 2 of 3 contracts; value 150 000 of the 150 000 € whose amount is trusted (the « NC » one is out).
    CHECK(has(md, "| Considération environnementale | données essentielles publiées | 2 sur 3 (66,7 %) | 66,7 % | 150 000 € HT | 100 % | 100 % (2025) |"));
    CHECK(has(md, "| Considération sociale | données essentielles publiées | 1 sur 3 (33,3 %) | 33,3 % | 100 000 € HT | 66,7 % | 30 % (2025) |"));
    CHECK(has(md, "| Considération environnementale | projets de ce navigateur |"));
    CHECK(has(md, "parts en valeur sur les 2 marchés dont le montant publié est fiable (150 000 € HT)"));
    CHECK_FALSE(has(md, "900 000"));   // the other buyer
    CHECK_FALSE(has(md, "300 000"));   // the buyer's 2024 contract
    CHECK(has(md, "Par famille d’achat"));
    CHECK(has(md, "Par procédure"));
    CHECK(has(md, "| Procédure adaptée | 2 | 50 000 € HT |"));
    // The SPASER's targets: the published figure beside the portfolio's.
    CHECK(has(md, "Résultat (données essentielles publiées)"));
    CHECK(has(md, "| 66,7 % | 100 % |"));

    // The year of the report chooses the records: 2024 holds one; year 0 takes the latest year, 2025.
    CHECK(has(report_text(buyer_spaser(kBuyer), 2024, &data), "| Considération environnementale | données essentielles publiées | 1 sur 1 (100 %) | 100 % | 300 000 € HT |"));
    CHECK(has(report_text(buyer_spaser(kBuyer), 0, &data), "utilisées : 3 marchés de l’acheteur notifiés en 2025"));
}

TEST_CASE("spaser report with DECP: when the published data are not used, the report says why", "[spaser][decp]") {
    const DecpData data = read_buyer_fixture();
    const std::string none = report_text(buyer_spaser(kBuyer), 2025, nullptr);
    CHECK(has(none, "Les données essentielles publiées ne sont pas utilisées dans ce bilan : aucun fichier de données essentielles"));
    CHECK_FALSE(has(none, "| données essentielles publiées |"));
    CHECK(has(report_text(buyer_spaser(""), 2025, &data), "ne sont pas utilisées dans ce bilan : le SPASER n’indique pas le SIRET de l’acheteur"));
    CHECK(has(report_text(buyer_spaser("21310555400016"), 2025, &data), "n’est pas valide (la clé de contrôle"));
    CHECK(has(report_text(buyer_spaser(kBuyer), 2023, &data), "aucun marché de l’acheteur de SIRET 21310555400017 notifié en 2023"));
    CHECK(has(report_text(buyer_spaser("44306184100047"), 0, &data), "n’a de date de notification dans les données importées"));
}
