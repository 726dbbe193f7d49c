// Every rule of the checks engine: a clean project triggers none; for each rule, one change to that project
// makes it fire, at the expected step and field, with a message whose placeholders are all filled.
#include <catch2/catch.hpp>
#include "test_checks_fixture.h"
#include <functional>
#include <set>

using namespace clausier;
using namespace clausier::testing;
using Catch::Matchers::Contains;

namespace {

struct CheckCase {
    const char* rule;
    const char* where;   // expected location of the first finding of that rule
    std::function<void(Project&)> change;
};

// Two lots worth 250 000 € in all: above the EU threshold for a local authority (216 000 €).
void above_eu(Project& p) { p.lots = {{"Bâtiments", 150000, "", ""}, {"Écoles", 100000, "", ""}}; }

const std::vector<CheckCase>& cases() {
    static const std::vector<CheckCase> all = {
        // besoin
        {"besoin-objet-vide", "besoin.object", [](Project& p) { p.need.object = "   "; }},
        {"besoin-cpv-absent", "besoin.cpv", [](Project& p) { p.need.cpv.clear(); }},
        {"besoin-date-absente", "besoin.launch_date", [](Project& p) { p.need.launch_date = "2026-13-01"; }},
        {"besoin-valeur-absente", "lots.lots", [](Project& p) { for (Lot& l : p.lots) l.value = 0; }},
        {"besoin-famille-absente", "besoin.family", [](Project& p) { p.need.family = ""; }},
        {"besoin-nature-famille", "besoin.nature", [](Project& p) { p.need.nature = Nature::fournitures; }},
        {"besoin-sobriete", "besoin.need_questioned", [](Project& p) { p.need.need_questioned = false; }},
        {"localisme-besoin", "besoin.object", [](Project& p) { p.need.object = "Nettoyage avec des produits locaux"; }},
        // sourcing
        {"sourcing-prix-promesse", "sourcing.sourcing[1].notes", [](Project& p) { p.sourcing[0].notes = "Nous lui avons indiqué notre budget."; }},
        {"sourcing-non-trace", "sourcing.sourcing[1].shared", [](Project& p) { p.sourcing[0].shared = ""; }},
        // lots
        {"lots-unique-non-justifie", "lots.single_lot_ground", [](Project& p) { p.lots = {{"Tout", 100000, "", ""}}; }},
        {"lots-valeur-nulle", "lots.lots[2].value", [](Project& p) { p.lots[1].value = 0; }},
        {"lots-fractionnement", "lots.related", [](Project& p) { p.related = {{"Vitrerie", "nettoyage", 150000, "2026-03-01"}}; }},
        {"lots-reserve-type-inconnu", "lots.lots[2].reserved", [](Project& p) { p.lots[1].reserved = "pme"; }},
        {"lots-reserve-article", "lots.lots[2].reserved_article",
         [](Project& p) { p.lots[1].reserved = "handicap"; p.lots[1].reserved_article = "L.2113-13"; }},
        {"lots-reserve-ess-objet", "lots.lots[2].reserved",
         [](Project& p) { p.lots[1].reserved = "ess"; p.lots[1].reserved_article = "L.2113-15"; }},
        {"lots-reserve-ess-duree", "lots.lots[2].reserved", [](Project& p) {
             p.need.social_services = true;
             p.need.duration_months = 24;
             p.need.renewals = 1;
             p.need.renewal_months = 24;
             p.lots[1].reserved = "ess";
             p.lots[1].reserved_article = "L.2113-15";
         }},
        // objectifs
        {"objectifs-absents", "objectifs.goals", [](Project& p) { p.goals.clear(); }},
        {"objectifs-sans-clause", "objectifs.goals", [](Project& p) { p.goals.push_back("egalite"); }},
        {"spaser-obligatoire", "objectifs.buyer.spaser_adopted", [](Project& p) { p.buyer.annual_purchases = 60000000; }},
        {"spaser-non-aligne", "objectifs.goals",
         [](Project& p) { p.buyer.spaser_adopted = true; p.buyer.spaser_commitments = {"Commerce équitable"}; }},
        // clauses: art. 35
        {"art35-condition-environnementale", "clauses.clauses", [](Project& p) { drop_clause(p, "TST-E-001"); }},
        {"art35-condition-sociale", "clauses.clauses", [](Project& p) { above_eu(p); drop_clause(p, "TST-S-001"); }},
        {"art35-exception-sociale-inconnue", "clauses.social_exception", [](Project& p) {
             above_eu(p);
             drop_clause(p, "TST-S-001");
             p.social_exception = "urgence";
             p.social_justification = "Pas le temps.";
         }},
        {"art35-exception-sociale-non-motivee", "clauses.social_justification", [](Project& p) {
             above_eu(p);
             drop_clause(p, "TST-S-001");
             p.social_exception = "lien-objet";
         }},
        {"art35-specifications-durables", "clauses.specifications",
         [](Project& p) { drop_clause(p, "TST-E-002"); p.specifications = {{"Horaires", "Interventions avant 8 heures."}}; }},
        // clauses: library
        {"clauses-inconnue", "clauses.clauses.ABC-E-999", [](Project& p) { p.clauses.push_back({"ABC-E-999", {}, 0}); }},
        {"clauses-hors-validite", "clauses.clauses.TST-E-006", [](Project& p) { p.clauses.push_back({"TST-E-006", {}, 0}); }},
        {"clauses-valeur-invalide", "clauses.clauses.TST-S-001.heures_insertion",
         [](Project& p) { chosen(p, "TST-S-001")->values["heures_insertion"] = "beaucoup"; }},
        {"clauses-lot-inexistant", "clauses.clauses.TST-E-001", [](Project& p) { chosen(p, "TST-E-001")->lot = 3; }},
        // clauses: wording
        {"localisme-specification", "clauses.specifications[2].text", [](Project& p) {
             p.specifications.push_back({"Intervention", "Le prestataire dispose d'une agence située à moins de 30 km du site."});
         }},
        {"localisme-clause", "clauses.clauses.TST-E-002.exigence",
         [](Project& p) { chosen(p, "TST-E-002")->values["exigence"] = "produits fabriqués localement"; }},
        {"label-sans-equivalent", "clauses.specifications[1].text",
         [](Project& p) { p.specifications[0].text = "Les produits d'entretien portent l'Écolabel européen."; }},
        {"marque-sans-equivalent", "clauses.specifications[2].text",
         [](Project& p) { p.specifications.push_back({"Matériel", "Aspirateur dorsal Kärcher BV 5/1."}); }},
        {"chiffre-affaires", "clauses.specifications[2].text", [](Project& p) {
             p.specifications.push_back({"Capacité", "Le candidat justifie d'un chiffre d'affaires annuel de 500 000 €."});
         }},
        // EGalim, AGEC
        {"egalim-clause-absente", "clauses.clauses", [](Project& p) { p.need.family = "restauration-collective"; }},
        {"egalim-parts-insuffisantes", "clauses.clauses.TST-E-004.part_viande",
         [](Project& p) { p.clauses.push_back({"TST-E-004", {{"part_viande", 50}}, 0}); }},
        {"agec-clause-absente", "clauses.clauses", [](Project& p) { p.need.family = "mobilier"; p.need.nature = Nature::fournitures; }},
        // insertion
        {"insertion-sans-heures", "clauses.clauses.TST-S-001", [](Project& p) { chosen(p, "TST-S-001")->values["heures_insertion"] = 0; }},
        {"insertion-volume-non-chiffre", "clauses.clauses.TST-S-002",
         [](Project& p) { drop_clause(p, "TST-S-001"); p.clauses.push_back({"TST-S-002", {}, 0}); }},
        {"insertion-sans-facilitateur", "clauses.insertion.facilitator", [](Project& p) { p.insertion.facilitator = " "; }},
        {"insertion-heures-disproportionnees", "clauses.clauses.TST-S-001.heures_insertion",
         [](Project& p) { chosen(p, "TST-S-001")->values["heures_insertion"] = 400; }},
        // payments
        {"paiement-avance-faible", "clauses.advance_percent", [](Project& p) { p.advance_percent = 5; }},
        {"paiement-delai", "clauses.payment_days", [](Project& p) { p.payment_days = 45; }},
        // criteres
        {"criteres-absents", "criteres.criteria", [](Project& p) { p.criteria.clear(); }},
        {"art35-critere-environnemental", "criteres.criteria",
         [](Project& p) { p.criteria.pop_back(); p.criteria[0].weight = 70; p.criteria[1].weight = 30; }},
        {"art35-critere-unique", "criteres.criteria[1].kind",
         [](Project& p) { p.criteria.resize(1); p.criteria[0].weight = 100; }},
        {"criteres-prix-absent", "criteres.criteria", [](Project& p) { p.criteria[0].kind = CriterionKind::technique; }},
        {"criteres-total-ponderation", "criteres.criteria", [](Project& p) { p.criteria[0].weight = 50; }},
        {"criteres-non-ponderes-formalise", "criteres.criteria[1].weight",
         [](Project& p) { above_eu(p); for (AwardCriterion& k : p.criteria) k.weight = 0; }},
        {"criteres-sans-methode", "criteres.criteria[2].method", [](Project& p) { p.criteria[1].method = ""; }},
        {"criteres-sans-preuve", "criteres.criteria[2].proof", [](Project& p) { p.criteria[1].proof = ""; }},
        {"criteres-sous-criteres-total", "criteres.criteria[2].subcriteria", [](Project& p) { p.criteria[1].subcriteria[1].weight = 30; }},
        {"criteres-prix-preponderant", "criteres.criteria[1].weight",
         [](Project& p) { p.criteria[0].weight = 85; p.criteria[1].weight = 5; p.criteria[2].weight = 10; }},
        {"criteres-hors-fourchette", "criteres.criteria[3].weight",
         [](Project& p) { p.criteria[0].weight = 70; p.criteria[1].weight = 25; p.criteria[2].weight = 5; }},
        {"criteres-capacite-candidat", "criteres.criteria[2].name", [](Project& p) { p.criteria[1].name = "Chiffre d'affaires et moyens"; }},
        {"localisme-critere", "criteres.criteria[2].name", [](Project& p) { p.criteria[1].name = "Proximité géographique"; }},
        // suivi
        {"suivi-incomplet", "suivi.monitoring[1].penalty", [](Project& p) { p.monitoring[0].penalty = ""; }},
        // consultation settings (settings_checks.cpp)
        {"consultation-date-limite-absente", "consultation.tender_deadline", [](Project& p) { p.consultation.tender_deadline = ""; }},
        {"consultation-delai-minimum", "consultation.tender_deadline",
         [](Project& p) { above_eu(p); p.consultation.tender_deadline = "2026-10-20"; }},
        {"consultation-delai-court", "consultation.tender_deadline", [](Project& p) { p.consultation.tender_deadline = "2026-10-08"; }},
        {"consultation-accord-cadre-maximum", "consultation.framework_max",
         [](Project& p) { p.consultation.contract = ContractForm::accord_cadre_bons; }},
        {"consultation-revision-obligatoire", "consultation.revision",
         [](Project& p) { p.need.family = "restauration-collective"; p.consultation.revision = PriceRevision::fermes; }},
        {"consultation-revision-incomplete", "consultation.revision_index",
         [](Project& p) { p.consultation.revision = PriceRevision::revisables; }},
        {"consultation-derogation-non-listee", "consultation.other_derogations",
         [](Project& p) { p.monitoring.push_back({"", "Délais d'intervention", "Heures", "Bons", "Chaque mois", "100 € par jour de retard"}); }},
    };
    return all;
}

// The findings that are faults: reminders (DECP publication…) come with any contract of that size.
std::vector<Finding> faults(const std::vector<Finding>& findings) {
    std::vector<Finding> out;
    for (const Finding& f : findings)
        if (!bundled_rules().find(f.rule)->reminder) out.push_back(f);
    return out;
}

std::string rule_ids(const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings) out += f.rule + " @" + f.where() + "\n";
    return out;
}

}  // namespace

