// The buyer's year (portfolio/): the considerations derived once for the portfolio and the DECP export, the
// portfolio's indicators and plan, the findings that only show across projects, the award and execution
// record (project/award.h) with its Session operations, the DECP record and the « Bilan d'exécution ».
#include "portfolio/spaser.h"
#include "export/export.h"
#include "document/assemble.h"
#include "project/scenarios.h"
#include "project/session.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace clausier;

namespace {

const Clause& clause_of(ClauseKind kind, Pillar pillar) {
    for (const Clause& c : bundled_library().clauses)
        if (c.considers(kind, pillar)) return c;
    FAIL("no clause of that kind and pillar in the library");
    throw 0;
}

Project project(const std::string& title, const std::string& family, double value, const std::string& launch) {
    Project p;
    p.title = title;
    p.need.object = title;
    p.need.family = family;
    p.need.nature = Nature::services;
    p.need.launch_date = launch;
    p.lots.push_back({"Lot unique", value, "", ""});
    return p;
}

using testing::scenario;

}  // namespace

TEST_CASE("portfolio: considerations come from clauses, criteria and reserved lots, per lot for the DECP", "[portfolio]") {
    Project p = project("Entretien", "nettoyage", 100000, "2027-03-01");
    p.lots.push_back({"Vitrerie", 20000, "insertion", "L.2113-13"});
    CHECK_FALSE(project_considerations(p, bundled_library()).environmental());
    CHECK(decp_environmental(project_considerations(p, bundled_library(), 1)) ==
          std::vector<std::string>{"Pas de considération environnementale"});
    CHECK(decp_social(project_considerations(p, bundled_library(), 1)) == std::vector<std::string>{"Pas de considération sociale"});
    CHECK(decp_social(project_considerations(p, bundled_library(), 2)) == std::vector<std::string>{"Marché réservé"});
    CHECK(project_considerations(p, bundled_library()).social());   // the whole project: any lot counts

    p.clauses.push_back({clause_of(ClauseKind::condition_execution, Pillar::environnemental).id, {}, 2});
    CHECK_FALSE(project_considerations(p, bundled_library(), 1).environmental());   // that clause is for lot 2 only
    CHECK(decp_environmental(project_considerations(p, bundled_library(), 2)) == std::vector<std::string>{"Clause environnementale"});

    AwardCriterion social;
    social.name = "Insertion";
    social.kind = CriterionKind::social;
    p.criteria.push_back(social);
    CHECK(decp_social(project_considerations(p, bundled_library(), 2)) ==
          std::vector<std::string>{"Critère social", "Marché réservé"});
    CHECK(decp_social(project_considerations(p, bundled_library(), 1)) == std::vector<std::string>{"Critère social"});
}

TEST_CASE("portfolio: indicators, plan sorted by launch date, --year", "[portfolio]") {
    std::vector<PortfolioProject> ps(3);
    ps[0] = {"b.json", project("Espaces verts", "espaces-verts", 200000, "2027-06-01")};
    ps[0].project.clauses.push_back({clause_of(ClauseKind::condition_execution, Pillar::environnemental).id, {}, 0});
    ps[1] = {"a.json", project("Nettoyage", "nettoyage", 100000, "2027-02-01")};
    ps[1].project.lots[0].reserved = "insertion";
    ps[2] = {"c.json", project("Études", "prestations-intellectuelles", 100000, "2028-01-15")};
    const PortfolioSummary s = summarize_portfolio(ps);
    REQUIRE(s.items.size() == 3);
    CHECK(s.items[0].source->file == "a.json");
    CHECK(s.items[2].source->file == "c.json");
    CHECK(s.value == Approx(400000));
    CHECK(s.environmental.contracts == 1);
    CHECK(s.environmental.share_value == Approx(0.5));
    CHECK(s.social.contracts == 1);
    CHECK(s.reserved.share_contracts == Approx(1.0 / 3));
    const json j = portfolio_to_json(s);
    CHECK(j["projects"] == 3);
    CHECK(j["environmental"]["share_contracts"] == Approx(0.333));
    CHECK(j["plan"][0]["launch_date"] == "2027-02-01");
    CHECK(j["plan"][0]["procedure"] == "adaptee");
    CHECK(j["findings"].empty());
    CHECK(summarize_portfolio(ps, 2027).items.size() == 2);
}

