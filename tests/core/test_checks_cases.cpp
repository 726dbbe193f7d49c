// Near misses and boundaries of the checks: dated obligations on both sides of their date, thresholds at
// their figure, legitimate wordings that must not fire, and the details a message must carry.
#include <catch2/catch.hpp>
#include "test_checks_fixture.h"

using namespace clausier;
using namespace clausier::testing;
using Catch::Matchers::Contains;

namespace {
void set_lots_above_eu(Project& p) { p.lots = {{"Bâtiments", 150000, "", ""}, {"Écoles", 100000, "", ""}}; }
}  // namespace

TEST_CASE("checks: art. 35 obligations apply from 21 August 2026", "[checks]") {
    Project p = clean_project();
    drop_clause(p, "TST-E-001");   // no environmental condition
    drop_clause(p, "TST-E-002");   // no sustainable specification, from the library or written by the buyer
    p.specifications = {{"Horaires", "Interventions avant 8 heures."}};
    p.criteria = {{"Prix", CriterionKind::prix, 100, "Formule", "BPU", "", {}}};   // price alone, no environmental criterion
    set_lots_above_eu(p);
    drop_clause(p, "TST-S-001");   // no social condition
    const char* const dated[] = {"art35-condition-environnementale", "art35-specifications-durables", "art35-critere-environnemental",
                                 "art35-critere-unique", "art35-condition-sociale"};
    p.need.launch_date = "2026-08-20";
    auto before = check(p);
    p.need.launch_date = "2026-08-21";
    auto from = check(p);
    for (const char* rule : dated) {
        INFO(rule);
        CHECK_FALSE(fires(before, rule));
        CHECK(fires(from, rule));
    }
}

TEST_CASE("checks: social condition only at or above the EU threshold, unless a justified exception", "[checks]") {
    Project p = clean_project();
    drop_clause(p, "TST-S-001");
    p.lots = {{"A", 116000, "", ""}, {"B", 99999.99, "", ""}};   // 215 999,99 €: just below 216 000 €
    CHECK_FALSE(fires(check(p), "art35-condition-sociale"));
    p.lots[1].value = 100000;                                      // exactly 216 000 €
    const auto at = check(p);
    REQUIRE(fires(at, "art35-condition-sociale"));
    CHECK_THAT(first(at, "art35-condition-sociale")->message, Contains("216" + std::string(kNnbsp) + "000"));
    p.social_exception = "concurrence";
    p.social_justification = "Deux opérateurs seulement peuvent exécuter ce marché ; une clause sociale les écarterait.";
    const auto justified = check(p);
    for (const char* rule : {"art35-condition-sociale", "art35-exception-sociale-inconnue", "art35-exception-sociale-non-motivee"}) {
        INFO(rule);
        CHECK_FALSE(fires(justified, rule));
    }
    // A justification without an exception from the list is not enough.
    p.social_exception = "";
    CHECK(fires(check(p), "art35-exception-sociale-inconnue"));
}

TEST_CASE("checks: what counts as an environmental award criterion", "[checks]") {
    Project p = clean_project();
    // A technical criterion taken from an environmental criterion clause counts.
    p.criteria[2].kind = CriterionKind::technique;
    CHECK_FALSE(fires(check(p), "art35-critere-environnemental"));
    // A single life-cycle cost pricing energy counts and may stand alone.
    p.criteria = {{"Coût du cycle de vie", CriterionKind::cout_cycle_vie, 100,
                   "Coût d'acquisition + consommation d'énergie sur 6 ans + fin de vie", "BPU et fiches de consommation", "", {}}};
    auto findings = check(p);
    CHECK_FALSE(fires(findings, "art35-critere-environnemental"));
    CHECK_FALSE(fires(findings, "art35-critere-unique"));
    CHECK_FALSE(fires(findings, "criteres-prix-absent"));
    // A single cost without environmental characteristics does not.
    p.criteria = {{"Coût global", CriterionKind::cout_cycle_vie, 100, "", "", "TST-P-001", {}}};
    findings = check(p);
    CHECK(fires(findings, "art35-critere-environnemental"));
    CHECK(fires(findings, "art35-critere-unique"));
    // Several criteria where only price carries weight: price is the sole criterion in fact.
    p = clean_project();
    p.criteria[0].weight = 100;
    p.criteria[1].weight = 0;
    p.criteria[2].weight = 0;
    auto sole = first(check(p), "art35-critere-unique");
    REQUIRE(sole.has_value());
    CHECK(sole->field == "criteria[1].kind");
    CHECK_THAT(sole->message, Contains(quoted("Prix")));
}