TEST_CASE("checks: the clean project triggers no rule", "[checks]") {
    const std::vector<Finding> findings = faults(check(clean_project()));
    INFO(rule_ids(findings));
    CHECK(findings.empty());
}

TEST_CASE("checks: each rule fires on its fixture, at its place, with a complete message", "[checks]") {
    for (const CheckCase& c : cases()) {
        Project p = clean_project();
        c.change(p);
        const std::vector<Finding> findings = check(p);
        INFO(c.rule << "\n" << rule_ids(findings));
        auto f = first(findings, c.rule);
        REQUIRE(f.has_value());
        CHECK(f->where() == c.where);
        CHECK(f->message.find('{') == std::string::npos);
        CHECK(f->message.find('}') == std::string::npos);
        CHECK_FALSE(f->message.empty());
        const RuleInfo* info = bundled_rules().find(c.rule);
        REQUIRE(info != nullptr);
        CHECK(f->severity == info->severity);
        // A clause's own value or validity is cited with the clause's legal basis.
        if (f->field.rfind("clauses.", 0) != 0 || f->field.find('.', 8) == std::string::npos) CHECK(f->articles == info->articles);
        CHECK_FALSE(f->articles.empty());
    }
}

TEST_CASE("checks: every implemented rule has a triggering fixture", "[checks]") {
    // Here on the test library, or in rules.json's own examples (test_checks_examples.cpp) for the rules that
    // need families or clauses of the bundled library.
    std::set<std::string> covered;
    for (const CheckCase& c : cases()) covered.insert(c.rule);
    for (const std::string& id : implemented_rules()) {
        INFO(id);
        CHECK((covered.count(id) == 1 || bundled_rules().find(id)->examples.contains("fires")));
    }
    CHECK(implemented_rules().size() >= 30);
}

