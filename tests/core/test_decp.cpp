// Reading published DECP files (src/core/opendata): one hand-made file per kind of mess
// (tests/fixtures/decp/README.md), with what is counted and which problems are listed; streaming in chunks
// of any size; files that are not DECP; the indicators, filters and renewals.
#include <catch2/catch.hpp>
#include "opendata/decp.h"
#include "opendata/decp_internal.h"
#include "library/library.h"
#include "test_files.h"
#include <algorithm>

using namespace clausier;

namespace {

const char* const kDecpBuyer = "21350000000015";
const Date kToday{2026, 11, 22};

DecpOptions options() {
    DecpOptions o;
    o.today = kToday;
    return o;
}

std::string fixture(const std::string& name) { return test_files::read(test_files::source("tests/fixtures/decp/" + name)); }

// Feeds `text` to the reader in chunks of `chunk` bytes (0 = at once) as one file named `name`.
void feed(DecpReader& r, const std::string& name, const std::string& text, size_t chunk = 0) {
    r.begin_file(name, text.size());
    if (chunk == 0) r.feed(text);
    else for (size_t i = 0; i < text.size(); i += chunk) r.feed(std::string_view(text).substr(i, chunk));
    r.end_file();
}

struct Read {
    DecpReader reader{options()};
    explicit Read(const std::vector<std::string>& fixtures, size_t chunk = 0) {
        for (const std::string& f : fixtures) feed(reader, f, fixture(f), chunk);
    }
    const DecpData& data() const { return reader.data(); }
    const DecpContract& contract(const std::string& id, const std::string& buyer = kDecpBuyer) const {
        const int32_t i = reader.find(buyer, id);
        INFO("contract " << id);
        REQUIRE(i >= 0);
        return data().contracts[size_t(i)];
    }
};

Read read_one(const std::string& name) { return Read({name}); }

// The problems listed for a record id (and a field, when given).
std::vector<const DecpProblem*> problems(const DecpData& d, const std::string& id, const std::string& field = "") {
    std::vector<const DecpProblem*> out;
    for (const DecpProblem& p : d.problems)
        if (p.id == id && (field.empty() || p.field == field)) out.push_back(&p);
    return out;
}

// Messages have French typography (narrow no-break spaces before « ; : » and inside « »): so do the words.
bool has_problem(const DecpData& d, const std::string& id, const std::string& field, const std::string& words = "") {
    const std::string typeset = french_typography(words);
    for (const DecpProblem* p : problems(d, id, field))
        if (p->message.find(typeset) != std::string::npos) return true;
    return false;
}

// "records read/contracts kept/records set aside"
std::string counts(const DecpData& d) {
    return std::to_string(d.records) + "/" + std::to_string(d.contracts.size()) + "/" + std::to_string(d.set_aside);
}

std::string stats_text(const DecpData& d, const DecpFilter& f = {}) { return decp_stats_to_json(decp_stats(d, f)).dump(); }

decp::RawValue text_value(const std::string& s) {
    decp::RawValue v;
    v.kind = decp::RawValue::Kind::string;
    v.text = s;
    return v;
}

}  // namespace