TEST_CASE("portfolio: a need split across projects of one family and year is found, naming the projects", "[portfolio]") {
    std::vector<PortfolioProject> ps(3);
    ps[0] = {"vitres.json", project("Vitrerie des écoles", "nettoyage", 50000, "2027-02-01")};
    ps[1] = {"bureaux.json", project("Nettoyage des bureaux", "nettoyage", 55000, "2027-09-01")};
    ps[2] = {"gymnase.json", project("Nettoyage du gymnase", "nettoyage", 50000, "2028-01-10")};   // another year
    const PortfolioSummary s = summarize_portfolio(ps);
    REQUIRE(s.findings.size() == 1);
    const Finding& f = s.findings[0];
    CHECK(f.rule == "portfolio-fractionnement");
    CHECK(f.message.find("Vitrerie des écoles") != std::string::npos);
    CHECK(f.message.find("Nettoyage des bureaux") != std::string::npos);
    CHECK(f.message.find("gymnase") == std::string::npos);
    CHECK(f.message.find("90\u202F000") != std::string::npos);   // the highest threshold both stay under (publicity)
    CHECK(s.where[0] == "vitres.json, bureaux.json");
    CHECK(portfolio_to_json(s)["findings"][0]["where"] == "vitres.json, bureaux.json");
    // One part above the threshold: buying it alone already needed that procedure, no split.
    ps[1].project.lots[0].value = 95000;
    for (const Finding& g : summarize_portfolio(ps).findings) CHECK(g.message.find("90\u202F000") == std::string::npos);
    // Different families are not homogeneous.
    ps[1].project.lots[0].value = 55000;
    ps[1].project.need.family = "espaces-verts";
    CHECK(summarize_portfolio(ps).findings.empty());
}

TEST_CASE("portfolio: EGalim shares reached below the minimum and insertion hours done are counted", "[portfolio]") {
    std::vector<PortfolioProject> ps(1);
    ps[0] = {"cantine.json", project("Repas", "restauration-collective", 300000, "2027-01-10")};
    Execution& e = ps[0].project.execution;
    e.egalim_period = "2027";
    e.egalim_quality_share = 42;
    e.egalim_organic_share = 21;
    e.insertion.push_back({InsertionPublic::jeune, 120, "2027-06-30"});
    const PortfolioSummary s = summarize_portfolio(ps);
    REQUIRE(s.findings.size() == 1);
    CHECK(s.findings[0].rule == "portfolio-egalim-non-atteint");
    CHECK(s.findings[0].message.find("42") != std::string::npos);
    CHECK(s.egalim.contracts == 1);
    CHECK(s.egalim.quality_share == Approx(42));
    CHECK(s.insertion_done == Approx(120));
    CHECK(s.items[0].status == ProjectStatus::execution);
    e.egalim_quality_share = 55;
    CHECK(summarize_portfolio(ps).findings.empty());
}

TEST_CASE("award: SIRET key, status from the dates", "[portfolio]") {
    CHECK(siret_problem("999 900 001 00010").empty());
    CHECK_FALSE(siret_problem("99990000100011").empty());   // one digit wrong
    CHECK_FALSE(siret_problem("9999000010001").empty());    // 13 digits
    CHECK(siret_digits("9999-0000") == "");
    Award a;
    Execution e;
    CHECK(project_status(a, e) == ProjectStatus::preparation);
    a.published_date = "2027-01-11";
    CHECK(project_status(a, e) == ProjectStatus::publie);
    a.lots.push_back({});
    a.lots[0].notification_date = "2027-04-19";
    CHECK(project_status(a, e) == ProjectStatus::attribue);
    e.insertion.push_back({InsertionPublic::senior, 10, ""});
    CHECK(project_status(a, e) == ProjectStatus::execution);
    e.closed_date = "2029-04-18";
    CHECK(project_status(a, e) == ProjectStatus::clos);
}