TEST_CASE("checks: weights, methods and ranges", "[checks]") {
    Project p = clean_project();
    // Unweighted criteria are allowed in an adapted procedure...
    for (AwardCriterion& k : p.criteria) k.weight = 0;
    auto findings = check(p);
    CHECK_FALSE(fires(findings, "criteres-total-ponderation"));
    CHECK_FALSE(fires(findings, "criteres-non-ponderes-formalise"));
    // ...not in a formalised one.
    set_lots_above_eu(p);
    CHECK(fires(check(p), "criteres-non-ponderes-formalise"));

    p = clean_project();
    p.criteria[0].weight = 60.004;   // rounding noise is tolerated
    CHECK_FALSE(fires(check(p), "criteres-total-ponderation"));
    p.criteria[0].weight = 61;
    auto total = first(check(p), "criteres-total-ponderation");
    REQUIRE(total.has_value());
    CHECK_THAT(total->message, Contains("101" + std::string(kNbsp) + "%"));

    p = clean_project();
    p.criteria[0].weight = 80;   // 80 % is still allowed
    p.criteria[1].weight = 5;
    CHECK_FALSE(fires(check(p), "criteres-prix-preponderant"));
    // Inside the clause's range (10–30 %), at both ends.
    p = clean_project();
    for (double w : {10.0, 30.0}) {
        p.criteria[2].weight = w;
        p.criteria[0].weight = 75 - w;
        CHECK_FALSE(fires(check(p), "criteres-hors-fourchette"));
    }
    // A criterion linked to a clause inherits its scoring grid and what the bidder provides.
    p = clean_project();
    CHECK(p.criteria[2].method.empty());
    auto clean = check(p);
    CHECK_FALSE(fires(clean, "criteres-sans-methode"));
    CHECK_FALSE(fires(clean, "criteres-sans-preuve"));
}

TEST_CASE("checks: split purchases are measured against each threshold", "[checks]") {
    Project p = clean_project();
    p.lots = {{"A", 30000, "", ""}, {"B", 20000, "", ""}};   // 50 000 €
    p.related = {{"Vitrerie", "Nettoyage", 50000, ""}};      // same family, written differently
    auto f = first(check(p), "lots-fractionnement");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("90" + std::string(kNnbsp) + "000"));   // the highest threshold crossed
    CHECK_THAT(f->message, Contains("100" + std::string(kNnbsp) + "000"));  // the sum
    p.related[0].family = "espaces-verts";
    CHECK_FALSE(fires(check(p), "lots-fractionnement"));
    // One purchase already above the threshold: nothing is hidden by splitting.
    p = clean_project();
    p.related = {{"Vitrerie", "nettoyage", 300000, ""}};
    CHECK_FALSE(fires(check(p), "lots-fractionnement"));
}

TEST_CASE("checks: reserved lots", "[checks]") {
    Project p = clean_project();
    p.lots[1].reserved = "handicap";
    for (const char* cited : {"L.2113-12", "article L. 2113-12", "L2113-12 et R.2113-7", "art. l.2113-12"}) {
        p.lots[1].reserved_article = cited;
        INFO(cited);
        CHECK_FALSE(fires(check(p), "lots-reserve-article"));
    }
    for (const char* cited : {"", "L.2113-1", "R.2113-12", "L.2113-120", "L.2113-13"}) {
        p.lots[1].reserved_article = cited;
        INFO(cited);
        CHECK(fires(check(p), "lots-reserve-article"));
    }
    p.lots[1].reserved = "insertion";
    p.lots[1].reserved_article = "L.2113-13";
    CHECK_FALSE(fires(check(p), "lots-reserve-article"));
    // ESS: health, social or cultural services, three years at most.
    p.lots[1].reserved = "ess";
    p.lots[1].reserved_article = "L.2113-15";
    p.need.social_services = true;
    p.need.duration_months = 12;
    p.need.renewals = 2;
    auto findings = check(p);
    CHECK_FALSE(fires(findings, "lots-reserve-ess-objet"));
    CHECK_FALSE(fires(findings, "lots-reserve-ess-duree"));   // 36 months
    p.need.renewals = 3;
    auto f = first(check(p), "lots-reserve-ess-duree");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("48 mois"));
}

