// The legal review of the clause library (issue 12, points 1–8), one test per example it gives, on the
// bundled clauses. The structural rules themselves are tested on fixtures in test_library_validator.cpp;
// here each example of a fault is shown fixed, so that a later edit cannot bring it back.
#include <catch2/catch.hpp>
#include "checks/localism.h"
#include "document/assemble.h"
#include "export/writers.h"
#include "test_checks_fixture.h"

using namespace clausier;
using namespace clausier::testing;

namespace {

// The checks with the project's procedure, sized here once.
std::vector<Finding> checks_of(const Project& p) { return run_checks(p, project_procedure(p)); }

const char* const kReviewedFiles[] = {"transversal", "restauration-collective", "nettoyage", "batiment",
                                      "voirie", "espaces-verts", "vehicules", "transport-logistique"};

const Clause& clause(const char* id) {
    const Clause* c = bundled_library().find(id);
    INFO(id);
    REQUIRE(c != nullptr);
    return *c;
}

std::string folded_text(const Clause& c) { return fold(c.text); }

bool cites(const Clause& c, const char* article) { return contains(c.articles, article); }

// A services contract of a local authority above the EU threshold, launched after 21 August 2026, whose
// only clauses are `ids` (from the bundled library).
Project project_with(std::vector<std::string> ids) {
    Project p = clean_project();
    p.lots = {{"Bâtiments", 150000, "", ""}, {"Écoles", 100000, "", ""}};
    p.clauses.clear();
    for (std::string& id : ids) p.clauses.push_back({std::move(id), {}, 0});
    p.criteria = {{"Prix", CriterionKind::prix, 70, "Note = 70 × prix le plus bas / prix de l'offre", "Bordereau des prix", "", {}},
                  {"Performance environnementale", CriterionKind::environnemental, 30, "Grille de 0 à 3", "Mémoire", "", {}}};
    p.monitoring.clear();
    return p;
}

}  // namespace

TEST_CASE("library review: the eight reviewed files meet every drafting rule", "[library]") {
    Library lib;
    std::vector<LibraryProblem> problems;
    load_library(bundled_library_files(), lib, problems);
    std::string report;
    int clauses = 0;
    for (const char* family : kReviewedFiles) {
        const std::string file = std::string("clauses/") + family + ".json";
        for (const LibraryProblem& p : problems)
            if (p.file == file) report += p.file + " [" + p.clause + "] " + p.message + "\n";
        for (const Clause& c : lib.clauses) clauses += c.file == file;
    }
    INFO(report);
    CHECK(report.empty());
    CHECK(clauses >= 99);
}

TEST_CASE("library review: every reservation for EA, ESAT or SIAE cites R.2113-7, none L.2113-14", "[library]") {
    int reservations = 0;
    for (const Clause& c : bundled_library().clauses) {
        if (c.kind != ClauseKind::reservation || c.reservation.article == "L.2113-15") continue;
        INFO(c.id);
        ++reservations;
        CHECK(cites(c, "R.2113-7"));
        CHECK_FALSE(cites(c, "L.2113-14"));
        CHECK(c.reservation.share >= 50);
    }
    CHECK(reservations >= 10);
}

TEST_CASE("library review: data protection and reminders of the law are not social considerations", "[library][checks]") {
    for (const char* id : {"TRV-S-016", "TRV-S-015", "BAT-S-002", "TRA-S-001"}) {
        INFO(id);
        const Clause& c = clause(id);
        CHECK(c.pillar == Pillar::social);
        CHECK_FALSE(c.consideration);
        CHECK_FALSE(c.counts_as_consideration());
        // Above the EU threshold, such a clause alone leaves the social condition missing…
        CHECK(fires(checks_of(project_with({"TRV-E-001", id})), "art35-condition-sociale"));
    }
    // …while a real social condition meets it.
    CHECK_FALSE(fires(checks_of(project_with({"TRV-E-001", "TRV-S-001"})), "art35-condition-sociale"));
}

TEST_CASE("library review: the buyer's own obligations are financial clauses of the CCAP", "[library][checks]") {
    for (const char* id : {"NET-P-001", "TRV-P-002", "TRV-P-003", "BAT-P-002", "TRA-P-001"}) {
        INFO(id);
        const Clause& c = clause(id);
        CHECK(c.kind == ClauseKind::clause_financiere);
        CHECK(c.documents == std::vector<std::string>{"CCAP"});
        CHECK_FALSE(c.counts_as_consideration());
    }
    // They never satisfy the environmental execution condition of L.2112-2.
    CHECK(fires(checks_of(project_with({"NET-P-001", "TRV-P-002", "TRV-S-001"})), "art35-condition-environnementale"));
    CHECK_FALSE(fires(checks_of(project_with({"NET-E-002", "TRV-S-001"})), "art35-condition-environnementale"));
}

