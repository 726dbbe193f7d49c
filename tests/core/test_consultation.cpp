// The consultation settings (project/consultation.h): read and written with the project, derived defaults from
// nature, family, value and buyer type, the Session operations that edit them, the checks that follow them and
// the consultation file they feed (numbered articles, one AE and one CCTP per lot, the derogations article).
#include "document/assemble.h"
#include "project/consultation.h"
#include "project/scenarios.h"
#include "project/session.h"
#include "../support/document_text.h"
#include "../support/scenario.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace clausier;

namespace {

using testing::scenario;

ResolvedSettings resolved(const Project& p) { return resolve_settings(p, project_procedure(p)); }

std::string dce_text(const Project& p) { return testing::document_text(p, DocumentKind::dce); }

size_t count_occurrences(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

std::vector<std::string> headings(const Document& d, int level) {
    std::vector<std::string> out;
    for (const Block& b : d.blocks) if (b.kind == Block::heading && b.level == level) out.push_back(inline_text(b.text));
    return out;
}

bool fires(const Project& p, const char* rule) {
    for (const Finding& f : run_checks(p, project_procedure(p))) if (f.rule == rule) return true;
    return false;
}

}  // namespace

TEST_CASE("consultation: settings are read, written, and absent from older files", "[consultation]") {
    Project p;
    std::string error;
    REQUIRE(project_from_text(R"({"format":"clausier-projet","schema_version":1,"need":{"object":"x"}})", p, error));
    CHECK(p.consultation.ccag == Ccag::automatique);
    CHECK(p.consultation.offer_validity_days == 120);
    p.consultation.reference = "2027-NET-01";
    p.consultation.ccag = Ccag::travaux;
    p.consultation.contract = ContractForm::accord_cadre_bons;
    p.consultation.framework_max = 250000;
    p.consultation.tender_deadline = "2027-02-10";
    Project again;
    REQUIRE(project_from_text(project_to_text(p), again, error));
    CHECK(project_to_text(again) == project_to_text(p));
    CHECK(again.consultation.ccag == Ccag::travaux);
    CHECK(project_to_json(p)["consultation"]["ccag"] == "travaux");
    CHECK(project_to_json(Project{})["consultation"]["ccag"] == "");   // automatique is written as ""

    Project untouched = again;
    CHECK_FALSE(project_from_text(R"({"format":"clausier-projet","schema_version":1,"consultation":{"ccag":"fcs2"}})", untouched, error));
    CHECK_THAT(error, Catch::Matchers::Contains("consultation.ccag"));
    CHECK(untouched.consultation.reference == "2027-NET-01");
    CHECK_FALSE(project_from_text(R"({"format":"clausier-projet","schema_version":1,"consultation":{"guarantee_percent":8}})", untouched, error));
}

TEST_CASE("consultation: defaults follow nature, family, value and buyer type", "[consultation]") {
    Project p = scenario("nettoyage-insertion");
    ResolvedSettings r = resolved(p);
    CHECK(r.s.ccag == Ccag::fcs);
    CHECK(r.s.staff_takeover == Toggle::oui);          // cleaning: the collective agreement's takeover
    CHECK(r.s.guarantee == Guarantee::aucune);
    CHECK(r.legal_payment_days == 30);
    CHECK(r.s.sme_advance_percent == 30);               // a CCAG applies: 30 % for SMEs
    CHECK_FALSE(r.why.at("ccag").empty());

    p.buyer.type = BuyerType::etablissement_sante;
    CHECK(resolved(p).legal_payment_days == 50);
    p.buyer.type = BuyerType::entite_adjudicatrice;
    CHECK(resolved(p).legal_payment_days == 60);

    Project w = scenario("renovation-ecole");
    r = resolved(w);
    CHECK(r.s.ccag == Ccag::travaux);
    CHECK(r.s.guarantee == Guarantee::premiere_demande);
    CHECK(r.guarantee_max_sme == 5);                    // a small commune: the 3 % cap does not apply
    w.buyer.type = BuyerType::etat;
    CHECK(resolved(w).guarantee_max_sme == 3);

    Project it = scenario("informatique-reemploi");
    CHECK(resolved(it).s.ccag == Ccag::tic);             // the scenario applies the CCAG-TIC its clauses derogate from
    it.consultation.ccag = Ccag::automatique;
    CHECK(resolved(it).s.ccag == Ccag::tic);
    CHECK(resolved(it).s.schedule == PriceSchedule::dqe);   // a framework with purchase orders: unit prices

    Project food = scenario("restauration-scolaire");
    food.consultation.revision = PriceRevision::automatique;
    r = resolved(food);
    CHECK(r.revision_compulsory);
    CHECK(r.s.revision == PriceRevision::revisables);
    food.need.duration_months = 3;
    food.need.renewals = 0;
    CHECK_FALSE(resolved(food).revision_compulsory);

    // School catering is a social or other specific service (R.2123-1 3°): adapted procedure at any value.
    CHECK(resolved(food).s.procedure == ProcedureForm::adaptee_ouverte);
    Project big = scenario("nettoyage-insertion");
    for (Lot& l : big.lots) l.value = 600000;
    CHECK(resolved(big).s.procedure == ProcedureForm::appel_offres_ouvert);
    CHECK(resolved(big).minimum_days == 30);
    CHECK(days_between(parse_date("2026-12-01"), parse_date("2027-01-05")) == 35);
}

TEST_CASE("consultation: Session operations edit the settings as undoable steps", "[consultation][session]") {
    Session s;
    std::string error;
    REQUIRE(s.open_scenario("nettoyage-insertion", error));
    REQUIRE(s.edit("besoin.buyer_type", [](Project& p) { p.buyer.type = BuyerType::etablissement_sante; }));
    REQUIRE(s.edit_consultation("consultation.ccag", [](ConsultationSettings& c) { c.ccag = Ccag::pi; }));
    REQUIRE(s.apply_consultation_defaults());
    CHECK(s.project().payment_days == 50);
    CHECK(s.project().consultation.ccag == Ccag::automatique);
    CHECK(s.project().consultation.reference == "2027-NET-01");   // identification and dates are kept
    REQUIRE(s.undo());
    CHECK(s.project().consultation.ccag == Ccag::pi);
    CHECK(s.project().payment_days == 30);

    REQUIRE(s.set_contract_form(ContractForm::accord_cadre_bons));
    CHECK(s.project().consultation.framework_max == Approx(total_estimated_value(s.project())));
    REQUIRE(s.edit_consultation("consultation.framework_max", [](ConsultationSettings& c) { c.framework_max = 900000; }));
    REQUIRE(s.set_contract_form(ContractForm::accord_cadre_subsequents));
    CHECK(s.project().consultation.framework_max == 900000);      // a maximum the buyer set is kept

    const std::string id = s.project().clauses.front().id;
    CHECK(s.set_clause_lot(id, 2));
    CHECK(s.project().clauses.front().lot == 2);
    CHECK_FALSE(s.set_clause_lot(id, 3));                        // the project has two lots
    CHECK_FALSE(s.set_clause_lot("INCONNU-001", 1));
}

TEST_CASE("consultation: checks follow the settings", "[consultation][checks]") {
    Project p = scenario("nettoyage-insertion");   // made an open tender; tenders 30 days after the notice
    for (Lot& l : p.lots) l.value = 600000;
    CHECK_FALSE(fires(p, "consultation-delai-minimum"));
    CHECK_FALSE(fires(p, "consultation-date-limite-absente"));
    p.consultation.tender_deadline = "2027-01-25";
    CHECK(fires(p, "consultation-delai-minimum"));
    p.consultation.tender_deadline = "";
    CHECK(fires(p, "consultation-date-limite-absente"));

    p = scenario("restauration-scolaire");
    CHECK_FALSE(fires(p, "consultation-revision-obligatoire"));
    p.consultation.revision = PriceRevision::fermes;
    CHECK(fires(p, "consultation-revision-obligatoire"));
    p.consultation.revision = PriceRevision::revisables;
    p.consultation.revision_formula = "";
    CHECK(fires(p, "consultation-revision-incomplete"));

    p = scenario("informatique-reemploi");
    CHECK_FALSE(fires(p, "consultation-accord-cadre-maximum"));
    p.consultation.framework_max = 0;
    CHECK(fires(p, "consultation-accord-cadre-maximum"));

    // A clause that departs from the CCAG-FCS in a contract under the CCAG-Travaux.
    p = scenario("nettoyage-insertion");
    const Clause* derogating = nullptr;
    for (const Clause& c : bundled_library().clauses)
        if (c.ccag.derogates && !c.ccag.articles.empty() &&
            std::all_of(c.ccag.articles.begin(), c.ccag.articles.end(), [](const std::string& a) { return a.rfind("CCAG-FCS ", 0) == 0; }))
            derogating = &c;
    REQUIRE(derogating != nullptr);
    p.clauses.push_back({derogating->id, {}, 0});
    CHECK_FALSE(fires(p, "consultation-derogation-non-listee"));
    p.consultation.ccag = Ccag::travaux;
    CHECK(fires(p, "consultation-derogation-non-listee"));
    p.consultation.ccag = Ccag::fcs;
    p.consultation.other_derogations = "";
    p.monitoring.push_back({"", "Délai d'intervention", "heures", "bons d'intervention", "chaque mois", "150 € par jour de retard"});
    CHECK(fires(p, "consultation-derogation-non-listee"));
    p.consultation.other_derogations = "CCAG-FCS art. 14 : pénalité de retard d'intervention de 150 € par jour";
    CHECK_FALSE(fires(p, "consultation-derogation-non-listee"));
}

TEST_CASE("consultation: the DCE has numbered articles, one AE and CCTP per lot, and lists the derogations last",
          "[consultation][document]") {
    Project p = scenario("nettoyage-insertion");
    const Document d = assemble_document(p, DocumentKind::dce, project_procedure(p), {});
    CHECK(d.running_header.find("2027-NET-01") != std::string::npos);
    const std::vector<std::string> parts = headings(d, 1);
    REQUIRE(parts.size() >= 7);
    CHECK(parts[0] == "Sommaire");
    CHECK(parts[1] == "Règlement de la consultation (RC)");
    CHECK(parts[2] == "Cahier des clauses administratives particulières (CCAP)");
    CHECK(std::count_if(parts.begin(), parts.end(), [](const std::string& h) { return h.rfind("Acte d’engagement", 0) == 0; }) == 2);
    CHECK(std::count_if(parts.begin(), parts.end(), [](const std::string& h) { return h.rfind("Cahier des clauses techniques", 0) == 0; }) == 2);

    // Articles numbered within each part; the CCAP's last one lists the derogations.
    std::string last_ccap_article;
    bool in_ccap = false;
    for (const Block& b : d.blocks) {
        if (b.kind != Block::heading) continue;
        if (b.level == 1) in_ccap = inline_text(b.text).rfind("Cahier des clauses administratives", 0) == 0;
        if (in_ccap && b.level == 2) last_ccap_article = inline_text(b.text);
    }
    CHECK_THAT(last_ccap_article, Catch::Matchers::StartsWith("Article ") && Catch::Matchers::EndsWith("Dérogations au CCAG"));
    const std::vector<std::string> articles = headings(d, 2);
    CHECK(articles.front().rfind("Article 1 – ", 0) == 0);
    CHECK(std::any_of(articles.begin(), articles.end(), [](const std::string& h) { return h.rfind("Article 14 – ", 0) == 0; }));
    const std::vector<std::string> subs = headings(d, 3);
    CHECK(std::any_of(subs.begin(), subs.end(), [](const std::string& h) { return h.rfind("8.1 – ", 0) == 0; }));

    const std::string all = dce_text(p);
    CHECK(count_occurrences(all, "À compléter par l’acheteur") >= 8);       // the CCTP frames' technical sections
    CHECK(count_occurrences(all, "À compléter par le soumissionnaire") >= 2);
    CHECK(all.find("appel d’offres ou autre procédure formalisée") == std::string::npos);
    CHECK(all.find("BPU ou DPGF") == std::string::npos);
    CHECK(all.find("Reprise du personnel") != std::string::npos);
    // The staff to take over is an annex of its own, referred to by the RC, the CCAP and the firm sheet, with
    // the collective agreement that requires it and no column that could name anyone.
    CHECK(count_occurrences(all, "Liste du personnel à reprendre") >= 4);
    CHECK(count_occurrences(all, "article 7 de la convention collective nationale des entreprises de propreté") >= 2);
    CHECK(all.find("Salaire brut mensuel") != std::string::npos);
    CHECK(all.find("Niveau (coef.)") != std::string::npos);
    CHECK(all.find("Nom et prénom") == std::string::npos);
    CHECK(all.find("Chorus Pro") != std::string::npos);
    CHECK(all.find("huit points") != std::string::npos);
    CHECK(all.find("Tribunal administratif de Limoges") != std::string::npos);
    // The SME advance is stated once: by the chosen financial clause when there is one.
    CHECK(count_occurrences(all, "le titulaire est une petite ou moyenne entreprise") == 1);
    CHECK(count_occurrences(all, "Avance") >= 1);
    Project without = p;   // without the financial clause, the CCAP states the SME rate itself, once
    without.clauses.erase(std::remove_if(without.clauses.begin(), without.clauses.end(),
                                         [](const ChosenClause& c) { return c.id == "NET-P-001"; }), without.clauses.end());
    REQUIRE(without.clauses.size() + 1 == p.clauses.size());
    without.advance_percent = 5;
    const std::string plain = dce_text(without);
    CHECK(count_occurrences(plain, "le titulaire est une petite ou moyenne entreprise, le taux de l’avance est porté à 30") == 1);
}

TEST_CASE("consultation: a clause chosen for one lot goes to that lot's CCTP only", "[consultation][document]") {
    Project p = scenario("nettoyage-insertion");
    const Clause* spec = nullptr;
    for (const ChosenClause& c : p.clauses)
        if (const Clause* k = bundled_library().find(c.id); k && k->kind == ClauseKind::specification) spec = k;
    REQUIRE(spec != nullptr);
    for (ChosenClause& c : p.clauses) if (c.id == spec->id) c.lot = 2;
    const Document d = assemble_document(p, DocumentKind::dce, project_procedure(p), {});
    int part = 0;   // 1 = CCTP of lot 1, 2 = CCTP of lot 2
    int seen[3] = {};
    for (const Block& b : d.blocks) {
        if (b.kind != Block::heading) continue;
        const std::string h = inline_text(b.text);
        if (b.level == 1) part = h.rfind("Cahier des clauses techniques", 0) == 0 ? part + 1 : 0;
        else if (part > 0 && part < 3 && h.find(fr(spec->title)) != std::string::npos) ++seen[part];
    }
    CHECK(seen[1] == 0);
    CHECK(seen[2] == 1);
}

TEST_CASE("consultation: a derogation written for several CCAGs names the article of the CCAG applied",
          "[consultation][document][library]") {
    // MAI-E-002 departs from CCAG-FCS art. 14 or CCAG-Travaux art. 19, whichever the contract applies: the
    // signed CCAP names one of them, never both (issue 13, point 5).
    const Clause* k = bundled_library().find("MAI-E-002");
    REQUIRE(k != nullptr);
    REQUIRE(k->ccag.articles.size() == 2);
    Project p = scenario("nettoyage-insertion");
    p.clauses.push_back({k->id, {}, 0});
    const auto ccap_of = [&](Ccag c) {
        p.consultation.ccag = c;
        return dce_text(p);
    };
    for (const std::string& text : {ccap_of(Ccag::fcs), ccap_of(Ccag::travaux), ccap_of(Ccag::automatique)}) {
        CHECK(text.find("CCAG-FCS ou") == std::string::npos);
        CHECK(text.find("selon le CCAG") == std::string::npos);
        CHECK(text.find("{{") == std::string::npos);
    }
    CHECK(ccap_of(Ccag::fcs).find("Par dérogation à l’article 14 du CCAG-FCS, ces pénalités") != std::string::npos);
    const std::string travaux = ccap_of(Ccag::travaux);
    CHECK(travaux.find("Par dérogation à l’article 19 du CCAG-Travaux, ces pénalités") != std::string::npos);
    CHECK(travaux.find("Par dérogation à l’article 14 du CCAG-FCS, ces pénalités sont dues même lorsque leur montant total ne dépasse") ==
          std::string::npos);
    // Services (cleaning) apply the CCAG-FCS when the buyer leaves the choice to the tool.
    p.consultation.ccag = Ccag::automatique;
    CHECK(applied_ccag(p) == Ccag::fcs);
    CHECK(ccap_of(Ccag::automatique).find("Par dérogation à l’article 14 du CCAG-FCS") != std::string::npos);

    // Out of a project (the library's own listing) the placeholder reads as a whole sentence.
    CHECK(render_clause(*k).find("Par dérogation aux stipulations du CCAG applicable, ces pénalités") != std::string::npos);
    CHECK(ccag_derogation_words(k->ccag, "CCAG-TIC") == "aux stipulations du CCAG applicable");
    CcagDerogation two{true, {"CCAG-FCS art. 14.1", "CCAG-FCS art. 14.3"}, "…"};
    CHECK(ccag_derogation_words(two, "CCAG-FCS") == "aux articles 14.1 et 14.3 du CCAG-FCS");
}
