// Per-lot consultation terms and the award choices R.2152-12 allows: criteria that belong to one lot, a price
// form per lot with the price schedule that goes with it, criteria weighted by ranges or ranked, the single-lot
// ground picked from the list of L.2113-10 and L.2113-11, the ESS reservation proposed from the CPV codes
// (L.2113-15), the optional loi industrie verte exclusion (L.2141-7-1) and derogations judged against the CCAG
// the contract applies. Also the published DCE package the Entreprise mode opens.
#include "document/assemble.h"
#include "document/package.h"
#include "project/session.h"
#include "project/consultation.h"
#include "project/scenarios.h"
#include "../support/document_text.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>

using namespace clausier;
using Catch::Matchers::Contains;

namespace {

using testing::scenario;

std::vector<Finding> findings(const Project& p) { return run_checks(p, project_procedure(p)); }

const Finding* finding(const std::vector<Finding>& all, const char* rule) {
    for (const Finding& f : all) if (f.rule == rule) return &f;
    return nullptr;
}

size_t count_rule(const std::vector<Finding>& all, const char* rule) {
    size_t n = 0;
    for (const Finding& f : all) n += f.rule == rule;
    return n;
}

using testing::document_text;

}  // namespace

TEST_CASE("dce lots: criteria of one lot are weighed and checked with that lot", "[dce-lots][checks]") {
    Project p = scenario("nettoyage-insertion");
    REQUIRE(p.lots.size() == 2);
    REQUIRE_FALSE(finding(findings(p), "criteres-total-ponderation"));
    // Lot 2 gets a criterion of its own: it no longer adds up there, and lot 1 is unchanged.
    AwardCriterion extra{"Délai d'intervention", CriterionKind::delai, 10, "Note = 10 × délai le plus court / délai proposé",
                         "Engagement de délai", "", {}};
    extra.lot = 2;
    p.criteria.push_back(extra);
    CHECK(criteria_of_lot(p, 1).size() + 1 == criteria_of_lot(p, 2).size());
    auto all = findings(p);
    REQUIRE(count_rule(all, "criteres-total-ponderation") == 1);
    CHECK_THAT(finding(all, "criteres-total-ponderation")->message, Contains("critères du lot 2") && Contains("110"));

    // The RC and the grid state the criteria of each lot.
    const std::string dce = document_text(p, DocumentKind::dce);
    CHECK_THAT(dce, Contains("les critères diffèrent selon les lots"));
    CHECK_THAT(dce, Contains("Délai d’intervention"));
    CHECK_THAT(dce, Contains("Délai d’intervention\u202F», lot 2 ("));   // its offer document, for lot 2

    // An environmental criterion kept for lot 1 only leaves lot 2 without one.
    Project q = scenario("nettoyage-insertion");
    bool moved = false;
    for (AwardCriterion& c : q.criteria)
        if (c.kind == CriterionKind::environnemental || !c.clause.empty()) { c.lot = 1; moved = true; }
    REQUIRE(moved);
    all = findings(q);
    const Finding* env = finding(all, "art35-critere-environnemental");
    REQUIRE(env);
    CHECK_THAT(env->message, Contains("critère d’attribution du lot 2"));
}