TEST_CASE("decp: the 2022 regulatory form is read, the concession set aside, the indicators computed", "[decp]") {
    const Read r = read_one("v2_regulatory.json");
    const DecpData& d = r.data();
    CHECK(counts(d) == "4/3/1");
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].id == "DSP-2024-1");
    CHECK(d.problems[0].field == "contrat-concession");
    CHECK(d.files.size() == 1);
    CHECK(d.files[0].decp);
    CHECK(d.files[0].message.empty());

    const DecpStats s = decp_stats(d);
    CHECK(s.contracts == 3);
    CHECK(s.total.value == Approx(725000));
    CHECK(s.total.environmental == 1);
    CHECK(s.total.social == 2);   // a clause, and a reserved contract
    CHECK(s.total.environmental_value == Approx(480000));
    CHECK(s.blank_considerations == 0);
    CHECK(s.by_year.at(2025).contracts == 2);
    CHECK(s.by_year.at(2024).contracts == 1);
    CHECK(s.by_family.at("nettoyage").contracts == 1);
    CHECK(s.by_family.at("textiles").social == 1);
    CHECK(s.by_procedure.at(DecpProcedure::sans_publicite).contracts == 1);
    CHECK(s.offers_known == 3);
    CHECK(s.median_offers == 1);
    CHECK(s.single_offer == 2);
    CHECK(s.advance_known == 3);
    CHECK(s.advance_granted == 1);
    CHECK(s.subcontracting_declared == 1);

    // Renewals between 2026-11-22 and 2028-05-22, soonest first.
    REQUIRE(s.renewals.size() == 2);
    const DecpRenewal& first = s.renewals[0];
    CHECK(first.detail->id == "2025-001");
    CHECK(iso_date(first.contract->end) == "2027-03-01");
    CHECK(*first.buyer == kDecpBuyer);
    CHECK(first.detail->object == "Nettoyage des locaux administratifs");
    CHECK(first.detail->cpv == "90919200");
    REQUIRE(first.family);
    CHECK(first.family->id == "nettoyage");
    CHECK(std::string(first.nature) == "services");
    CHECK(std::string(first.contract->departement) == "35");
    CHECK(first.detail->holder == "44306184100047");
    CHECK(first.contract->value == Approx(480000));
    CHECK(first.contract->environmental == DecpAnswer::yes);
    CHECK(s.renewals[1].detail->id == "2024-017");
    CHECK(iso_date(s.renewals[1].contract->end) == "2027-09-01");
    CHECK(std::string(s.renewals[1].nature) == "fournitures");

    REQUIRE(s.targets.size() == 2);
    for (const DecpTarget& t : s.targets) {
        CHECK_FALSE(t.source.empty());
        CHECK(t.year == 2025);
        CHECK(t.measured == Approx(t.indicator == "environmental" ? 1.0 / 3 : 2.0 / 3));
        CHECK(t.measured_in_year_known);
    }
    CHECK(s.targets[0].share == Approx(1.0));
    CHECK(s.targets[1].share == Approx(0.3));
}

TEST_CASE("decp: the older {\"marches\": [...]} form, with 1.x modifications and no considerations", "[decp]") {
    const Read r = read_one("v1_legacy.json");
    const DecpData& d = r.data();
    CHECK(counts(d) == "3/2/1");
    CHECK(has_problem(d, "C2022-01", "nature", "concession"));
    CHECK(d.problems.size() == 1);   // missing 2022 fields (offers, considerations…) are no problem in a 1.x file

    const DecpContract& modified = r.contract("20190042");
    CHECK(modified.value == Approx(236000));
    CHECK(modified.duration_months == 54);
    CHECK(iso_date(modified.end) == "2027-10-03");
    CHECK(modified.environmental == DecpAnswer::unknown);
    CHECK(r.contract("20190043").procedure == DecpProcedure::negociation);

    const DecpStats s = decp_stats(d);
    CHECK(s.blank_considerations == 2);
    CHECK(s.total.environmental == 0);
    REQUIRE(s.renewals.size() == 1);
    CHECK(s.renewals[0].detail->holder == "12345678900011");   // the contract's holder, not the one named in its modification
    REQUIRE(s.renewals[0].family);
    CHECK(s.renewals[0].family->id == "espaces-verts");
}

TEST_CASE("decp: numbers written as text, « NC » and words", "[decp]") {
    const Read r = read_one("numbers_as_strings.json");
    const DecpData& d = r.data();
    CHECK(r.contract("NUM-1").value == Approx(1234567.5));
    CHECK(r.contract("NUM-1").duration_months == 24);
    CHECK(r.contract("NUM-1").offers == 3);
    CHECK(problems(d, "NUM-1").empty());

    const DecpContract& nc = r.contract("NUM-2");
    CHECK_FALSE(nc.value_trusted);
    CHECK_FALSE(nc.end.valid());
    CHECK(nc.offers == 0);
    CHECK(has_problem(d, "NUM-2", "montant", "non communiqué (« NC »)"));
    CHECK(has_problem(d, "NUM-2", "dureeMois", "non communiquée"));
    CHECK(has_problem(d, "NUM-2", "offresRecues"));

    CHECK(r.contract("NUM-3").value == Approx(12000));
    CHECK(r.contract("NUM-3").duration_months == 7);   // 6.5 months run into the seventh
    CHECK_FALSE(r.contract("NUM-4").value_trusted);
    CHECK(has_problem(d, "NUM-4", "montant", "illisible (« douze mille euros »)"));
    CHECK(r.contract("NUM-5").value == Approx(1234567.89));

    const DecpStats s = decp_stats(d);
    CHECK(s.contracts == 5);
    CHECK(s.total.valued == 3);
    CHECK(s.total.value == Approx(1234567.5 + 12000 + 1234567.89));
}

