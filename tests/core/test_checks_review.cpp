// The checks corrected by kind after the legal review (issue 12, points 9 to 18): each example of the issue,
// and its near misses, on small projects.
#include <catch2/catch.hpp>
#include "checks/localism.h"
#include "test_checks_fixture.h"

using namespace clausier;
using namespace clausier::testing;
using Catch::Matchers::Contains;

TEST_CASE("review 9: localism is judged by what is measured, not by words", "[checks][review]") {
    // A value that depends on where the candidate is: distance, travel time or travel cost from its premises,
    // its postcode (CE, 12 Sept 2018, n° 420585: travel costs computed from the candidate's premises).
    const char* const measured[] = {
        "Frais de déplacement calculés depuis le siège du candidat jusqu'aux écoles.",
        "Coût des déplacements entre l'agence du soumissionnaire et chaque site.",
        "Temps de trajet entre les locaux de l'entreprise et le site d'intervention.",
        "Nombre de kilomètres entre son dépôt et l'école.",
        "La distance séparant l'établissement du candidat des bâtiments est notée.",
        "Code postal de l'entreprise candidate.",
    };
    for (const char* text : measured) {
        INFO(text);
        CHECK_FALSE(find_localism(text, LocalismScope::text).empty());
        CHECK_FALSE(find_localism(text, LocalismScope::criterion).empty());
    }
    // What measures the offer stays lawful, in a criterion as in a requirement.
    const char* const lawful[] = {
        "Délai de livraison en jours ouvrés.",
        "Émissions de CO2 par livraison, en g CO2/km.",
        "Nombre d'intermédiaires entre le producteur et la cuisine.",
        "Délai d'intervention de 4 heures sur site.",
        "Les frais de déplacement sont compris dans le prix.",
        "Nettoyage des locaux de la mairie, trajet des agents compris.",
    };
    for (const char* text : lawful) {
        INFO(text);
        CHECK(find_localism(text, LocalismScope::text).empty());
        CHECK(find_localism(text, LocalismScope::criterion).empty());
    }
    Project p = clean_project();
    p.criteria[1].method = "Note = 10 × (frais de déplacement les plus bas / frais de déplacement depuis le siège du candidat).";
    auto f = first(check(p), "localisme-critere");
    REQUIRE(f.has_value());
    CHECK(f->severity == Severity::bloquant);
    CHECK(f->field == "criteria[2].method");
}