TEST_CASE("dce lots: weight ranges and ranked criteria (R.2152-12)", "[dce-lots][checks]") {
    Project p = scenario("nettoyage-insertion");
    p.weighting = Weighting::fourchette;
    for (AwardCriterion& c : p.criteria) c.weight_max = c.weight + 5;   // every range covers the old weights
    auto all = findings(p);
    CHECK_FALSE(finding(all, "criteres-total-ponderation"));
    CHECK_THAT(document_text(p, DocumentKind::dce), Contains("fourchette indiquée"));
    for (AwardCriterion& c : p.criteria) { c.weight = c.weight / 2; c.weight_max = c.weight; }   // at most half of 100 %
    all = findings(p);
    REQUIRE(finding(all, "criteres-total-ponderation"));
    CHECK_THAT(finding(all, "criteres-total-ponderation")->message, Contains("selon les bornes des fourchettes"));

    // Ranked: no weights, no total; in a formalised procedure the reason must be given.
    Project r = scenario("informatique-reemploi");
    REQUIRE(project_procedure(r).procedure == Procedure::formalisee);
    r.weighting = Weighting::hierarchisation;
    for (AwardCriterion& c : r.criteria) c.weight = 0;
    all = findings(r);
    CHECK_FALSE(finding(all, "criteres-total-ponderation"));
    CHECK_FALSE(finding(all, "criteres-non-ponderes-formalise"));
    CHECK(finding(all, "criteres-hierarchisation-non-motivee"));
    r.weighting_reason = "Le besoin, expérimental, ne permet pas d’apprécier à l’avance le poids relatif de chaque critère.";
    CHECK_FALSE(finding(findings(r), "criteres-hierarchisation-non-motivee"));
    const std::string dce = document_text(r, DocumentKind::dce);
    CHECK_THAT(dce, Contains("ordre décroissant d’importance"));
    CHECK_THAT(dce, Contains("Rang"));
}

TEST_CASE("dce lots: a price form per lot with its own price schedule", "[dce-lots][consultation]") {
    Project p = scenario("nettoyage-insertion");
    p.consultation.price_form = PriceForm::forfaitaire;
    p.lots[1].price_form = PriceForm::unitaire;
    const ResolvedSettings r = resolve_settings(p, project_procedure(p));
    REQUIRE(r.lot_price_forms.size() == 2);
    CHECK(r.lot_schedules[0] == PriceSchedule::dpgf);
    CHECK(r.lot_schedules[1] == PriceSchedule::dqe);
    CHECK(r.price_forms_differ);
    const std::string dce = document_text(p, DocumentKind::dce);
    CHECK_THAT(dce, Contains("La forme des prix diffère selon les lots"));
    CHECK_THAT(dce, Contains("pour le lot 2, le bordereau des prix unitaires et le détail quantitatif estimatif"));

    // The one schedule the buyer picks must fit the price form.
    p.consultation.schedule = PriceSchedule::bpu;
    const auto all = findings(p);
    const Finding* f = finding(all, "consultation-bordereau-incoherent");
    REQUIRE(f);
    CHECK_THAT(f->message, Contains("BPU") && Contains("prix global et forfaitaire"));
    p.consultation.schedule = PriceSchedule::dpgf;
    CHECK_FALSE(finding(findings(p), "consultation-bordereau-incoherent"));
}

TEST_CASE("dce lots: the single-lot ground is picked, then explained", "[dce-lots][checks]") {
    Project p = scenario("nettoyage-insertion");
    p.lots.resize(1);
    p.single_lot_justification = "Les mêmes agents passent dans tous les bâtiments le même jour, selon un planning unique.";
    auto all = findings(p);
    auto f = finding(all, "lots-unique-non-justifie");
    REQUIRE(f);   // a good text, but no ground picked
    CHECK(f->field == "single_lot_ground");
    p.single_lot_ground = SingleLotGround::execution_difficile;
    CHECK_FALSE(finding(findings(p), "lots-unique-non-justifie"));
    for (const char* why : {"", "x", "Commodité administrative."}) {
        INFO(why);
        p.single_lot_justification = why;
        CHECK(finding(findings(p), "lots-unique-non-justifie"));
    }
    p.single_lot_justification = "Les mêmes agents passent dans tous les bâtiments le même jour, selon un planning unique.";
    CHECK_THAT(document_text(p, DocumentKind::dce), Contains("rendrait l’exécution techniquement difficile"));
}