TEST_CASE("decp: yes/no written as « oui », « NON », 1 and 0, \"true\"; unreadable ones are listed", "[decp]") {
    const Read r = read_one("booleans_oui_non.json");
    const DecpData& d = r.data();
    CHECK(r.contract("B1").advance == DecpAnswer::yes);
    CHECK(r.contract("B1").subcontracting == DecpAnswer::no);
    CHECK(r.contract("B2").advance == DecpAnswer::no);
    CHECK(r.contract("B2").subcontracting == DecpAnswer::yes);
    CHECK(r.contract("B3").advance == DecpAnswer::yes);
    CHECK(r.contract("B3").subcontracting == DecpAnswer::no);
    CHECK(r.contract("B4").advance == DecpAnswer::unknown);
    CHECK(has_problem(d, "B4", "attributionAvance", "illisible (« peut-être »)"));
    CHECK(has_problem(d, "B4", "sousTraitanceDeclaree", "non communiquée"));
    CHECK(r.contract("B5").advance == DecpAnswer::yes);
    CHECK(r.contract("B5").subcontracting == DecpAnswer::yes);    // from its subcontracting act
    CHECK(r.contract("B5").value == Approx(50000));                // the act's amount is not the contract's
    CHECK(r.contract("B5").duration_months == 12);

    const DecpStats s = decp_stats(d);
    CHECK(s.advance_known == 4);
    CHECK(s.advance_granted == 3);
    CHECK(s.subcontracting_known == 4);
    CHECK(s.subcontracting_declared == 2);
}

TEST_CASE("decp: implausible amounts are kept out of the sums, each with its reason", "[decp]") {
    const Read r = read_one("absurd_amounts.json");
    const DecpData& d = r.data();
    const std::pair<const char*, const char*> expected[] = {
        {"A1", "nul ou négatif"}, {"A2", "moins de 1"}, {"A3", "valeur de remplissage"},
        {"A4", "10 milliards"},   {"A5", "nul ou négatif"}, {"A6", "moins de 1"}};
    for (const auto& [id, words] : expected) {
        INFO(id);
        CHECK_FALSE(r.contract(id).value_trusted);
        CHECK(has_problem(d, id, "montant", words));
    }
    CHECK(r.contract("A7").value_trusted);
    CHECK(r.contract("A8").value == Approx(4.5e9));
    CHECK(problems(d, "A8").empty());
    CHECK(r.contract("A9").value_trusted);
    CHECK_FALSE(r.contract("A9").end.valid());
    CHECK(has_problem(d, "A9", "dureeMois", "en jours"));

    const DecpStats s = decp_stats(d);
    CHECK(s.contracts == 9);       // every contract is counted…
    CHECK(s.total.valued == 3);    // …only trusted amounts are summed
    CHECK(s.total.value == Approx(250000 + 4.5e9 + 80000));
    CHECK(s.total.environmental == 9);
}

TEST_CASE("decp: missing and null fields; records that cannot be identified or are no object are set aside", "[decp]") {
    const Read r = read_one("missing_null.json");
    const DecpData& d = r.data();
    CHECK(counts(d) == "7/3/4");
    for (const char* field : {"montant", "dureeMois", "dateNotification", "codeCPV", "procedure", "lieuExecution"}) {
        INFO(field);
        CHECK(has_problem(d, "M1", field));
    }
    CHECK_FALSE(has_problem(d, "M1", "offresRecues"));   // a 2022 field: missing is not a problem
    CHECK(r.contract("M1").environmental == DecpAnswer::unknown);
    CHECK(has_problem(d, "", "id", "Identifiant absent"));
    CHECK(has_problem(d, "M3", "acheteur.id", "absent"));
    CHECK(has_problem(d, "", "id", "Ni identifiant ni acheteur"));
    size_t not_objects = 0;
    for (const DecpProblem& p : d.problems) not_objects += p.message.find("n'est pas un objet JSON") != std::string::npos;
    CHECK(not_objects == 3);
    const DecpStats s = decp_stats(d);
    CHECK(s.blank_considerations == 1);
}