TEST_CASE("library review: the SME advance defaults to 30 %", "[library]") {
    CHECK(clause("NET-P-001").variable("taux_avance")->default_value == 30);
    CHECK(clause("TRV-P-002").variable("taux_avance_pme")->default_value == 30);
}

TEST_CASE("library review: TRA-P-001 is a price-revision formula, not sourcing guidance", "[library]") {
    const Clause& c = clause("TRA-P-001");
    CHECK(c.kind == ClauseKind::clause_financiere);
    CHECK(cites(c, "R.2112-13"));
    CHECK(folded_text(c).find("revis") != std::string::npos);
    // The description of the flows and the lots became a clause of their own.
    CHECK(clause("TRA-P-002").kind == ClauseKind::organisation);
}

TEST_CASE("library review: division into lots is organisation, not selection or sourcing", "[library]") {
    for (const char* id : {"RES-P-001", "BAT-P-001", "VOI-P-001", "ESV-P-001", "VEH-P-002", "TRA-P-002"}) {
        INFO(id);
        CHECK(clause(id).kind == ClauseKind::organisation);
        CHECK_FALSE(clause(id).counts_as_consideration());
    }
}

TEST_CASE("library review: RES-E-004 states no distance and no harvest-to-service delay", "[library]") {
    const Clause& c = clause("RES-E-004");
    const std::string text = folded_text(c) + "\n" + fold(c.criterion.scoring) + "\n" + fold(c.criterion.provides);
    for (const char* word : {"distance", " km", "kilomet", "delai", "recolte"}) {
        INFO(word);
        CHECK(text.find(word) == std::string::npos);
    }
    CHECK(c.variable("jours_reference") == nullptr);
    CHECK(text.find("approvisionnements directs") != std::string::npos);
    CHECK(cites(c, "R.2152-7"));
    // The checks read a criterion strictly: nothing in it scores a place.
    CHECK(find_localism(c.title + "\n" + c.text + "\n" + c.criterion.scoring, LocalismScope::criterion).empty());
}

TEST_CASE("library review: RES-E-002 cites the food-waste articles and binds the holder only to what it controls", "[library]") {
    const Clause& c = clause("RES-E-002");
    CHECK(cites(c, "L.541-15-3"));
    CHECK(cites(c, "L.541-15-6"));
    CHECK_FALSE(cites(c, "L.541-1"));
    // Plate waste depends on the buyer's service too: a shared target, not a result obligation.
    CHECK(folded_text(c).find("objectif commun") != std::string::npos);
    // No small penalty per week of delay that the CCAG's 1 000 € waiver would cancel.
    for (const Variable& v : c.variables) {
        INFO(v.name);
        if (v.type == "euros") CHECK(v.default_value.get<double>() > 1000);
        CHECK(fold(v.label).find("semaine") == std::string::npos);
    }
}

TEST_CASE("library review: local authorities' fleets are L.224-8; a provider's fleet falls under neither", "[library]") {
    const Clause& fleet = clause("VEH-E-001");
    CHECK(cites(fleet, "L.224-8"));
    CHECK(fleet.variable("regime_flotte")->default_value.get<std::string>().find("L.224-8") != std::string::npos);
    const Clause& provider = clause("TRA-E-001");
    CHECK_FALSE(cites(provider, "L.224-7"));
    CHECK_FALSE(cites(provider, "L.224-8"));
    CHECK(provider.text.find("L.224") == std::string::npos);
}

TEST_CASE("library review: one sourced carbon value for every clause that prices CO2", "[library]") {
    int pricing = 0;
    for (const Clause& c : bundled_library().clauses) {
        CHECK(c.variable("prix_carbone") == nullptr);
        const Variable* v = c.variable("valeur_carbone");
        if (!v) continue;
        INFO(c.id);
        ++pricing;
        CHECK(v->default_value == 250);
        CHECK(fold(c.cautions).find("france strategie") != std::string::npos);
        CHECK_FALSE(c.review.sources.empty());
    }
    CHECK(clause("TRV-E-002").variable("valeur_carbone") != nullptr);
    CHECK(clause("VEH-P-001").variable("valeur_carbone") != nullptr);
    CHECK(pricing >= 2);
}