TEST_CASE("award: session operations record the award and the execution, each one undo step", "[portfolio][session]") {
    Session s;
    std::string error;
    REQUIRE(s.open_scenario("renovation-ecole", error));
    const size_t lots = std::max<size_t>(s.project().lots.size(), 1);
    CHECK_FALSE(s.record_award(int(lots) + 1));
    REQUIRE(s.record_award(1));
    CHECK_FALSE(s.record_award(1));   // already recorded
    REQUIRE(s.project().award.lots.size() == 1);
    CHECK(s.project().award.lots[0].holders.size() == 1);
    CHECK(s.add_holder(0));
    CHECK(s.project().award.lots[0].group == OperatorGroup::conjoint);
    CHECK(s.remove_holder(0, 1));
    CHECK(s.project().award.lots[0].group == OperatorGroup::aucun);
    CHECK(s.edit("attribution.lots[1].amount", [](Project& p) { p.award.lots[0].amount = 123456; }));

    const size_t rows = monitoring_rows(s.project(), s.library()).size();
    REQUIRE(rows >= 2);
    CHECK_FALSE(s.set_commitment_status(int(rows) + 1, CommitmentStatus::tenu));
    CHECK(s.set_commitment_status(2, CommitmentStatus::en_retard));
    CHECK(s.add_proof(1, {"2027-09-01", "Bordereaux de suivi des déchets"}));
    CHECK(s.add_penalty(2, {"2027-10-01", 300, "Retard du plan de progrès"}));
    CHECK_FALSE(s.add_insertion_hours({InsertionPublic::jeune, 0, ""}));
    CHECK(s.add_insertion_hours({InsertionPublic::jeune, 35, "2027-10-01"}));
    const Execution& e = s.project().execution;
    REQUIRE(e.commitments.size() == 2);
    CHECK(e.commitments[0].commitment == 1);   // kept in the plan's order
    CHECK(e.commitments[1].status == CommitmentStatus::en_retard);
    CHECK(e.commitments[1].penalties.size() == 1);
    CHECK(s.undo());
    CHECK(s.project().execution.insertion.empty());
    CHECK(s.undo());
    CHECK(s.project().execution.commitments[1].penalties.empty());
}

TEST_CASE("award: the record survives a save and a reload", "[portfolio]") {
    const Project p = scenario("nettoyage-insertion");
    REQUIRE(p.award.lots.size() == 2);
    CHECK(p.award.lots[1].holders.size() == 2);
    CHECK(p.award.lots[1].group == OperatorGroup::conjoint);
    CHECK(p.execution.commitments.size() >= 3);
    Project back;
    std::string error;
    REQUIRE(project_from_text(project_to_text(p), back, error));
    CHECK(project_to_text(back) == project_to_text(p));
    json bad = project_to_json(p);
    bad["execution"]["commitments"][0]["status"] = "parfait";
    CHECK_FALSE(project_from_json(bad, back, error));
    CHECK(error.find("execution.commitments[1].status") != std::string::npos);
}

TEST_CASE("decp: one record per lot notified, with the considerations of that lot", "[portfolio][decp]") {
    Project p = scenario("nettoyage-insertion");
    CHECK(export_problem(p, Format::decp).empty());
    const json doc = json::parse(export_project(p, Format::decp));
    const json& m = doc["marches"]["marche"];
    REQUIRE(m.size() == 2);
    CHECK(m[0]["id"] == "2027-NET-01");
    CHECK(m[0]["acheteur"]["id"] == "99990000100010");
    CHECK(m[0]["montant"] == 96400);
    CHECK(m[0]["dureeMois"] == 48);
    CHECK(m[0]["tauxAvance"] == Approx(0.3));
    CHECK(m[0]["procedure"] == "Appel d'offres ouvert");
    CHECK(m[1]["typeGroupementOperateurs"] == "Conjoint");
    CHECK(m[1]["titulaires"].size() == 2);
    CHECK(m[1]["titulaires"][0]["titulaire"]["typeIdentifiant"] == "SIRET");
    const Considerations c = project_considerations(p, bundled_library(), 1);
    CHECK(m[0]["considerationsEnvironnementales"]["considerationEnvironnementale"] == json(decp_environmental(c)));
    CHECK(m[0]["considerationsSociales"]["considerationSociale"] == json(decp_social(c)));
    CHECK(m[0]["considerationsSociales"]["considerationSociale"][0] == "Clause sociale");
    CHECK(export_project(p, Format::decp) == export_project(p, Format::decp));   // same bytes
}