TEST_CASE("decp: modifications give the new amount and duration, in order; doubtful ones are refused", "[decp]") {
    const Read r = read_one("modifications.json");
    const DecpData& d = r.data();
    const DecpContract& two = r.contract("MOD-1");
    CHECK(two.value == Approx(130000));   // n° 2 comes after n° 1 although listed first
    CHECK(two.duration_months == 24);
    CHECK(iso_date(two.end) == "2027-01-15");
    CHECK(two.modifications == 2);
    CHECK(problems(d, "MOD-1").empty());

    CHECK(r.contract("MOD-2").value == Approx(400000));
    CHECK(r.contract("MOD-2").duration_months == 36);
    CHECK(has_problem(d, "MOD-2", "modifications", "ressemble à la variation"));
    CHECK(has_problem(d, "MOD-2", "modifications", "ressemble à la prolongation"));

    CHECK(r.contract("MOD-3").duration_months == 30);
    CHECK(has_problem(d, "MOD-3", "modifications", "avant le marché lui-même"));

    CHECK(r.contract("MOD-4").duration_months == 18);
    CHECK(r.contract("MOD-4").value == Approx(65000));
    CHECK(iso_date(r.contract("MOD-4").end) == "2027-03-01");

    CHECK(r.contract("MOD-5").value == Approx(80000));
    CHECK(r.contract("MOD-5").value_trusted);
    CHECK(has_problem(d, "MOD-5", "montant", "le montant de la dernière modification est retenu"));

    CHECK(r.contract("MOD-6").value == Approx(60000));
    CHECK(r.contract("MOD-6").modifications == 1);
    CHECK(problems(d, "MOD-6").empty());

    const DecpStats s = decp_stats(d);
    std::vector<std::string> ids;
    for (const DecpRenewal& x : s.renewals) ids.push_back(x.detail->id);
    CHECK(ids == std::vector<std::string>{"MOD-1", "MOD-4", "MOD-3", "MOD-2"});
}

TEST_CASE("decp: CPV codes with or without check digit, a lost leading zero, unknown and unreadable codes", "[decp]") {
    const Read r = read_one("cpv.json");
    const DecpData& d = r.data();
    const Library& lib = bundled_library();
    auto family = [&](const char* id) {
        const int16_t f = r.contract(id).family;
        return f < 0 ? std::string() : lib.families[size_t(f)].id;
    };
    CHECK(family("C1") == "nettoyage");
    CHECK(problems(d, "C1").empty());
    CHECK(family("C2") == "nettoyage");
    CHECK(has_problem(d, "C2", "codeCPV", "contrôle"));
    CHECK(family("C3") == "energie");
    CHECK(problems(d, "C3").empty());
    CHECK(has_problem(d, "C4", "codeCPV", "inconnu"));
    CHECK(family("C5").empty());
    CHECK(has_problem(d, "C5", "codeCPV", "illisible"));
    CHECK(family("C6") == "voirie");
    CHECK(has_problem(d, "C7", "codeCPV", "absent"));
    CHECK(decp_stats(d).by_family.at("autre").contracts == 3);
}

TEST_CASE("decp: dates in French, with a time or zone; future, truncated, impossible and out-of-order dates", "[decp]") {
    const Read r = read_one("dates.json");
    const DecpData& d = r.data();
    CHECK(iso_date(r.contract("D1").notification) == "2025-03-15");
    CHECK(iso_date(r.contract("D2").notification) == "2025-03-16");
    CHECK(iso_date(r.contract("D6").notification) == "2019-03-12");
    CHECK_FALSE(r.contract("D3").notification.valid());
    CHECK(has_problem(d, "D3", "dateNotification", "dans le futur"));
    CHECK(has_problem(d, "D4", "dateNotification", "invraisemblable"));
    CHECK(has_problem(d, "D5", "datePublicationDonnees", "avant la notification"));
    CHECK(iso_date(r.contract("D5").notification) == "2025-05-10");
    CHECK(has_problem(d, "D7", "dateNotification", "illisible"));
    CHECK(has_problem(d, "D8", "dateNotification", "illisible"));
    const DecpStats s = decp_stats(d);
    CHECK(s.contracts == 8);
    CHECK(s.by_year.at(2025).contracts == 3);
    CHECK(s.by_year.at(2019).contracts == 1);
    CHECK(s.by_year.size() == 2);
}