TEST_CASE("checks: findings come most severe first and serialise per the CLI contract", "[checks]") {
    Project p = clean_project();
    p.need.object = "";          // bloquant
    p.need.need_questioned = false;   // conseil
    p.need.cpv.clear();          // alerte
    const std::vector<Finding> findings = faults(check(p));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].severity == Severity::bloquant);
    CHECK(findings[1].severity == Severity::alerte);
    CHECK(findings[2].severity == Severity::conseil);
    const json j = findings_to_json(findings);
    REQUIRE(j["findings"].size() == 3);
    const json& f = j["findings"][0];
    CHECK(f["rule"] == "besoin-objet-vide");
    CHECK(f["severity"] == "bloquant");
    CHECK(f["articles"] == json::array({"L.2111-1"}));
    CHECK(f["where"] == "besoin.object");
    CHECK(f["message"].get<std::string>().size() > 20);
    CHECK(findings_to_json({})["findings"].empty());
}

TEST_CASE("checks: messages use French typography", "[checks]") {
    Project p = clean_project();
    p.payment_days = 45;
    auto f = first(check(p), "paiement-delai");
    REQUIRE(f.has_value());
    CHECK_THAT(f->message, Contains("45 jours"));
    CHECK_THAT(f->message, Contains(std::string(kNnbsp) + ":"));   // narrow no-break space before the colon
}