TEST_CASE("library review: TRV-S-010 binds the contract's staff, not the company's equality index", "[library]") {
    const Clause& c = clause("TRV-S-010");
    CHECK_FALSE(cites(c, "L.1142-8"));
    CHECK(folded_text(c).find("index") == std::string::npos);
    CHECK(folded_text(c).find("affectes au marche") != std::string::npos);
    CHECK(c.counts_as_consideration());
}

TEST_CASE("library review: the execution conditions the review named state their sanction themselves", "[library]") {
    for (const char* id : {"TRV-E-001", "TRV-E-005", "TRV-S-003", "TRV-S-004", "TRV-S-010", "TRV-S-011", "TRV-S-012",
                           "TRV-S-015", "TRV-S-016", "NET-E-002", "NET-S-002", "BAT-E-005", "RES-E-005", "VOI-S-002"}) {
        INFO(id);
        const Clause& c = clause(id);
        CHECK(c.kind == ClauseKind::condition_execution);
        const std::string text = folded_text(c);
        CHECK((text.find("penalite de {{") != std::string::npos || text.find(" plan ") != std::string::npos));
        for (const std::string& s : {c.text, c.penalty, c.execution_proof, c.checkpoint})
            CHECK(fold(s).find("ccap") == std::string::npos);
        CHECK_FALSE(c.offer_proof.empty());
        CHECK_FALSE(c.execution_proof.empty());
    }
}

TEST_CASE("library review: penalties below the CCAG waiver are declared as derogations", "[library]") {
    for (const char* id : {"NET-E-005", "BAT-E-001", "TRV-S-015", "TRA-E-004"}) {
        INFO(id);
        const Clause& c = clause(id);
        CHECK(c.ccag.derogates);
        CHECK_FALSE(c.ccag.articles.empty());
        CHECK(folded_text(c).find("par derogation") != std::string::npos);
        CHECK(folded_text(c).find("1 000") != std::string::npos);
    }
}

TEST_CASE("library review: documents show real citations, never internal ids", "[library][export]") {
    const Library& lib = bundled_library();
    CHECK(lib.citation("AGEC-58") == "loi n° 2020-105 du 10 février 2020 (AGEC), art. 58");
    CHECK(lib.citation("RGPD-28") == "règlement (UE) 2016/679 (RGPD), art. 28");
    for (const Article& a : lib.articles) {
        INFO(a.id);
        CHECK_FALSE(a.citation.empty());
    }
    Project p = project_with({"ESV-E-005", "TRV-S-016", "TRV-E-001"});
    const std::string memo = write_markdown(assemble_document(p, DocumentKind::synthese, project_procedure(p), {}, lib));
    CHECK(memo.find("loi n° 2020-105 du 10 février 2020 (AGEC), art. 58") != std::string::npos);
    CHECK(memo.find("règlement (UE) 2016/679 (RGPD), art. 28") != std::string::npos);
    for (const char* internal : {"AGEC-58", "D-2024-134", "RGPD-28"}) {
        INFO(internal);
        CHECK(memo.find(internal) == std::string::npos);
    }
    const json listed = clause_to_list_json(clause("ESV-E-005"), lib);
    CHECK(listed["citations"].size() == listed["articles"].size());
    CHECK(listed["citations"].dump().find("AGEC-58") == std::string::npos);
}

TEST_CASE("library review: the consultation draft puts each proof and each kind where it belongs", "[library][export]") {
    const Library& lib = bundled_library();
    const Project p = project_with({"NET-E-002", "NET-P-001", "RES-P-001"});
    const std::string md = write_markdown(assemble_document(p, DocumentKind::dce, project_procedure(p), {}, lib));
    const size_t ccap = md.find("## Cahier des clauses administratives particulières");
    REQUIRE(ccap != std::string::npos);
    const Clause& condition = clause("NET-E-002");
    // The RC asks with the offer only what exists when the bid is made; the CCAP holds the execution proofs.
    const size_t offer = md.find(fr(condition.offer_proof));
    CHECK(offer < ccap);
    CHECK(md.find(fr(condition.execution_proof)) > ccap);
    // The buyer's financial terms go to the CCAP's payment section, the lots to the RC's organisation section.
    const size_t payment = md.find("– Avance\n", ccap);
    CHECK(payment > ccap);
    CHECK(md.find(fr(clause("NET-P-001").title)) > payment);
    const size_t organisation = md.find("– Conditions de la consultation\n");
    CHECK(organisation < ccap);
    CHECK(md.find(fr(clause("RES-P-001").title)) > organisation);
    CHECK(md.find(fr(clause("RES-P-001").title)) < ccap);
}