TEST_CASE("decp: a modification is not a new contract; publications are merged by buyer and id", "[decp]") {
    const Read r = read_one("duplicates.json");
    const DecpData& d = r.data();
    CHECK(d.records == 7);
    CHECK(d.contracts.size() == 4);
    CHECK(d.duplicates == 3);
    CHECK(r.contract("DUP-1").value == Approx(220000));
    CHECK(r.contract("DUP-1").duration_months == 18);
    CHECK(r.contract("DUP-1", "21440000000012").value == Approx(75000));
    const DecpContract& filled = r.contract("DUP-2");
    CHECK(filled.value == Approx(120000));                    // the later publication wins…
    CHECK(filled.environmental == DecpAnswer::yes);           // …its blanks filled from the other
    CHECK(has_problem(d, "DUP-3", "dateNotification", "plusieurs fois"));
    CHECK(iso_date(r.contract("DUP-3").notification) == "2025-01-20");
    const DecpStats s = decp_stats(d);
    CHECK(s.contracts == 4);
    CHECK(s.blank_considerations == 0);
}

TEST_CASE("decp: considerations in every shape found; unknown values count, blanks are counted apart", "[decp]") {
    const Read r = read_one("considerations.json");
    const DecpData& d = r.data();
    auto social = [&](const char* id) { return r.contract(id).social; };
    auto env = [&](const char* id) { return r.contract(id).environmental; };
    CHECK(social("K1") == DecpAnswer::yes);
    CHECK(env("K1") == DecpAnswer::no);
    CHECK(social("K2") == DecpAnswer::no);
    CHECK(env("K2") == DecpAnswer::yes);
    CHECK(social("K3") == DecpAnswer::yes);
    CHECK(has_problem(d, "K3", "considerationsSociales", "inconnue du format"));
    CHECK(social("K4") == DecpAnswer::yes);
    CHECK(has_problem(d, "K4", "considerationsSociales", "ensemble"));
    CHECK(social("K5") == DecpAnswer::yes);
    CHECK(env("K5") == DecpAnswer::yes);
    CHECK(problems(d, "K5").empty());
    for (const char* id : {"K6", "K7", "K8"}) {
        INFO(id);
        CHECK(social(id) == DecpAnswer::unknown);
        CHECK(env(id) == DecpAnswer::unknown);
    }
    CHECK(social("K9") == DecpAnswer::no);
    CHECK(env("K9") == DecpAnswer::unknown);
    const DecpStats s = decp_stats(d);
    CHECK(s.blank_social == 3);
    CHECK(s.blank_environmental == 4);
    CHECK(s.blank_considerations == 4);
    CHECK(s.total.social == 4);
    CHECK(s.total.environmental == 3);
}

TEST_CASE("decp: the département of the place of execution, from every kind of code", "[decp]") {
    const Read r = read_one("places.json");
    const DecpData& d = r.data();
    const std::pair<const char*, const char*> expected[] = {{"P1", "35"}, {"P2", "2A"}, {"P3", "2B"}, {"P4", "01"}, {"P5", ""},
                                                            {"P6", "974"}, {"P7", "06"}, {"P8", ""}, {"P9", ""}};
    for (const auto& [id, dep] : expected) {
        INFO(id);
        CHECK(std::string(r.contract(id).departement) == dep);
    }
    CHECK(problems(d, "P5").empty());   // a région is no département, and no error
    CHECK(has_problem(d, "P8", "lieuExecution", "illisible"));
    CHECK(has_problem(d, "P9", "lieuExecution", "absent"));
    DecpFilter f;
    f.departement = "2A";
    CHECK(decp_stats(d, f).contracts == 1);
}