TEST_CASE("review 10: a refused equivalent keeps the label and brand findings", "[checks][review]") {
    Project p = clean_project();
    p.specifications[0].text = "Les produits portent l'Écolabel européen ; aucun équivalent ne sera accepté.";
    CHECK(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Les produits portent l'Écolabel européen. Les produits équivalents sont refusés.";
    CHECK(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Écolabel européen, sans équivalent possible.";
    CHECK(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Écolabel européen ou équivalent, sans surcoût pour l'acheteur.";
    CHECK_FALSE(fires(check(p), "label-sans-equivalent"));
    p.specifications[0].text = "Aspirateurs de marque Kärcher ; aucun équivalent ne sera accepté.";
    CHECK(fires(check(p), "marque-sans-equivalent"));
    p.specifications[0].text = "Aspirateurs de marque Kärcher ; un équivalent n'est pas admis.";
    CHECK(fires(check(p), "marque-sans-equivalent"));
    p.specifications[0].text = "Aspirateurs de marque Kärcher ou équivalent.";
    CHECK_FALSE(fires(check(p), "marque-sans-equivalent"));
}

TEST_CASE("review 11: sourcing notes are read for their meaning", "[checks][review]") {
    Project p = clean_project();
    const char* const wrong[] = {
        "Le fournisseur consent une réduction de 15 % sur le catalogue.",
        "Pose à 42 € HT le m².",
        "Il propose la livraison gratuite.",
        "Nous lui avons dit que l'enveloppe est de 120 000 €.",
        "Son offre serait retenue si elle reste sous 50 000 euros.",
        "Il sera retenu au printemps.",
        "Un rabais est possible.",
        "Il fera un geste commercial.",
    };
    for (const char* notes : wrong) {
        INFO(notes);
        p.sourcing[0].notes = notes;
        CHECK(fires(check(p), "sourcing-prix-promesse"));
    }
    p.sourcing[0].notes = "Pose à 42 € HT le m².";
    auto f = first(check(p), "sourcing-prix-promesse");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("42"));
    const char* const fine[] = {
        "La filière peut fournir 30 % de produits issus de l'agriculture biologique.",
        "La facilitatrice valide le calcul (80 % de main-d'œuvre, 29 € de l'heure, 7 % des heures).",
        "Aucun prix n'a été évoqué ; aucun budget communiqué.",
        "Présentation des contraintes de livraison.",
    };
    for (const char* notes : fine) {
        INFO(notes);
        p.sourcing[0].notes = notes;
        CHECK_FALSE(fires(check(p), "sourcing-prix-promesse"));
    }
}

TEST_CASE("review 12: not dividing rests on a ground of L.2113-11; small lots are any set within 20 %", "[checks][review]") {
    Project p = clean_project();
    p.lots = {{"Tout", 100000, "", ""}};
    // The ground is picked from the list of L.2113-10 and L.2113-11, then explained: a few words explain nothing.
    p.single_lot_justification = "L'exécution serait techniquement difficile et financièrement plus coûteuse.";
    REQUIRE(first(check(p), "lots-unique-non-justifie").has_value());   // no ground picked, whatever the text
    CHECK_THAT(first(check(p), "lots-unique-non-justifie")->message, Contains("aucun des motifs prévus par la loi n’est choisi"));
    p.single_lot_ground = SingleLotGround::execution_difficile;
    for (const char* why : {"x", "Commodité administrative.", "C'est plus simple."}) {
        INFO(why);
        p.single_lot_justification = why;
        auto f = first(check(p), "lots-unique-non-justifie");
        REQUIRE(f.has_value());
        CHECK_THAT(f->message, Contains("ne dit pas en quoi le motif choisi s’applique"));
    }
    for (SingleLotGround g : {SingleLotGround::prestations_indistinctes, SingleLotGround::restriction_concurrence,
                              SingleLotGround::execution_difficile, SingleLotGround::coordination}) {
        p.single_lot_ground = g;
        p.single_lot_justification = "Le service ne peut pas coordonner plusieurs titulaires sur les mêmes chantiers.";
        CHECK_FALSE(fires(check(p), "lots-unique-non-justifie"));
    }
    // Small lots (R.2123-1 2°): lots 2, 3 and 4 are under 80 000 € each but together exceed 20 % of 500 000 €;
    // lots 2 and 3 (80 000 €) stay within it and may be passed as MAPA.
    Project q = clean_project();
    q.lots = {{"Gros œuvre", 345000, "", ""}, {"Signalétique", 40000, "", ""}, {"Vitrerie", 40000, "", ""}, {"Espaces verts", 75000, "", ""}};
    const SmallLots s = small_lots(q);
    CHECK(s.eligible == std::vector<int>{2, 3, 4});
    CHECK(s.usable);
    CHECK(s.passable == std::vector<int>{2, 3});
    CHECK(s.passable_total == Approx(80000));
    CHECK(french_list({"2", "3"}) == "2 et 3");
    CHECK(french_list({"1", "2", "3"}) == "1, 2 et 3");
}

TEST_CASE("review 13: EGalim shares are annual alerts; 100 % for the State; school-only rules", "[checks][review]") {
    Project p = clean_project();
    p.need.family = "restauration-collective";
    p.clauses.push_back({"TST-E-004", {{"part_viande", 60}}, 0});
    CHECK_FALSE(fires(check(p), "egalim-parts-insuffisantes"));   // 60 % for a local authority
    p.buyer.type = BuyerType::etat;
    auto f = first(check(p), "egalim-parts-insuffisantes");
    REQUIRE(f.has_value());
    CHECK(f->severity == Severity::alerte);
    CHECK_THAT(f->message, Contains("100"));
    CHECK_THAT(f->message, Contains("de l’année"));
    CHECK(bundled_rules().find("egalim-clause-absente")->severity == Severity::alerte);

    // School catering: from the CPV code or from the object.
    Project school;
    school.need.family = "restauration-collective";
    school.need.cpv = {"55524000"};
    CHECK(school_catering(school));
    school.need.cpv = {"55523100-3"};
    CHECK(school_catering(school));
    school.need.cpv = {"55300000"};
    school.need.object = "Restaurant administratif";
    CHECK_FALSE(school_catering(school));
    school.need.object = "Repas des écoles maternelles";
    CHECK(school_catering(school));
}

TEST_CASE("review 14: social and other specific services follow from the CPV code", "[checks][review]") {
    CHECK(social_services_cpv("55524000"));    // school catering
    CHECK(social_services_cpv("55523100-3"));  // school meals
    CHECK(social_services_cpv("55510000"));    // canteens
    CHECK(social_services_cpv("85311000"));    // social work
    CHECK_FALSE(social_services_cpv("90919200"));   // office cleaning
    Project p = clean_project();
    p.need.cpv = {"55524000"};
    p.lots = {{"Repas", 300000, "", ""}};
    p.single_lot_ground = SingleLotGround::prestations_indistinctes;
    p.single_lot_justification = "Les repas sont préparés et livrés par une même cuisine centrale.";
    ProcedureResult r = project_procedure(p);
    CHECK(r.procedure == Procedure::adaptee);          // whatever the value
    p.lots[0].value = 800000;
    r = project_procedure(p);
    CHECK(r.procedure == Procedure::adaptee);
    CHECK(r.publicity == Publicity::joue);             // from 750 000 €
    p.need.cpv = {"90919200"};
    CHECK(project_procedure(p).procedure == Procedure::formalisee);
    p.need.social_services = true;                    // the buyer's flag, for a need the codes do not describe
    CHECK(project_procedure(p).procedure == Procedure::adaptee);
}

TEST_CASE("review 15: money rules follow the buyer type", "[checks][review]") {
    Project p = clean_project();
    p.buyer.type = BuyerType::etablissement_sante;
    p.payment_days = 50;
    CHECK_FALSE(fires(check(p), "paiement-delai"));
    p.payment_days = 51;
    auto f = first(check(p), "paiement-delai");
    REQUIRE(f.has_value());
    CHECK(f->severity == Severity::bloquant);
    CHECK_THAT(f->message, Contains("50 jours"));
    p.buyer.type = BuyerType::collectivite;
    p.payment_days = 31;
    CHECK(fires(check(p), "paiement-delai"));
    // Advance: owed above 50 000 € HT and 2 months (at least 5 %); 30 % for SMEs in State contracts.
    p = clean_project();
    p.advance_percent = 0;
    CHECK(fires(check(p), "paiement-avance-obligatoire"));
    CHECK_FALSE(fires(check(p), "paiement-avance-faible"));   // one finding for one fault
    p.need.duration_months = 2;
    CHECK_FALSE(fires(check(p), "paiement-avance-obligatoire"));
    p = clean_project();
    p.buyer.type = BuyerType::etat;
    CHECK(fires(check(p), "paiement-avance-faible"));   // 20 % < 30 %
    p.advance_percent = 30;
    CHECK_FALSE(fires(check(p), "paiement-avance-faible"));
    // AGEC art. 58: the State, local authorities and their groupings only.
    p = clean_project();
    p.need.family = "mobilier";
    p.need.nature = Nature::fournitures;
    CHECK(fires(check(p), "agec-clause-absente"));
    p.buyer.type = BuyerType::etablissement_sante;
    CHECK_FALSE(fires(check(p), "agec-clause-absente"));
    const RuleInfo* agec = bundled_rules().find("agec-clause-absente");
    for (const char* family : {"dechets", "voirie", "batiment"}) CHECK(agec->params["families"].contains(family));
}

TEST_CASE("review 16: severities are proportionate", "[checks][review]") {
    const RuleSet& rules = bundled_rules();
    CHECK(rules.find("criteres-prix-preponderant")->severity == Severity::conseil);
    CHECK(rules.find("insertion-sans-facilitateur")->severity == Severity::conseil);
    // No award criteria rule of art. 35 for a purchase without publicity or competition.
    Project p = clean_project();
    p.lots = {{"Mairie", 20000, "", ""}, {"Écoles", 15000, "", ""}};
    p.criteria = {{"Prix", CriterionKind::prix, 100, "Prix le plus bas", "Devis", "", {}}};
    REQUIRE(project_procedure(p).procedure == Procedure::sans_publicite);
    CHECK_FALSE(fires(check(p), "art35-critere-unique"));
    CHECK_FALSE(fires(check(p), "art35-critere-environnemental"));
    p.lots[0].value = 70000;
    CHECK(fires(check(p), "art35-critere-unique"));
    // L.2111-2 counts the specifications the buyer writes.
    p = clean_project();
    drop_clause(p, "TST-E-002");
    p.specifications = {{"Horaires", "Interventions avant 8 heures."}};
    CHECK(fires(check(p), "art35-specifications-durables"));
    p.specifications = {{"Produits", "Produits concentrés, sans substance toxique pour l'environnement."}};
    CHECK_FALSE(fires(check(p), "art35-specifications-durables"));
}

TEST_CASE("review 18: one finding per fault, units kept, articles cited, typographic apostrophes", "[checks][review]") {
    Project p = clean_project();
    chosen(p, "TST-S-001")->values["heures_insertion"] = 0;
    const std::vector<Finding> findings = check(p);
    int at_clause = 0;
    for (const Finding& f : findings)
        if (f.field.rfind("clauses.TST-S-001", 0) == 0) ++at_clause;
    CHECK(at_clause == 1);
    CHECK(fires(findings, "insertion-sans-heures"));
    CHECK_FALSE(fires(findings, "clauses-valeur-invalide"));
    for (const RuleInfo& r : bundled_rules().rules) {
        INFO(r.id);
        CHECK_FALSE(r.articles.empty());
        CHECK(r.message.find('\'') == std::string::npos);
    }
    p = clean_project();
    p.advance_percent = 10;
    p.buyer.type = BuyerType::etat;
    auto f = first(check(p), "paiement-avance-faible");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("10\u00A0%"));
    CHECK_THAT(f->message, Contains("30\u00A0%"));
}