TEST_CASE("The stepper's states: a step is filled once its essentials are", "[checks]") {
    Project p;
    std::vector<Finding> none;
    for (const EnumEntry<Step>& step : enum_names<Step>())
        CHECK_FALSE(step_filled(p, step.value, none));
    p.need.object = "Nettoyage des écoles";
    p.need.nature = Nature::services;
    p.lots.push_back({});
    p.lots[0].value = 60000;
    CHECK(step_filled(p, Step::besoin, none));
    CHECK_FALSE(step_filled(p, Step::lots, none));   // one lot and no ground picked yet
    p.single_lot_ground = SingleLotGround::prestations_indistinctes;
    CHECK(step_filled(p, Step::lots, none));
    p.criteria = {{"Prix", CriterionKind::prix, 60, "", "", "", {}}, {"Valeur technique", CriterionKind::technique, 30, "", "", "", {}}};
    CHECK_FALSE(step_filled(p, Step::criteres, none));   // 90 %
    p.criteria[1].weight = 40;
    CHECK(step_filled(p, Step::criteres, none));
    p.clauses.push_back({"NET-E-002", {}, 0});   // an execution condition brings its monitoring row
    CHECK(step_filled(p, Step::suivi, none));
    CHECK(step_filled(p, Step::verification, none));
    Finding blocking;
    blocking.severity = Severity::bloquant;
    CHECK_FALSE(step_filled(p, Step::verification, {blocking}));
}

TEST_CASE("A text points to a step by its number and label from the path's table", "[checks]") {
    CHECK(step_reference(Step::besoin) == "étape 1 (Besoin)");
    CHECK(step_reference(Step::verification) == "étape 9 (Vérification)");   // « étape 8 » before the sourcing step
    CHECK(step_reference(Step::export_documents) == "étape " + std::to_string(kStepCount) + " (Export)");
}

TEST_CASE("Every finding leads to a field of the app: its step and widget", "[checks]") {
    Project p = clean_project();
    Finding f;
    f.step = Step::clauses;
    f.field = "payment_days";   // a payment rule of the clauses step, fixed on the lots step
    FieldPlace place = field_place(f, p, test_library());
    CHECK(place.step == Step::lots);
    CHECK(place.widget == "lots.payment_days");
    f.field = "clauses.TST-S-001.heures_insertion";   // a clause's variable: the clause opens, the field is its own
    place = field_place(f, p, test_library());
    CHECK(place.step == Step::clauses);
    CHECK(place.widget == f.field);
    CHECK(place.clause == "TST-S-001");
    f.field = "insertion.facilitator";   // the facilitator lives with the insertion clause
    place = field_place(f, p, test_library());
    CHECK(place.widget == "clauses.insertion.facilitator");
    CHECK(place.clause == "TST-S-001");
    f.step = Step::criteres;
    f.field = "criteria[2].weight";
    place = field_place(f, p, test_library());
    CHECK(place.step == Step::criteres);
    CHECK(place.widget == "criteres.criteria[2].weight");
    CHECK_FALSE(place.add_from);
    f.step = Step::clauses;   // no environmental execution condition: fixed by adding one from the filtered list
    f.field = "clauses";
    f.rule = "art35-condition-environnementale";
    place = field_place(f, p, test_library());
    CHECK(place.widget == "clauses.item.");
    REQUIRE(place.add_from);
    CHECK(place.add_from->pillar == Pillar::environnemental);
    CHECK(place.add_from->kind == ClauseKind::condition_execution);
}