TEST_CASE("decp: a broken record between good ones, and a file cut in the middle of a record", "[decp]") {
    const Read r = read_one("truncated_and_broken.json");
    const DecpData& d = r.data();
    CHECK(counts(d) == "4/2/2");
    CHECK(has_problem(d, "R2", "enregistrement", "JSON invalide"));
    bool cut = false, file = false;
    for (const DecpProblem& p : d.problems) {
        cut |= p.message.find("s'arrête au milieu de l'enregistrement n° 4") != std::string::npos && p.field == "enregistrement";
        file |= p.field == "fichier" && p.message.find("tronqué") != std::string::npos;
    }
    CHECK(cut);
    CHECK(file);
    CHECK(d.files[0].decp);
    CHECK(r.contract("R3").value == Approx(60000));
}

TEST_CASE("decp: fields the indicators do not use are skipped whatever they hold", "[decp]") {
    const Read r = read_one("unknown_fields.json");
    const DecpData& d = r.data();
    CHECK(d.contracts.size() == 2);
    CHECK(d.problems.empty());
    const DecpContract& u1 = r.contract("U1");
    CHECK(u1.value == Approx(120000));
    CHECK(std::string(u1.departement) == "35");
    CHECK(iso_date(u1.end) == "2027-06-01");
    CHECK(u1.social == DecpAnswer::yes);
    CHECK(u1.environmental == DecpAnswer::yes);
    CHECK(r.contract("U2").value == Approx(80000));   // "i\u0064" is "id"
}

TEST_CASE("decp: reading in chunks of any size gives the same result as reading at once", "[decp]") {
    for (const std::string& name : test_files::names(test_files::source("tests/fixtures/decp"), "", ".json")) {
        INFO(name);
        const std::string whole = stats_text(Read({name}).data());
        for (size_t chunk : {1, 7, 4096}) CHECK(stats_text(Read({name}, chunk).data()) == whole);
    }
}

TEST_CASE("decp: several files at once, then filters on buyer, SIREN, dates and département", "[decp]") {
    const Read r({"v2_regulatory.json", "v1_legacy.json", "duplicates.json"});
    const DecpData& d = r.data();
    CHECK(d.files.size() == 3);
    CHECK(d.records == 4 + 3 + 7);
    DecpFilter other;
    other.buyer = "21440000000012";
    CHECK(decp_stats(d, other).contracts == 1);
    DecpFilter siren;
    siren.buyer = "213500000";
    CHECK(decp_stats(d, siren).contracts == 3 + 2 + 3);
    DecpFilter year;
    year.from = Date{2025, 1, 1};
    year.to = Date{2025, 12, 31};
    const DecpStats in_2025 = decp_stats(d, year);
    CHECK(in_2025.contracts == 2 + 4);
    CHECK(in_2025.by_year.size() == 1);
    // Problems about contracts left out by the filter are not shown; those of set-aside records of the buyer are.
    for (const DecpProblem* p : in_2025.problems)
        if (p->contract >= 0) CHECK(d.contracts[size_t(p->contract)].notification.year == 2025);
}

TEST_CASE("decp: renewals are the contracts ending between today and 18 months later, bounds included", "[decp]") {
    auto record = [](const char* id, const char* notified, int months) {
        return std::string("{\"id\": \"") + id + "\", \"acheteur\": {\"id\": \"21350000000015\"}, \"montant\": 50000, \"codeCPV\": \"90919200\", "
               "\"procedure\": \"Procédure adaptée\", \"lieuExecution\": {\"code\": \"35\", \"typeCode\": \"Code département\"}, "
               "\"dureeMois\": " + std::to_string(months) + ", \"dateNotification\": \"" + notified + "\"}";
    };
    const std::string text = "{\"marches\": {\"marche\": [" + record("ends-yesterday", "2025-11-21", 12) + "," +
                             record("ends-today", "2025-11-22", 12) + "," + record("ends-at-the-limit", "2026-05-22", 24) + "," +
                             record("ends-a-day-later", "2026-05-23", 24) + "]}}";
    DecpReader reader(options());
    feed(reader, "window.json", text);
    const DecpStats s = decp_stats(reader.data());
    CHECK(iso_date(s.renewal_until) == "2028-05-22");
    REQUIRE(s.renewals.size() == 2);
    CHECK(s.renewals[0].detail->id == "ends-today");
    CHECK(s.renewals[1].detail->id == "ends-at-the-limit");
}