TEST_CASE("checks: sourcing notes", "[checks]") {
    Project p = clean_project();
    const char* const fine[] = {"Aucun prix n'a été évoqué.", "Date de remise des offres rappelée.",
                                "Présentation des contraintes de livraison.", "Pas de devis demandé."};
    for (const char* notes : fine) {
        p.sourcing[0].notes = notes;
        INFO(notes);
        CHECK_FALSE(fires(check(p), "sourcing-prix-promesse"));
    }
    const char* const wrong[] = {"Il propose une remise de 10 % si nous le retenons.", "Devis reçu le 3 mai.",
                                 "Je lui ai dit qu'il serait retenu : vous serez retenu si le prix suit.",
                                 "Tarifs communiqués", "Exclusivité promise sur le lot 2", "Nous avons négocié le prix."};
    for (const char* notes : wrong) {
        p.sourcing[0].notes = notes;
        INFO(notes);
        CHECK(fires(check(p), "sourcing-prix-promesse"));
    }
}

TEST_CASE("checks: labels and brands need « ou équivalent »", "[checks]") {
    Project p = clean_project();
    p.specifications[0].text = "Les produits portent l'Écolabel européen. Tout label équivalent est accepté.";
    CHECK_FALSE(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Volailles sous label Rouge.";
    auto f = first(check(p), "label-sans-equivalent");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains(quoted("label Rouge")));
    p.specifications[0].text = "Papier certifié FSC ou PEFC.";
    CHECK(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Produits issus de l'AGRICULTURE BIOLOGIQUE (logo AB).";
    CHECK(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Volailles sous label Rouge, AOP ou IGP.";
    f = first(check(p), "label-sans-equivalent");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains(quoted("label Rouge")));
    // Organic production required as a characteristic is not a label.
    p.specifications[0].text = "Produits issus de l'agriculture biologique au sens du règlement (UE) 2018/848.";
    CHECK_FALSE(fires(check(p), "label-sans-equivalent"));
    // A clause value is read in its clause, which may admit equivalents.
    p = clean_project();
    p.clauses.push_back({"TST-E-008", {{"label", "NF Environnement"}}, 0});
    REQUIRE(fires(check(p), "label-sans-equivalent"));
    CHECK(first(check(p), "label-sans-equivalent")->field == "clauses.TST-E-008.label");
    chosen(p, "TST-E-008")->values["label"] = "NF Environnement ou équivalent";
    CHECK_FALSE(fires(check(p), "label-sans-equivalent"));

    p = clean_project();
    for (const char* text : {"Aspirateur Kärcher ou équivalent.", "Matériel marqué CE.", "Une marque de qualité reconnue."}) {
        p.specifications[0].text = text;
        INFO(text);
        CHECK_FALSE(fires(check(p), "marque-sans-equivalent"));
    }
    for (const char* text : {"Ordinateurs DELL Latitude.", "Logiciel Bureautix® version 12.", "Café de marque Arabicana."}) {
        p.specifications[0].text = text;
        INFO(text);
        CHECK(fires(check(p), "marque-sans-equivalent"));
    }
}

TEST_CASE("checks: turnover ceiling follows the date", "[checks]") {
    Project p = clean_project();
    p.specifications.push_back({"Capacité", "Chiffre d'affaires minimal exigé : 300 000 €."});
    auto f = first(check(p), "chiffre-affaires");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("1,5 fois"));
    CHECK_THAT(f->message, Contains("150" + std::string(kNnbsp) + "000"));
    p.need.launch_date = "2025-06-01";
    f = first(check(p), "chiffre-affaires");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("2 fois"));
}

