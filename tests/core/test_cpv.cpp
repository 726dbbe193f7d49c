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
    // In code order, each code once: find_cpv searches by halves.
    CHECK(std::adjacent_find(all.begin(), all.end(), [](const CpvCode& a, const CpvCode& b) { return a.digits() >= b.digits(); }) == all.end());
    for (const CpvCode& c : all) REQUIRE(find_cpv(c.code) == &c);
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

namespace {

size_t rank_of(const std::vector<const CpvCode*>& found, std::string_view digits) {
    for (size_t k = 0; k < found.size(); ++k)
        if (found[k]->digits() == digits) return k;
    return found.size();
}

}  // namespace

TEST_CASE("cpv: the nature of a code and its depth", "[cpv]") {
    CHECK(cpv_nature("45214200") == "travaux");
    CHECK(cpv_nature("90910000-9") == "services");
    CHECK(cpv_nature("50700000") == "services");
    CHECK(cpv_nature("98312000") == "services");
    CHECK(cpv_nature("16611100") == "fournitures");
    CHECK(cpv_nature("48000000") == "fournitures");
    CHECK(cpv_nature("") == "fournitures");
    CHECK(find_cpv("90000000")->depth == 2);
    CHECK(find_cpv("90900000")->depth == 3);
    CHECK(find_cpv("90910000")->depth == 4);
    CHECK(find_cpv("90919200")->depth == 6);
    CHECK(find_cpv("03111100")->depth == 6);
}

TEST_CASE("cpv: « nettoyage » for a services project lists cleaning services before egg-cleaning machines", "[cpv]") {
    const Library& lib = bundled_library();
    const std::vector<const CpvCode*> services = search_cpv("nettoyage", 50, cpv_context(lib, "", "services"));
    REQUIRE(services.size() >= 12);
    CHECK(services[0]->code == "90900000-6");   // Services de nettoyage et d'hygiène: the most general
    CHECK(services[1]->code == "90910000-9");   // Services de nettoyage
    for (size_t k = 0; k < 12; ++k) {
        INFO(services[k]->code << " " << services[k]->label);
        CHECK(cpv_nature(services[k]->digits()) == "services");
    }
    CHECK(rank_of(services, "90910000") < rank_of(services, "16611100"));   // Machines de nettoyage d'œufs
    // With the project's family too: the family's services first, then its other codes (cleaning products).
    const std::vector<const CpvCode*> family = search_cpv("nettoyage", 50, cpv_context(lib, "nettoyage", "services"));
    REQUIRE(family.size() >= 3);
    for (size_t k = 0; k < 3; ++k) CHECK(family[k]->code.compare(0, 3, "909") == 0);
    CHECK(rank_of(family, "39830000") < rank_of(family, "90680000"));   // cleaning products, in the family
    // For a supplies project, the cleaning products come first.
    const std::vector<const CpvCode*> supplies = search_cpv("nettoyage", 50, cpv_context(lib, "", "fournitures"));
    CHECK(supplies[0]->code == "39800000-0");
    CHECK(rank_of(supplies, "39830000") < rank_of(supplies, "90910000"));
    // And for works, the outside cleaning of buildings.
    CHECK(search_cpv("nettoyage", 5, cpv_context(lib, "", "travaux"))[0]->code == "45452000-0");
}

TEST_CASE("cpv: words at the start of a label and general codes rank first", "[cpv]") {
    // « ordinateur »: the labels that start with it (computers) before those that only mention it.
    const std::vector<const CpvCode*> computers = search_cpv("ordinateur", 50, CpvContext{{}, "fournitures"});
    REQUIRE_FALSE(computers.empty());
    CHECK(computers[0]->label.rfind("Ordinateur", 0) == 0);
    CHECK(rank_of(computers, "30213000") < rank_of(computers, "30237460"));   // before « Claviers d'ordinateurs »
    // Same place in the label: the general code before the specific ones.
    const std::vector<const CpvCode*> cleaning = search_cpv("nettoyage", 100);
    CHECK(rank_of(cleaning, "90910000") < rank_of(cleaning, "90911000"));
    CHECK(rank_of(cleaning, "90911000") < rank_of(cleaning, "90911200"));
    // Link words of the query do not have to appear in the label: « nettoyage de sol » finds « Nettoyage et
    // traitement du sol ».
    CHECK(has_code(search_cpv("nettoyage de sol", 100), "90522400"));
    // The ranking only orders what the words find: the context never adds or removes a code.
    const Library& lib = bundled_library();
    std::vector<std::string> plain = codes_of(search_cpv("nettoyage", 1000)),
                             ranked = codes_of(search_cpv("nettoyage", 1000, cpv_context(lib, "nettoyage", "services")));
    std::sort(plain.begin(), plain.end());
    std::sort(ranked.begin(), ranked.end());
    CHECK(plain == ranked);
    CHECK(cpv_context(lib, "inconnue", "services").family_prefixes.empty());
    CHECK(cpv_context(lib, "nettoyage", "").family_prefixes == lib.family("nettoyage")->cpv);
}