TEST_CASE("decp: files that are not DECP are named, and say why", "[decp]") {
    const std::pair<const char*, const char*> cases[] = {
        {"{\"format\": \"clausier-projet\", \"schema_version\": 1}", "ne contient pas la liste « marches »"},
        {"<?xml version=\"1.0\"?><marches></marches>", "XML"},
        {"", "ne contient pas la liste"},
        {"[{\"id\": 1}]", "ne contient pas la liste"},
        {"bonjour", "n'est pas un fichier JSON"},
    };
    for (const auto& [text, words] : cases) {
        INFO(text);
        DecpReader reader(options());
        feed(reader, "x.json", text);
        const DecpData& d = reader.data();
        CHECK_FALSE(d.any_decp());
        REQUIRE(d.files.size() == 1);
        CHECK(d.files[0].message.find(french_typography(words)) != std::string::npos);
        CHECK(d.files[0].message.find("x.json") != std::string::npos);
    }
    DecpReader empty(options());
    feed(empty, "vide.json", "\xEF\xBB\xBF{\"marches\": []}");
    CHECK(empty.data().any_decp());
    CHECK(empty.data().records == 0);
    CHECK(empty.data().problems.empty());
}

TEST_CASE("decp: Latin-1 bytes, raw line breaks and NaN are repaired, and the file says so", "[decp]") {
    const std::string text = "{\"marches\": [{\"id\": \"L1\", \"acheteur\": {\"id\": \"21350000000015\"}, \"objet\": \"Entretien des v\xe9hicules\", "
                             "\"montant\": NaN, \"dureeMois\": 12, \"dateNotification\": \"2025-01-01\"},"
                             "{\"id\": \"L2\", \"acheteur\": {\"id\": \"21350000000015\"}, \"objet\": \"Ligne\ncoupée\", \"montant\": 45000}]}";
    DecpReader reader(options());
    feed(reader, "latin1.json", text);
    const DecpData& d = reader.data();
    CHECK(d.contracts.size() == 2);
    CHECK(d.set_aside == 0);
    CHECK(has_problem(d, "L1", "montant", "absent"));
    CHECK(reader.data().contracts[size_t(reader.find(kDecpBuyer, "L2"))].value == Approx(45000));
    CHECK(has_problem(d, "", "fichier", "2 enregistrements du fichier"));
}

TEST_CASE("decp: hostile records — oversized, deeply nested — are set aside or read without harm", "[decp]") {
    const std::string big = "{\"id\": \"BIG\", \"acheteur\": {\"id\": \"21350000000015\"}, \"objet\": \"" + std::string(5 << 20, 'x') + "\"}";
    const std::string deep = "{\"id\": \"DEEP\", \"acheteur\": {\"id\": \"21350000000015\"}, \"montant\": 50000, \"objet\": " +
                             std::string(100000, '[') + std::string(100000, ']') + "}";
    const std::string text = "{\"marches\": {\"autre\": " + std::string(100000, '[') + std::string(100000, ']') +
                             ", \"marche\": [" + big + "," + deep + "]}}";
    for (size_t chunk : {size_t(0), size_t(65536)}) {
        DecpReader reader(options());
        feed(reader, "hostile.json", text, chunk);
        const DecpData& d = reader.data();
        CHECK(d.records == 2);
        CHECK(d.set_aside == 1);
        CHECK(has_problem(d, "", "enregistrement", "Mo"));
        REQUIRE(reader.find(kDecpBuyer, "DEEP") >= 0);
        CHECK(d.contracts[size_t(reader.find(kDecpBuyer, "DEEP"))].value == Approx(50000));
    }
}

TEST_CASE("decp: at most max_problems are kept in detail, all are counted", "[decp]") {
    DecpOptions o = options();
    o.max_problems = 2;
    DecpReader reader(o);
    feed(reader, "absurd_amounts.json", fixture("absurd_amounts.json"));
    CHECK(reader.data().problems.size() == 2);
    CHECK(reader.data().problems_total == 7);
    CHECK(reader.data().problems_by_field.at("montant") == 6);
}