TEST_CASE("decp: before the award, one French sentence says what is missing", "[portfolio][decp]") {
    Project p = scenario("restauration-scolaire");
    const std::string before = export_problem(p, Format::decp);
    CHECK(before.find("après l'attribution") != std::string::npos);
    CHECK(export_project(p, Format::decp).empty());
    LotAward a;
    a.notification_date = "2027-05-02";
    a.holders.push_back({"Cuisine fictive", "99990000200017"});
    p.award.lots.push_back(a);
    const std::string missing = export_problem(p, Format::decp);
    CHECK(missing.find("le SIRET de l'acheteur") != std::string::npos);
    CHECK(missing.find("clé de contrôle") != std::string::npos);   // the holder's SIRET
    CHECK(missing.find("le montant") != std::string::npos);
    CHECK(missing.find("offres reçues") != std::string::npos);
    CHECK(missing.find("lieu d'exécution") != std::string::npos);
    CHECK(missing.back() == '.');
    CHECK(std::count(missing.begin(), missing.end(), '\n') == 0);
}

TEST_CASE("execution report: award, commitments with their status, proofs, penalties and insertion hours", "[portfolio]") {
    const Project p = scenario("nettoyage-insertion");
    const std::string md = export_project(p, Format::md, DocumentKind::execution);
    CHECK(md.find("Suivi des engagements") != std::string::npos);
    CHECK(md.find("99990000200018") != std::string::npos);
    CHECK(md.find("En retard") != std::string::npos);
    CHECK(md.find("Non tenu") != std::string::npos);
    CHECK(md.find("Pénalités appliquées") != std::string::npos);
    CHECK(md.find("150") != std::string::npos);
    CHECK(md.find("333 sur") != std::string::npos);
    CHECK(md.find("Jeunes de moins de 26 ans") != std::string::npos);
    const std::string none = export_project(scenario("pieges"), Format::md, DocumentKind::execution);
    CHECK(none.find("Aucune attribution") != std::string::npos);
}

