// Versioned project files: every file says its schema version, files of earlier versions are migrated,
// files of a newer version are refused without harm, and fields this version does not know survive a save.
#include "project/migrate.h"
#include <catch2/catch.hpp>

using namespace clausier;

namespace {

json version0() {
    return json::parse(R"({
        "format": "clausier-projet", "schema_version": 0, "title": "Ancien projet",
        "need": {"object": "Nettoyage des écoles", "nature": "services", "amount": 45000},
        "clauses": ["NET-E-001", {"id": "NET-S-001", "lot": 0}]
    })");
}

}  // namespace

TEST_CASE("Version 0 files migrate to the current version", "[migrate]") {
    json doc = version0();
    std::string error;
    REQUIRE(migrate_project(doc, error));
    CHECK(doc["schema_version"] == kProjectSchemaVersion);
    REQUIRE(doc["lots"].size() == 1);
    CHECK(doc["lots"][0]["value"] == 45000);
    CHECK_FALSE(doc["need"].contains("amount"));
    CHECK(doc["clauses"][0] == json{{"id", "NET-E-001"}});
    CHECK(doc["clauses"][1]["id"] == "NET-S-001");

    Project p;
    REQUIRE(project_from_text(version0().dump(), p, error));
    CHECK(p.title == "Ancien projet");
    REQUIRE(p.lots.size() == 1);
    CHECK(p.lots[0].value == 45000);
    CHECK(total_estimated_value(p) == 45000);
    REQUIRE(p.clauses.size() == 2);
    CHECK(p.clauses[0].id == "NET-E-001");
    // Saved again, it is a current file.
    const json saved = json::parse(project_to_text(p));
    CHECK(saved["schema_version"] == kProjectSchemaVersion);
    CHECK(saved["format"] == kProjectFormat);
    CHECK_FALSE(saved.contains("amount"));
}

TEST_CASE("Migrating version 0 keeps lots that are already there and ignores a non-numeric amount", "[migrate]") {
    json doc = version0();
    doc["lots"] = json::array({{{"title", "Lot A"}, {"value", 1000}}, {{"title", "Lot B"}, {"value", 2000}}});
    std::string error;
    REQUIRE(migrate_project(doc, error));
    CHECK(doc["lots"].size() == 2);

    json odd = version0();
    odd["need"]["amount"] = "quarante-cinq mille";
    REQUIRE(migrate_project(odd, error));
    CHECK_FALSE(odd.contains("lots"));
}

TEST_CASE("A current file goes through migration unchanged", "[migrate]") {
    Project p;
    p.title = "Actuel";
    json doc = project_to_json(p);
    const json before = doc;
    std::string error;
    REQUIRE(migrate_project(doc, error));
    CHECK(doc == before);
}

TEST_CASE("A file from a newer version is refused and nothing changes", "[migrate]") {
    for (long long v : {static_cast<long long>(kProjectSchemaVersion) + 1, 99LL}) {
        json doc = {{"format", kProjectFormat}, {"schema_version", v}, {"title", "Demain"}, {"hologramme", true}};
        json copy = doc;
        std::string error;
        CHECK_FALSE(migrate_project(copy, error));
        CHECK(error.find("plus récente") != std::string::npos);
        CHECK(copy == doc);   // not half-migrated

        Project p;
        p.title = "En cours";
        CHECK_FALSE(project_from_text(doc.dump(), p, error));
        CHECK(p.title == "En cours");
    }
}

TEST_CASE("Files without a format marker or a usable version are refused", "[migrate]") {
    std::string error;
    json no_format = {{"schema_version", 1}};
    CHECK_FALSE(migrate_project(no_format, error));
    CHECK(error.find("format") != std::string::npos);
    json no_version = {{"format", kProjectFormat}};
    CHECK_FALSE(migrate_project(no_version, error));
    CHECK(error.find("schema_version") != std::string::npos);
    json negative = {{"format", kProjectFormat}, {"schema_version", -1}};
    CHECK_FALSE(migrate_project(negative, error));
    json fractional = json::parse(R"({"format": "clausier-projet", "schema_version": 0.5})");
    CHECK_FALSE(migrate_project(fractional, error));
}

TEST_CASE("Every saved file carries the format and the schema version", "[migrate]") {
    const json saved = json::parse(project_to_text(Project{}));
    CHECK(saved["format"] == "clausier-projet");
    CHECK(saved["schema_version"] == kProjectSchemaVersion);
}

TEST_CASE("Fields this version does not know are kept on save", "[migrate]") {
    const std::string text = R"({"format": "clausier-projet", "schema_version": 1, "title": "Avec extras",
        "signature": {"par": "Mme Dupont", "le": "2026-11-22", "niveaux": [1, 2, {"x": null}]},
        "note_interne": "à relire", "compteur": 3})";
    Project p;
    std::string error;
    REQUIRE(project_from_text(text, p, error));
    CHECK(p.unknown.size() == 3);
    const json saved = json::parse(project_to_text(p));
    CHECK(saved["signature"]["par"] == "Mme Dupont");
    CHECK(saved["signature"]["niveaux"][2] == json{{"x", nullptr}});
    CHECK(saved["note_interne"] == "à relire");
    CHECK(saved["compteur"] == 3);
    // Editing and saving again still keeps them, and a known field never hides in `unknown`.
    p.title = "Modifié";
    Project again;
    REQUIRE(project_from_text(project_to_text(p), again, error));
    CHECK(again.unknown == p.unknown);
    CHECK_FALSE(again.unknown.contains("title"));
    CHECK(again.title == "Modifié");
    // An unknown field cannot override the format marker or the version on save.
    p.unknown["schema_version"] = 42;
    p.unknown["format"] = "autre";
    const json forced = json::parse(project_to_text(p));
    CHECK(forced["schema_version"] == kProjectSchemaVersion);
    CHECK(forced["format"] == kProjectFormat);
}