TEST_CASE("checks: EGalim shares and their dates", "[checks]") {
    Project p = clean_project();
    p.need.family = "restauration-collective";
    p.clauses.push_back({"TST-E-004", {}, 0});
    auto findings = check(p);
    CHECK_FALSE(fires(findings, "egalim-clause-absente"));
    CHECK_FALSE(fires(findings, "egalim-parts-insuffisantes"));
    chosen(p, "TST-E-004")->values = {{"part_durable", 49}, {"part_bio", 19.5}, {"part_viande", 59}};
    findings = check(p);
    int low = 0;
    for (const Finding& f : findings) low += f.rule == "egalim-parts-insuffisantes";
    CHECK(low == 3);
    // The 60 % share for meat and fish applies from 1 January 2024.
    p.need.launch_date = "2023-12-31";
    chosen(p, "TST-E-004")->values = {{"part_viande", 59}};
    CHECK_FALSE(fires(check(p), "egalim-parts-insuffisantes"));
    p.need.launch_date = "2024-01-01";
    CHECK(fires(check(p), "egalim-parts-insuffisantes"));
}

TEST_CASE("checks: AGEC categories", "[checks]") {
    Project p = clean_project();
    p.need.family = "mobilier";
    p.need.nature = Nature::fournitures;
    p.clauses.push_back({"TST-E-005", {}, 0});
    CHECK_FALSE(fires(check(p), "agec-clause-absente"));
    drop_clause(p, "TST-E-005");
    auto f = first(check(p), "agec-clause-absente");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains(quoted("Mobilier")));
    p.need.launch_date = "2024-06-30";   // before the decree's date
    CHECK_FALSE(fires(check(p), "agec-clause-absente"));
}

TEST_CASE("checks: insertion volume against the labour share", "[checks]") {
    Project p = clean_project();
    // 100 000 € × 40 % / 35 €/h = 1 143 labour hours: 2 % to 20 % is 23 to 229 hours.
    for (double hours : {23.0, 80.0, 228.0}) {
        chosen(p, "TST-S-001")->values["heures_insertion"] = hours;
        INFO(hours);
        CHECK_FALSE(fires(check(p), "insertion-heures-disproportionnees"));
    }
    for (double hours : {5.0, 240.0}) {
        chosen(p, "TST-S-001")->values["heures_insertion"] = hours;
        INFO(hours);
        auto f = first(check(p), "insertion-heures-disproportionnees");
        REQUIRE(f.has_value());
        CHECK_THAT(f->message, Contains("1" + std::string(kNnbsp) + "143 heures"));
        CHECK_THAT(f->message, Contains("environ 80 heures"));
    }
    // A clause on one lot is measured against that lot: 40 000 € → 457 labour hours, 100 h is 22 %.
    chosen(p, "TST-S-001")->values["heures_insertion"] = 100;
    CHECK_FALSE(fires(check(p), "insertion-heures-disproportionnees"));
    chosen(p, "TST-S-001")->lot = 2;
    CHECK(fires(check(p), "insertion-heures-disproportionnees"));
    // No volume: the calculator's figure is suggested.
    p = clean_project();
    chosen(p, "TST-S-001")->values["heures_insertion"] = 0;
    auto f = first(check(p), "insertion-sans-heures");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("environ 80 heures"));
    CHECK_FALSE(fires(check(p), "insertion-volume-non-chiffre"));
}

TEST_CASE("checks: SPASER figure and alignment", "[checks]") {
    Project p = clean_project();
    p.buyer.annual_purchases = 50000000;   // not above 50 M€
    CHECK_FALSE(fires(check(p), "spaser-obligatoire"));
    p.buyer.annual_purchases = 50000001;
    CHECK(fires(check(p), "spaser-obligatoire"));
    p.buyer.spaser_adopted = true;
    CHECK_FALSE(fires(check(p), "spaser-obligatoire"));
    p.need.launch_date = "2022-06-01";      // 100 M€ before 2023
    p.buyer.spaser_adopted = false;
    CHECK_FALSE(fires(check(p), "spaser-obligatoire"));
    p = clean_project();
    p.buyer.spaser_adopted = true;
    for (const char* commitment : {"insertion", "Climat et énergie", "Favoriser l'insertion par l'activité économique"}) {
        p.buyer.spaser_commitments = {"Commerce équitable", commitment};
        INFO(commitment);
        CHECK_FALSE(fires(check(p), "spaser-non-aligne"));
    }
}