TEST_CASE("plan: the purchase plan gives firms a value range, the quarter and the considerations, also as CSV", "[portfolio]") {
    std::vector<PortfolioProject> ps(2);
    ps[0] = {"a.json", scenario("nettoyage-insertion")};
    ps[0].project.need.renewed_end = "2027-06-30";
    ps[1] = {"b.json", scenario("restauration-scolaire")};
    const PortfolioSummary s = summarize_portfolio(ps);
    const std::string md = write_document(assemble_purchase_plan(s, "Communauté de communes des Trois Vallées", 2027), Format::md);
    CHECK(md.find("Programmation prévisionnelle des achats") != std::string::npos);
    CHECK(md.find("T1 2027") != std::string::npos);
    CHECK(md.find("prend fin le 30 juin 2027") != std::string::npos);
    CHECK(md.find("environnementale et sociale") != std::string::npos);
    CHECK(md.find("140\u202F000") == std::string::npos);   // the estimate itself stays with the buyer
    const std::string html = write_document(assemble_purchase_plan(s, "CC", 2027), Format::html);
    CHECK(html.find("<svg") != std::string::npos);      // the timeline by quarter, drawn
    CHECK(html.find("aria-label=\"Nombre de consultations") != std::string::npos);
    const std::string csv = purchase_plan_csv(s);
    CHECK(csv.rfind("\xEF\xBB\xBFObjet;Lots;", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
}

TEST_CASE("spaser: targets read and written, measured on the portfolio, reported with charts", "[portfolio]") {
    Spaser sp = starter_spaser("Ville fictive", 2027);
    REQUIRE(sp.axes.size() == 2);
    sp.adopted = "2027-02-10";
    sp.axes[1].targets.push_back({SpaserIndicator::insertion_hours, TargetUnit::hours, 1000, "2027-12-31"});
    Spaser back;
    std::string error;
    REQUIRE(spaser_from_json(spaser_to_json(sp), back, error));
    CHECK(spaser_to_json(back) == spaser_to_json(sp));
    json bad = spaser_to_json(sp);
    bad["axes"][0]["targets"][0]["unit"] = "kilos";
    CHECK_FALSE(spaser_from_json(bad, back, error));
    CHECK(error.find("axes[1].targets[1].unit") != std::string::npos);

    std::vector<PortfolioProject> ps(2);
    ps[0] = {"a.json", scenario("nettoyage-insertion")};
    ps[1] = {"b.json", project("Études", "prestations-intellectuelles", 100000, "2027-03-01")};
    const PortfolioSummary s = summarize_portfolio(ps);
    CHECK(indicator_value(s, SpaserIndicator::environmental, TargetUnit::contracts) == Approx(50));
    CHECK(indicator_value(s, SpaserIndicator::insertion_hours, TargetUnit::hours) == Approx(333));
    const Document report = assemble_spaser_report(sp, s, 2027);
    const std::string md = write_document(report, Format::md);
    CHECK(md.find("Bilan annuel du SPASER") != std::string::npos);
    CHECK(md.find("1 objectif atteint sur 3") != std::string::npos);   // social 50 % ≥ 30 %
    CHECK(md.find("333 h") != std::string::npos);
    const std::string html = write_document(report, Format::html);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<table>") != std::string::npos);   // the figures beside the chart
    const std::string doc = write_document(assemble_spaser(sp), Format::md);
    CHECK(doc.find("Axe 1") != std::string::npos);
    CHECK(doc.find("des marchés avec une considération environnementale") != std::string::npos);
    CHECK(doc.find("10 février 2027") != std::string::npos);
}

TEST_CASE("portfolio: its rule table matches the code and cites known articles", "[portfolio]") {
    const RuleSet& rules = bundled_portfolio_rules();
    REQUIRE(rules.rules.size() == portfolio_rules().size());
    for (const char* id : portfolio_rules()) {
        INFO(id);
        const RuleInfo* r = rules.find(id);
        REQUIRE(r != nullptr);
        CHECK(r->message.size() > 40);
        for (const std::string& a : r->articles) CHECK(bundled_library().article(a) != nullptr);
        CHECK(bundled_rules().find(id) == nullptr);   // never run on one project
    }
}

namespace {

bool fires_rule(const Project& p, const std::string& rule) {
    const std::vector<Finding> findings = run_checks(p, project_procedure(p));
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

}  // namespace

// The two workshop scenarios of the buyer's year (issue 15.8) show what they are built to show: a communauté
// d'agglomération over 50 M€ without a SPASER, whose last contract already gives measurable indicators; a
// groupement de commandes whose members' needs, added up, change the publicity.
TEST_CASE("workshop: the agglomeration over 50 M€ has no SPASER, and its last contract gives the first figures", "[portfolio][scenarios]") {
    const Project p = scenario("spaser-agglomeration");
    CHECK(p.buyer.annual_purchases > 50e6);
    CHECK_FALSE(p.buyer.spaser_adopted);
    CHECK(fires_rule(p, "spaser-obligatoire"));
    Project adopted = p;
    adopted.buyer.spaser_adopted = true;
    CHECK_FALSE(fires_rule(adopted, "spaser-obligatoire"));

    // « Mon année » on last year's contract: a social consideration, insertion hours planned and done.
    const std::vector<PortfolioProject> year = {{"nettoyage", p}};
    const PortfolioSummary s = summarize_portfolio(year);
    CHECK(indicator_value(s, SpaserIndicator::social, TargetUnit::contracts) == Approx(100));
    CHECK(s.insertion_planned > 0);
    CHECK(s.insertion_done > 0);
    // A starter SPASER carries figures and deadlines, never bare intentions.
    const Spaser sp = starter_spaser(p.buyer.name, 2027);
    int targets = 0;
    for (const SpaserAxis& a : sp.axes)
        for (const SpaserTarget& t : a.targets) {
            ++targets;
            CHECK(t.target > 0);
            CHECK(parse_date(t.deadline).valid());
        }
    CHECK(targets >= 2);
}

TEST_CASE("workshop: the school-catering groupement crosses the EU threshold only when its members are added", "[portfolio][scenarios]") {
    const Project p = scenario("groupement-restauration");
    CHECK(p.need.pooling == Pooling::groupement);
    REQUIRE(p.need.members.size() == 2);
    // School catering is a social and specific service (R.2123-1 3°): an adapted procedure at any value, with
    // a notice in the EU's Official Journal above its threshold.
    const ProcedureResult together = project_procedure(p);
    CHECK(together.procedure == Procedure::adaptee);
    CHECK(together.publicity == Publicity::joue);

    // The coordinator alone, and each member alone, stay under it.
    Project alone = p;
    alone.need.members.clear();
    CHECK(project_procedure(alone).publicity != Publicity::joue);
    for (const Member& m : p.need.members) {
        Project member = alone;
        for (Lot& l : member.lots) l.value = 0;
        member.lots[0].value = m.value;
        INFO(m.name);
        CHECK(project_procedure(member).publicity != Publicity::joue);
    }
    CHECK(total_estimated_value(p) == Approx(4 * (120000 + 20000 + 60000 + 40000)));
}
