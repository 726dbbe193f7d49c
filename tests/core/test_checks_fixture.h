// Test helpers for the checks: a small clause library built in C++ (independent of the bundled library's
// ids, which change as clauses are written) and a clean project that triggers no rule at all.
#pragma once
#include "checks/checks.h"
#include <algorithm>
#include <optional>

namespace clausier::testing {

inline Clause make_clause(std::string id, ClauseKind kind, Pillar pillar, std::vector<std::string> goals,
                          std::vector<std::string> articles = {}) {
    Clause c;
    c.id = std::move(id);
    c.title = "Clause d'essai " + c.id;
    c.kind = kind;
    c.pillar = pillar;
    c.level = Level::essentiel;
    c.goals = std::move(goals);
    c.articles = std::move(articles);
    c.families = {"nettoyage"};
    c.natures = {"fournitures", "services", "travaux"};
    c.text = "Le titulaire respecte l'engagement décrit.";
    c.offer_proof = "Engagement dans le mémoire technique";
    c.execution_proof = "Rapport annuel";
    c.indicator = "Taux atteint";
    c.checkpoint = "Revue annuelle";
    c.penalty = "Pénalité de 100 € par manquement";
    c.valid_from = parse_date("2020-01-01");
    return c;
}

inline Variable make_variable(std::string name, std::string type, std::string label, json def, double min = 0, double max = 100000) {
    Variable v;
    v.name = std::move(name);
    v.type = std::move(type);
    v.label = std::move(label);
    v.default_value = std::move(def);
    v.min = min;
    v.max = max;
    return v;
}

inline const Library& test_library() {
    static const Library lib = [] {
        Library l;
        l.families = {{"nettoyage", "Nettoyage", {"services"}, {"9091"}},
                      {"restauration-collective", "Restauration collective", {"fournitures", "services"}, {"1500"}},
                      {"mobilier", "Mobilier", {"fournitures"}, {"3910"}}};
        l.goals = {{"climat", "Climat et énergie", "environnemental"},
                   {"insertion", "Insertion par l'activité économique", "social"},
                   {"egalite", "Égalité et lutte contre les discriminations", "social"},
                   {"acces-pme", "Accès des PME et de l'ESS", "economique"}};
        l.articles = {{"L.2112-2", "CCP", "", "", {}}, {"L.230-5-1", "Code rural", "", "", {}}, {"AGEC-58", "Loi", "", "", {}}};

        Clause env = make_clause("TST-E-001", ClauseKind::condition_execution, Pillar::environnemental, {"climat"}, {"L.2112-2"});
        Clause spec = make_clause("TST-E-002", ClauseKind::specification, Pillar::environnemental, {"climat"});
        spec.text = "Les produits répondent aux exigences suivantes : {{exigence}}.";
        spec.variables = {make_variable("exigence", "text", "Exigence", "produits concentrés, dosés automatiquement")};
        Clause crit = make_clause("TST-E-003", ClauseKind::critere, Pillar::environnemental, {"climat"});
        crit.criterion = {"Note décrivant les produits et leur dosage", "grille", "0 à 10 selon la grille", 10, 30};
        Clause insertion = make_clause("TST-S-001", ClauseKind::condition_execution, Pillar::social, {"insertion"}, {"L.2112-2"});
        insertion.text = "Le titulaire réalise {{heures_insertion}} d'insertion.";
        insertion.variables = {make_variable("heures_insertion", "hours", "Volume minimal d'heures d'insertion", 80, 0, 100000),
                               make_variable("penalite_heure", "euros", "Pénalité par heure manquante", 30, 0, 1000)};
        Clause share = make_clause("TST-S-002", ClauseKind::condition_execution, Pillar::social, {"insertion"});
        share.text = "Le titulaire réserve {{part_heures}} des heures à l'insertion.";
        share.variables = {make_variable("part_heures", "percent", "Part des heures réservée à l'insertion", 7, 0, 100)};
        Clause egalim = make_clause("TST-E-004", ClauseKind::specification, Pillar::environnemental, {"climat"}, {"L.230-5-1"});
        egalim.families = {"restauration-collective"};
        egalim.text = "Au moins {{part_durable}} de produits durables, dont {{part_bio}} bio ; {{part_viande}} pour les viandes et poissons.";
        egalim.variables = {make_variable("part_durable", "percent", "Part minimale de produits durables et de qualité", 50, 0, 100),
                            make_variable("part_bio", "percent", "Part minimale de produits biologiques", 20, 0, 100),
                            make_variable("part_viande", "percent", "Part pour les viandes et poissons", 60, 0, 100)};
        Clause agec = make_clause("TST-E-005", ClauseKind::specification, Pillar::environnemental, {"climat"}, {"AGEC-58"});
        agec.families = {"mobilier"};
        Clause expired = make_clause("TST-E-006", ClauseKind::condition_execution, Pillar::environnemental, {"climat"});
        expired.valid_until = parse_date("2025-12-31");
        Clause no_penalty = make_clause("TST-E-007", ClauseKind::condition_execution, Pillar::environnemental, {"climat"});
        no_penalty.penalty = "";
        Clause cost = make_clause("TST-P-001", ClauseKind::critere, Pillar::economique, {"climat"});
        cost.criterion = {"Bordereau de prix et consommations", "formule", "Coût d'acquisition et de maintenance", 40, 100};
        Clause labelled = make_clause("TST-E-008", ClauseKind::specification, Pillar::environnemental, {"climat"});
        labelled.text = "Les produits portent le label {{label}}.";
        labelled.variables = {make_variable("label", "text", "Label exigé", "européen ou tout label équivalent")};
        l.clauses = {env, spec, crit, insertion, share, egalim, agec, expired, no_penalty, cost, labelled};
        return l;
    }();
    return lib;
}

// A cleaning contract of a local authority, launched after 21 August 2026, that meets every rule.
inline Project clean_project() {
    Project p;
    p.title = "Nettoyage des bâtiments communaux";
    p.buyer = {"Commune d'essai", BuyerType::collectivite, 8000000, false, {}};
    p.need.object = "Nettoyage des locaux administratifs";
    p.need.description = "Nettoyage des locaux de la mairie et des écoles du département, cinq jours par semaine.";
    p.need.nature = Nature::services;
    p.need.family = "nettoyage";
    p.need.cpv = {"90910000"};
    p.need.need_questioned = true;
    p.need.launch_date = "2026-10-01";
    p.need.duration_months = 12;
    p.sourcing = {{"2026-06-01", "Propreté Services", "réunion", "Présentation du besoin et du calendrier, identique pour tous",
                   "Échange sur les créneaux d'intervention et les produits concentrés ; aucun prix n'a été évoqué."}};
    p.lots = {{"Bâtiments administratifs", 60000, "", ""}, {"Écoles", 40000, "", ""}};
    p.goals = {"climat", "insertion"};
    p.clauses = {{"TST-E-001", {}, 0}, {"TST-E-002", {}, 0}, {"TST-S-001", {{"heures_insertion", 80}}, 0}};
    p.criteria = {{"Prix", CriterionKind::prix, 60, "Note = 60 × prix le plus bas / prix de l'offre", "Bordereau des prix unitaires", "", {}},
                  {"Valeur technique", CriterionKind::technique, 25, "Grille de 0 à 10", "Mémoire technique",
                   "", {{"Organisation", 60}, {"Encadrement de proximité", 40}}},
                  {"Performance environnementale", CriterionKind::environnemental, 15, "", "", "TST-E-003", {}}};
    p.monitoring = {{"TST-E-001", "Réduire les consommations", "kWh par m²", "Relevés", "Revue annuelle", "Plan correctif sous un mois"}};
    p.specifications = {{"Produits", "Les produits d'entretien portent l'Écolabel européen ou tout label équivalent."}};
    p.advance_percent = 20;
    p.payment_days = 30;
    p.insertion.facilitator = "Maison de l'emploi, 01 02 03 04 05";
    p.consultation.publication_date = "2026-10-01";   // 32 days: beyond the advised 15 of an adapted procedure
    p.consultation.tender_deadline = "2026-11-02";
    return p;
}

// A quoted expression as French typography writes it in messages: «\u202Fx\u202F».
inline std::string quoted(const std::string& s) { return std::string("«") + kNnbsp + s + kNnbsp + "»"; }

inline std::vector<Finding> check(const Project& p) {
    return run_checks(p, project_procedure(p), test_library(), bundled_legal_data(), bundled_rules());
}

inline bool fires(const std::vector<Finding>& findings, const std::string& rule) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

// A copy, so that it can be taken from a temporary list of findings.
inline std::optional<Finding> first(const std::vector<Finding>& findings, const std::string& rule) {
    for (const Finding& f : findings) if (f.rule == rule) return f;
    return std::nullopt;
}

inline ChosenClause* chosen(Project& p, const std::string& id) {
    for (ChosenClause& c : p.clauses) if (c.id == id) return &c;
    return nullptr;
}

inline void drop_clause(Project& p, const std::string& id) {
    p.clauses.erase(std::remove_if(p.clauses.begin(), p.clauses.end(), [&](const ChosenClause& c) { return c.id == id; }),
                    p.clauses.end());
}

}  // namespace clausier::testing
