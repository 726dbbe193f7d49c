// The CPV vocabulary (data/cpv/cpv_fr.tsv): the full list, lookup, search by code prefix and by words
// (accent- and case-insensitive), and the purchase family a code suggests.
#include <catch2/catch.hpp>
#include "library/cpv.h"
#include <algorithm>

using namespace clausier;

namespace {

bool has_code(const std::vector<const CpvCode*>& found, std::string_view digits) {
    return std::any_of(found.begin(), found.end(), [&](const CpvCode* c) { return c->digits() == digits; });
}

std::vector<std::string> codes_of(const std::vector<const CpvCode*>& found) {
    std::vector<std::string> out;
    for (const CpvCode* c : found) out.push_back(c->code);
    return out;
}

}  // namespace

TEST_CASE("cpv: the vocabulary has its 9,454 codes, each with a check digit and a French label", "[cpv]") {
    const std::vector<CpvCode>& all = cpv_codes();
    CHECK(all.size() == 9454);
    for (const CpvCode& c : all) {
        INFO(c.code);
        REQUIRE(c.code.size() == 10);
        CHECK(c.code[8] == '-');
        CHECK(std::all_of(c.code.begin(), c.code.begin() + 8, [](char ch) { return ch >= '0' && ch <= '9'; }));
        CHECK_FALSE(c.label.empty());
        CHECK(c.folded == fold(c.label));
    }
}

TEST_CASE("cpv: lookup with or without the check digit", "[cpv]") {
    const CpvCode* c = find_cpv("90910000");
    REQUIRE(c != nullptr);
    CHECK(c->code == "90910000-9");
    CHECK(c->label == "Services de nettoyage");
    CHECK(find_cpv("90910000-9") == c);
    REQUIRE(find_cpv("30231000") != nullptr);
    CHECK(find_cpv("30231000")->label == "Écrans et consoles d'ordinateurs");
    CHECK(find_cpv("99999999") == nullptr);
    CHECK(find_cpv("") == nullptr);
    CHECK(find_cpv("abc") == nullptr);
}

TEST_CASE("cpv: search by code prefix returns exactly the codes under it", "[cpv]") {
    const std::vector<const CpvCode*> found = search_cpv("9091", 1000);
    size_t expected = 0;
    for (const CpvCode& c : cpv_codes()) expected += c.code.compare(0, 4, "9091") == 0;
    CHECK(expected == 18);
    CHECK(found.size() == expected);
    for (const CpvCode* c : found) CHECK(c->code.compare(0, 4, "9091") == 0);
    CHECK(has_code(found, "90919200"));
    // A full code with its check digit, and the limit.
    CHECK(codes_of(search_cpv("90919200-4")) == std::vector<std::string>{"90919200-4"});
    CHECK(search_cpv("9", 5).size() == 5);
}

TEST_CASE("cpv: search by words ignores accents and case, every word must start a word of the label", "[cpv]") {
    const std::vector<const CpvCode*> plain = search_cpv("ecrans ordinateurs", 100);
    CHECK(has_code(plain, "30231000"));
    CHECK(codes_of(search_cpv("ÉCRANS Ordinateurs", 100)) == codes_of(plain));
    CHECK(codes_of(search_cpv("écrans ordinateurs", 100)) == codes_of(plain));
    const std::vector<const CpvCode*> cleaning = search_cpv("nettoyage bureaux", 100);
    CHECK(has_code(cleaning, "90919200"));
    for (const CpvCode* c : cleaning) {
        CHECK(c->folded.find("nettoyage") != std::string::npos);
        CHECK(c->folded.find("bureau") != std::string::npos);
    }
    CHECK(has_code(search_cpv("restauration scolaire", 100), "55523100"));
    CHECK(has_code(search_cpv("traiteur ecoles", 100), "55524000"));
    // Prefixes of words only: "toyage" does not start a word of "nettoyage".
    CHECK(search_cpv("toyage", 100).empty());
    CHECK(search_cpv("", 100).empty());
    CHECK(search_cpv("   ", 100).empty());
    CHECK(search_cpv("zzzqqq", 100).empty());
}

TEST_CASE("cpv: the purchase family a code suggests", "[cpv]") {
    const Library& lib = bundled_library();
    const std::pair<const char*, const char*> expected[] = {
        {"90910000", "nettoyage"},
        {"90919200", "nettoyage"},
        {"30213000", "materiel-informatique"},
        {"55524000", "restauration-collective"},
        {"45214200", "batiment"},
        {"45233000", "voirie"},
        {"77310000", "espaces-verts"},
        {"30192000", "fournitures-bureau"},
        {"72000000", "services-numeriques"},
        {"39100000", "mobilier"},
        {"34110000", "vehicules"},
        {"09310000", "energie"},
        {"18100000", "textiles"},
        {"79950000", "evenementiel"},
        {"79400000", "prestations-intellectuelles"},
        {"60100000", "transport-logistique"},
        {"90511000", "dechets"},
        {"79800000", "impression"},
        {"50700000", "maintenance-batiment"},
    };
    for (const auto& [code, family] : expected) {
        INFO(code);
        REQUIRE(find_cpv(code) != nullptr);
        const Family* f = family_for_cpv(lib, code);
        REQUIRE(f != nullptr);
        CHECK(f->id == family);
    }
    CHECK(family_for_cpv(lib, "03000000") == nullptr);
    CHECK(family_for_cpv(lib, "") == nullptr);
    CHECK(family_for_cpv(lib, "9") == nullptr);
}