TEST_CASE("dce lots: the ESS reservation is proposed from the CPV codes", "[dce-lots][checks]") {
    CHECK(ess_reservable_cpv("85311000"));      // social work services (85000000 to 85323000)
    CHECK(ess_reservable_cpv("92511000-6"));    // library services, under 92500000
    CHECK(ess_reservable_cpv("80110000"));
    CHECK_FALSE(ess_reservable_cpv("85400000"));   // outside the range
    CHECK_FALSE(ess_reservable_cpv("90919200"));   // cleaning
    Project p = scenario("nettoyage-insertion");
    CHECK_FALSE(finding(findings(p), "lots-reserve-ess-possible"));
    p.need.cpv = {"85311000"};
    p.need.family = "";
    auto found = findings(p);
    const Finding* f = finding(found, "lots-reserve-ess-possible");
    REQUIRE(f);
    CHECK_THAT(f->message, Contains("85311000"));
    // Reserving a lot follows the codes, not only the manual flag.
    p.lots[1].reserved = "ess";
    p.lots[1].reserved_article = "L.2113-15";
    REQUIRE_FALSE(p.need.social_services);
    auto all = findings(p);
    CHECK_FALSE(finding(all, "lots-reserve-ess-possible"));
    CHECK_FALSE(finding(all, "lots-reserve-ess-objet"));
    p.need.cpv = {"90919200"};
    CHECK(finding(findings(p), "lots-reserve-ess-objet"));
}

TEST_CASE("dce lots: the loi industrie verte exclusion is decided in the settings", "[dce-lots][consultation]") {
    Project p = scenario("informatique-reemploi");
    REQUIRE(project_procedure(p).procedure == Procedure::formalisee);
    CHECK(finding(findings(p), "exclusions-industrie-verte"));
    CHECK_THAT(document_text(p, DocumentKind::dce), !Contains("L.2141-7-1"));
    p.consultation.green_industry_exclusion = Toggle::non;
    CHECK_FALSE(finding(findings(p), "exclusions-industrie-verte"));
    p.consultation.green_industry_exclusion = Toggle::oui;
    CHECK_FALSE(finding(findings(p), "exclusions-industrie-verte"));
    CHECK_THAT(document_text(p, DocumentKind::dce), Contains("En application de l’article L.2141-7-1") && Contains("plan de vigilance"));
}

TEST_CASE("dce lots: IT clauses derogate from the CCAG-TIC, the IT scenario applies it", "[dce-lots][consultation]") {
    Project p = scenario("informatique-reemploi");
    CHECK(p.consultation.ccag == Ccag::tic);
    auto all = findings(p);
    CHECK_FALSE(finding(all, "consultation-derogation-non-listee"));
    const std::string dce = document_text(p, DocumentKind::dce);
    CHECK_THAT(dce, Contains("CCAG-TIC art. 14"));
    CHECK_THAT(dce, !Contains("CCAG-FCS art. 14"));
    CHECK_THAT(dce, !Contains("(CCAG-TIC ou CCAG-FCS)"));
    CHECK_THAT(dce, Contains("de l’article 14 du CCAG-TIC"));   // the penalties article names the CCAG’s own article
    // The SME advance of the IT clause is the 30 % of the 2021 CCAGs (R.2191-7, CCAG art. 11).
    for (const ChosenClause& c : p.clauses)
        if (c.id == "INF-P-002") CHECK(c.values.at("taux_avance") == 30);
    const Clause* k = bundled_library().find("INF-P-002");
    REQUIRE(k);
    CHECK(k->variable("taux_avance")->default_value == 30);

    // Under the CCAG-FCS the IT clauses depart from a CCAG the contract does not apply.
    p.consultation.ccag = Ccag::fcs;
    all = findings(p);
    const Finding* f = finding(all, "consultation-derogation-non-listee");
    REQUIRE(f);
    CHECK_THAT(f->message, Contains("CCAG-TIC art. 14") && Contains("applique le CCAG-FCS"));
    // A clause written for two CCAGs (maintenance: FCS or Travaux) is right under either.
    Project m = scenario("renovation-ecole");
    m.clauses.push_back({"MAI-E-002", {}, 0});
    const std::string title = bundled_library().find("MAI-E-002")->title;
    auto about_it = [&](const Project& q) {
        size_t n = 0;
        for (const Finding& x : findings(q)) n += x.rule == "consultation-derogation-non-listee" && x.message.find(title) != std::string::npos;
        return n;
    };
    m.consultation.ccag = Ccag::travaux;
    CHECK(about_it(m) == 0);
    m.consultation.ccag = Ccag::fcs;
    CHECK(about_it(m) == 0);
    m.consultation.ccag = Ccag::pi;
    CHECK(about_it(m) == 1);
}