TEST_CASE("checks: goals, monitoring and payments", "[checks]") {
    Project p = clean_project();
    p.goals.push_back("acces-pme");   // served by the division into lots
    CHECK_FALSE(fires(check(p), "objectifs-sans-clause"));
    p.lots.resize(1);
    p.single_lot_ground = SingleLotGround::prestations_indistinctes;
    p.single_lot_justification = "Les prestations forment un ensemble que l'on ne peut pas séparer.";
    CHECK(fires(check(p), "objectifs-sans-clause"));

    // An execution condition with no monitoring line relies on its library record.
    p = clean_project();
    p.clauses.push_back({"TST-E-007", {}, 0});
    auto f = first(check(p), "suivi-incomplet");
    REQUIRE(f.has_value());
    CHECK(f->field == "clauses.TST-E-007");
    CHECK_THAT(f->message, Contains("pénalité"));
    p.monitoring.push_back({"TST-E-007", "Tri des déchets", "Taux de tri", "Bordereaux", "Chaque trimestre", "Pénalité de 200 €"});
    CHECK_FALSE(fires(check(p), "suivi-incomplet"));

    p = clean_project();
    p.advance_percent = 5;
    p.lots = {{"A", 30000, "", ""}, {"B", 15000, "", ""}};   // 45 000 €: no advance rule below 50 000 €
    CHECK_FALSE(fires(check(p), "paiement-avance-faible"));
    p.payment_days = 30;
    CHECK_FALSE(fires(check(p), "paiement-delai"));
    p.payment_days = 45;   // utilities may pay within 60 days
    p.buyer.type = BuyerType::entite_adjudicatrice;
    CHECK_FALSE(fires(check(p), "paiement-delai"));
    p.payment_days = 61;
    CHECK(fires(check(p), "paiement-delai"));
}

TEST_CASE("checks: clause validity and values", "[checks]") {
    Project p = clean_project();
    p.clauses.push_back({"TST-E-006", {}, 0});   // valid until 31 December 2025
    p.need.launch_date = "2025-12-31";
    CHECK_FALSE(fires(check(p), "clauses-hors-validite"));
    p.need.launch_date = "2026-01-01";
    auto f = first(check(p), "clauses-hors-validite");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("31 décembre 2025"));
    p = clean_project();
    chosen(p, "TST-S-001")->values["inconnue"] = 3;
    f = first(check(p), "clauses-valeur-invalide");
    REQUIRE(f.has_value());
    CHECK(f->field == "clauses.TST-S-001.inconnue");
    chosen(p, "TST-S-001")->values.erase("inconnue");
    chosen(p, "TST-S-001")->lot = 2;
    CHECK_FALSE(fires(check(p), "clauses-lot-inexistant"));
}

TEST_CASE("checks: localism is reported at the field that carries it", "[checks]") {
    Project p = clean_project();
    p.criteria[1].subcriteria[1].name = "Implantation de l'agence dans le département";
    auto f = first(check(p), "localisme-critere");
    REQUIRE(f.has_value());
    CHECK(f->field == "criteria[2].subcriteria[2].name");
    CHECK_THAT(f->message, Contains("département"));
    p = clean_project();
    p.criteria[1].method = "Délai d'intervention en heures ; circuit court défini par le nombre d'intermédiaires.";
    p.need.description = "Nettoyage des locaux de la collectivité locale.";
    auto findings = check(p);
    CHECK_FALSE(fires(findings, "localisme-critere"));
    CHECK_FALSE(fires(findings, "localisme-besoin"));
}

TEST_CASE("checks: never crash on odd projects", "[checks]") {
    Project p;   // everything at its default
    p.need.launch_date = "2026-11-22";
    auto findings = check(p);
    CHECK(fires(findings, "besoin-objet-vide"));
    CHECK(fires(findings, "besoin-valeur-absente"));
    CHECK(fires(findings, "criteres-absents"));
    // Invalid UTF-8, empty clause ids, absurd lots and zero costs.
    p = clean_project();
    p.need.object = std::string("Nettoyage \xff\xfe locaux");
    p.clauses.push_back({"", {{"x", json()}}, 9999});
    p.insertion.hourly_cost = 0;
    p.insertion.labour_share = 0;
    p.criteria.push_back({});
    p.monitoring.push_back({});
    p.sourcing.push_back({});
    p.lots.push_back({});
    CHECK_NOTHROW(check(p));
    // With the bundled library and data as well.
    CHECK_NOTHROW(run_checks(p, project_procedure(p)));
}
