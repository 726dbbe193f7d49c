// Groupement de commandes as a model (issue 15.6, L.2113-6 to L.2113-8): the coordinator and its mission, the
// members with their needs and values, the value that sizes the procedure, the checks, the file and its older
// form, and the draft convention constitutive at the end of the consultation file.
#include "checks/checks.h"
#include "law/legal.h"
#include "project/migrate.h"
#include "project/session.h"
#include "../support/document_text.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace clausier;
using clausier::testing::document_text;
using clausier::testing::scenario;

namespace {

std::vector<std::string> fired(const Project& p, const std::string& rule) {
    std::vector<std::string> where;
    for (const Finding& f : run_checks(p, project_procedure(p)))
        if (f.rule == rule) where.push_back(f.where());
    return where;
}

}  // namespace

TEST_CASE("groupement: the school-catering scenario names its coordinator, its mission and each member's need", "[groupement]") {
    const Project p = scenario("groupement-restauration");
    REQUIRE(p.need.pooling == Pooling::groupement);
    CHECK(p.need.coordinator.name == "Commune de Belval-sur-Ourcq");
    CHECK(p.need.coordinator.siret.size() == 14);
    CHECK(p.need.coordinator.mission == CoordinatorMission::signature);
    REQUIRE(p.need.members.size() == 2);
    for (const Member& m : p.need.members) CHECK_FALSE(m.need.empty());
    // The value sizing the procedure: the buyer's lots and both members, renewals included.
    CHECK(initial_value(p) == Approx(120000 + 20000 + 60000 + 40000));
    CHECK(fired(p, "groupement-coordonnateur-absent").empty());
    CHECK(fired(p, "groupement-membre-sans-valeur").empty());

    // Back to a purchase of its own: the members left in the file no longer count.
    Project own = p;
    own.need.pooling = Pooling::none;
    CHECK(initial_value(own) == Approx(140000));
}

TEST_CASE("groupement: no coordinator, or a member without a value, is a finding at its field", "[groupement][checks]") {
    Project p = scenario("groupement-restauration");
    p.need.coordinator.name = "  ";
    p.need.members[1].value = 0;
    CHECK(fired(p, "groupement-coordonnateur-absent") == std::vector<std::string>{"besoin.coordinator.name"});
    CHECK(fired(p, "groupement-membre-sans-valeur") == std::vector<std::string>{"besoin.members[2].value"});
    // A central purchasing body has no coordinator; its members still need a value.
    p.need.pooling = Pooling::centrale;
    CHECK(fired(p, "groupement-coordonnateur-absent").empty());
    CHECK(fired(p, "groupement-membre-sans-valeur").size() == 1);
}

TEST_CASE("groupement: edits are session operations, one undo step each", "[groupement][session]") {
    Session s;
    std::string error;
    REQUIRE(s.open_scenario("groupement-restauration", error));
    REQUIRE(s.edit("besoin.coordinator.mission", [](Project& p) { p.need.coordinator.mission = CoordinatorMission::execution; }));
    REQUIRE(s.edit("besoin.members.add", [](Project& p) { p.need.members.push_back({"Commune de Vaux", "Repas de son école", 25000}); }));
    CHECK(initial_value(s.project()) == Approx(265000));
    REQUIRE(s.undo());
    CHECK(s.project().need.members.size() == 2);
    REQUIRE(s.undo());
    CHECK(s.project().need.coordinator.mission == CoordinatorMission::signature);
}

TEST_CASE("groupement: the file keeps the coordinator and members; an older file gets its buyer as coordinator", "[groupement][files]") {
    const Project p = scenario("groupement-restauration");
    Project back;
    std::string error;
    REQUIRE(project_from_text(project_to_text(p), back, error));
    CHECK(back.need.coordinator.siret == p.need.coordinator.siret);
    CHECK(back.need.coordinator.mission == CoordinatorMission::signature);
    CHECK(back.need.members[0].need == p.need.members[0].need);

    // Written before the coordinator existed: the buyer coordinated the groupement.
    const std::string old = R"({"format":"clausier-projet","schema_version":1,"buyer":{"name":"Commune de Belval"},
        "need":{"pooling":"groupement","members":[{"name":"Commune de Vaux","value":30000}]}})";
    REQUIRE(project_from_text(old, back, error));
    CHECK(back.need.coordinator.name == "Commune de Belval");
    CHECK(back.need.members[0].need.empty());
    // An unknown mission is refused with the field named, in French.
    CHECK_FALSE(project_from_text(R"({"format":"clausier-projet","schema_version":1,"need":{"coordinator":{"mission":"tout"}}})", back, error));
    CHECK(error.find("need.coordinator.mission") != std::string::npos);
}

TEST_CASE("groupement: the consultation file ends with the draft convention constitutive", "[groupement][document]") {
    Project p = scenario("groupement-restauration");
    const std::string dce = document_text(p, DocumentKind::dce);
    const size_t at = dce.find("Convention constitutive du groupement de commandes (projet)");
    REQUIRE(at != std::string::npos);
    CHECK(dce.find("Plan de suivi") < at);   // after the monitoring plan, the last part for bidders
    const std::string convention = dce.substr(at);
    for (const char* s : {"Article 1 – Objet de la convention", "Commune de Saint-Aubin-des-Prés", "Commune de Lizy-le-Haut",
                          "Déjeuners de son école", "99990000300008", "Il signe et notifie le marché au nom de tous les membres",
                          "solidairement responsables"})
        CHECK_THAT(convention, Catch::Matchers::Contains(s));
    CHECK_THAT(convention, Catch::Matchers::Contains(french_euros(total_estimated_value(p)) + " HT"));   // 960 000 €

    p.need.coordinator.mission = CoordinatorMission::execution;
    CHECK_THAT(document_text(p, DocumentKind::dce), Catch::Matchers::Contains("puis en assure l’exécution au nom et pour le compte"));
    p.need.pooling = Pooling::none;
    CHECK(document_text(p, DocumentKind::dce).find("Convention constitutive") == std::string::npos);
}