TEST_CASE("dce package: the published file holds the firm sheet and the DCE, and nothing of the buyer's notes",
          "[dce-lots][package]") {
    const Project p = scenario("nettoyage-insertion");
    REQUIRE_FALSE(p.sourcing.empty());
    const std::string text = write_package(p);
    CHECK(is_package_text(text));
    CHECK_FALSE(is_package_text(project_to_text(p)));
    for (const SourcingContact& s : p.sourcing) if (!s.notes.empty()) CHECK(text.find(s.notes) == std::string::npos);

    DcePackage pkg;
    std::string error;
    REQUIRE(read_package(text, pkg, error));
    CHECK(pkg.manifest.reference == p.consultation.reference);
    CHECK(pkg.manifest.object == p.need.object);
    CHECK(pkg.manifest.lots.size() == p.lots.size());
    CHECK_THAT(pkg.manifest.deadline, Contains("à 12:00"));
    // The documents come back block for block.
    const Document firm = assemble_document(p, DocumentKind::entreprise, project_procedure(p), {});
    size_t charts = 0;
    for (const Block& b : firm.blocks) charts += b.kind == Block::chart;
    REQUIRE(pkg.firm_sheet.blocks.size() == firm.blocks.size() - charts);
    CHECK(pkg.firm_sheet.title == firm.title);
    CHECK(document_to_json(pkg.firm_sheet) == document_to_json(firm));
    CHECK(document_to_json(pkg.dce) == document_to_json(assemble_document(p, DocumentKind::dce, project_procedure(p), {})));

    // The Session opens it beside the project, which stays as it was.
    Session s;
    s.open_blank();
    const std::string before = project_to_text(s.project());
    REQUIRE(s.open_text(text, error));
    REQUIRE(s.package() != nullptr);
    CHECK(project_to_text(s.project()) == before);
    s.close_package();
    CHECK(s.package() == nullptr);

    // Damaged or foreign files are refused with a French sentence.
    for (const char* bad : {R"({"format":"clausier-dce","schema_version":1,"manifest":{"lots":"x"},"fiche_entreprise":{}})",
                            R"({"format":"clausier-dce","schema_version":9})",
                            R"({"format":"clausier-dce","schema_version":1,"fiche_entreprise":{"blocks":[{"kind":"video"}]}})",
                            R"({"format":"autre"})", "[1,2"}) {
        INFO(bad);
        DcePackage untouched;
        untouched.manifest.object = "inchangé";
        error.clear();
        CHECK_FALSE(read_package(bad, untouched, error));
        CHECK_FALSE(error.empty());
        CHECK(untouched.manifest.object == "inchangé");
    }
}

TEST_CASE("dce contents: every part and article is listed with a page reference to its heading", "[dce-lots][export]") {
    const Project p = scenario("renovation-ecole");
    const Document d = assemble_document(p, DocumentKind::dce, project_procedure(p), {});
    const Block* contents = nullptr;
    size_t anchored = 0;
    for (const Block& b : d.blocks) {
        if (b.kind == Block::contents) contents = &b;
        anchored += b.kind == Block::heading && !b.anchor.empty();
    }
    REQUIRE(contents);
    CHECK(contents->items.size() == anchored);
    CHECK(contents->targets.size() == anchored);
    CHECK(anchored > 40);
    const std::string odt = export_project(p, Format::odt, DocumentKind::dce);
    CHECK(odt.find("<text:bookmark-ref text:reference-format=\"page\" text:ref-name=\"sommaire-1\">") != std::string::npos);
    CHECK(odt.find("<text:bookmark-start text:name=\"sommaire-1\"/>") != std::string::npos);
    const std::string html = export_project(p, Format::html, DocumentKind::dce);
    CHECK(html.find("<nav class=\"contents\" aria-label=\"Sommaire\">") != std::string::npos);
}