TEST_CASE("decp: the JSON keeps the CLI contract's keys", "[decp]") {
    const json j = decp_stats_to_json(decp_stats(read_one("v2_regulatory.json").data()));
    for (const char* key : {"records", "contracts", "problems", "value", "environmental", "social", "blank_considerations", "by_year", "renewals"})
        CHECK(j.contains(key));
    for (const char* side : {"environmental", "social"})
        for (const char* key : {"contracts", "value", "share_contracts", "share_value"}) CHECK(j[side].contains(key));
    CHECK(j["environmental"]["share_contracts"].get<double>() == Approx(0.333));
    for (const char* key : {"contracts", "value", "environmental", "social"}) CHECK(j["by_year"]["2025"].contains(key));
    REQUIRE(j["renewals"].size() == 2);
    for (const char* key : {"id", "buyer", "object", "cpv", "end_date", "value"}) CHECK(j["renewals"][0].contains(key));
    CHECK(j["renewals"][0]["end_date"] == "2027-03-01");
    REQUIRE(j["problems"].size() == 1);
    for (const char* key : {"id", "field", "message"}) CHECK(j["problems"][0][key].is_string());
}

TEST_CASE("decp: every procedure and consideration of the v2.0.3 enumerations is understood", "[decp]") {
    const json enums = json::parse(fixture("schema/decp_v2.0.3_enums.json"));
    for (const json& p : enums["/definitions/marche/properties/procedure"]) {
        INFO(p.get<std::string>());
        const DecpProcedure got = decp::read_procedure(text_value(p.get<std::string>()));
        CHECK(got != DecpProcedure::other);
        CHECK(got != DecpProcedure::unknown);
        CHECK(decp_procedure_label(got) == p.get<std::string>());
    }
    for (const auto& [pointer, social] : {std::pair{"/definitions/marche/definitions/considerationSocialeArray/items", true},
                                          {"/definitions/marche/definitions/considerationEnvironnementaleArray/items", false}})
        for (const json& v : enums[pointer]) {
            const std::string value = v.get<std::string>();
            INFO(value);
            const bool none = value.rfind("Pas de", 0) == 0;
            CHECK(decp::read_consideration(value, social) == (none ? decp::Consideration::none : decp::Consideration::some));
        }
}

TEST_CASE("decp: value rules — numbers, yes/no, dates, départements, months", "[decp]") {
    using decp::Verdict;
    double n = 0;
    const std::pair<const char*, double> numbers[] = {{"1 234,50", 1234.5}, {"1234.50", 1234.5}, {"1,234,567.5", 1234567.5},
                                                      {"1.234.567", 1234567}, {"12 000 € HT", 12000}, {"45000 euros", 45000},
                                                      {"1\u00A0234\u202F567", 1234567}};
    for (const auto& [text, value] : numbers) {
        INFO(text);
        REQUIRE(decp::read_number(text_value(text), n) == Verdict::ok);
        CHECK(n == Approx(value));
    }
    CHECK(decp::read_number(text_value("NC"), n) == Verdict::not_communicated);
    CHECK(decp::read_number(text_value("n/c"), n) == Verdict::not_communicated);
    CHECK(decp::read_number(text_value(""), n) == Verdict::missing);
    CHECK(decp::read_number(text_value("12 000 TTC"), n) == Verdict::unreadable);
    bool b = false;
    CHECK(decp::read_answer(text_value(" Oui "), b) == Verdict::ok);
    CHECK(b);
    CHECK(decp::read_answer(text_value("faux"), b) == Verdict::ok);
    CHECK_FALSE(b);
    Date d;
    CHECK(decp::read_date(text_value("29/02/2024"), d) == Verdict::ok);
    CHECK(decp::read_date(text_value("29/02/2025"), d) == Verdict::unreadable);
    CHECK(decp_departement("2b") == "2B");
    CHECK(decp_departement("9") == "09");
    CHECK(decp_departement("971") == "971");
    CHECK(decp_departement("00").empty());
    CHECK(decp_departement("Ille-et-Vilaine").empty());
    CHECK(iso_date(add_months(Date{2025, 1, 31}, 1)) == "2025-02-28");
    CHECK(iso_date(add_months(Date{2024, 1, 31}, 1)) == "2024-02-29");
    CHECK(iso_date(add_months(Date{2025, 11, 15}, 14)) == "2027-01-15");
    CHECK(std::string(decp::cpv_nature("45233140")) == "travaux");
    CHECK(std::string(decp::cpv_nature("48000000")) == "fournitures");
    CHECK(std::string(decp::cpv_nature("72000000")) == "services");
}
