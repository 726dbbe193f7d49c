// The decision memo: the need, the procedure and why, the sustainable considerations and the obligations
// they meet, and the points the checks still find open.
#include "document/assemble.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;

void need_part(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(1, "Le besoin"));
    b.push_back(paragraph(labelled("Objet", trim(p.need.object).empty() ? "non renseigné" : p.need.object)));
    add_text(b, p.need.description);
    std::vector<Inline> facts;
    const Family* fam = lib.family(p.need.family);
    add_fact(facts, "Nature", enum_label(p.need.nature) + (fam ? " — " + fam->label : std::string()));
    add_fact(facts, p.need.cpv.size() > 1 ? "Codes CPV" : "Code CPV", join(p.need.cpv));
    add_fact(facts, "Durée", f.duration_label);
    add_text_fact(facts, "Quantités", p.need.quantities);
    add_fact(facts, "Résultat attendu", p.need.expected_result);
    add_fact(facts, "Valeur estimée", french_euros(f.initial) + " HT pour la période initiale, " + french_euros(f.total) +
                                          " HT sur toute la durée, reconductions comprises");
    b.push_back(bullet_list(std::move(facts)));
    if (!trim(p.need.sobriety_note).empty()) b.push_back(paragraph(labelled_text("Sobriété — le besoin interrogé", p.need.sobriety_note)));
    else if (!p.need.need_questioned)
        b.push_back(note({frtext("Le besoin n'a pas encore été interrogé : est-il justifié, peut-il être réduit, "
                                 "mutualisé ou satisfait autrement ?")}));
}

void procedure_part(Blocks& b, const Project& p, const ProjectFacts& f) {
    b.push_back(fr_heading(1, "La procédure et ses raisons"));
    std::vector<Inline> facts;
    add_fact(facts, "Procédure", enum_label(f.procedure.procedure));
    add_fact(facts, "Publicité", enum_label(f.procedure.publicity));
    add_fact(facts, f.procedure.articles.size() > 1 ? "Articles" : "Article", join(f.procedure.articles));
    add_fact(facts, "Date de référence des seuils", french_date(f.date));
    b.push_back(bullet_list(std::move(facts)));
    b.push_back(paragraph(frtext(f.procedure.explanation)));
    if (p.lots.size() >= 2)
        b.push_back(paragraph(fr("Allotissement : " + std::to_string(p.lots.size()) + " lots, pour ouvrir la consultation "
                                 "aux petites et moyennes entreprises (article L.2113-10).")));
    else
        b.push_back(paragraph(labelled("Marché non alloti — motif (L.2113-10, L.2113-11)",
                                       p.single_lot_ground == SingleLotGround::aucun
                                           ? "à choisir"
                                           : enum_label(p.single_lot_ground) +
                                                 (trim(p.single_lot_justification).empty() ? std::string() : " — " + trim(p.single_lot_justification)))));
    b.push_back(fr_heading(2, "Critères d'attribution"));
    std::vector<Inline> criteria;
    for (size_t k = 0; k < p.criteria.size(); ++k)
        add_fact(criteria, criterion_name(p.criteria[k], k), weight_label(p.criteria[k].weight) + " — " +
                                                               enum_label(p.criteria[k].kind));
    if (criteria.empty()) b.push_back(paragraph(fr("Aucun critère d'attribution n'est encore défini.")));
    else b.push_back(bullet_list(std::move(criteria)));
    if (p.sourcing.empty()) return;
    b.push_back(fr_heading(2, "Échanges préalables avec les opérateurs"));
    std::vector<std::vector<Inline>> rows;
    for (const SourcingContact& s : p.sourcing)
        rows.push_back({text(french_date(parse_date(s.date)).empty() ? s.date : french_date(parse_date(s.date))),
                        frtext(s.operator_name), frtext(s.channel), text_lines(s.shared, fr)});
    b.push_back(table({text("Date"), text("Opérateur"), text("Canal"), text("Informations données")}, std::move(rows),
                      {2, 3, 2, 5}));
}

// Whether the project meets a dated obligation of data/legal/thresholds.json, and with what.
struct Coverage {
    bool known = true, met = false;
    std::vector<std::string> by;   // what meets it
};

Coverage coverage(std::string_view id, const Project& p, const Library& lib, const ProjectFacts& f) {
    Coverage c;
    auto clauses_where = [&](auto pred) {
        for (const ChosenRef& r : chosen_clauses(p, lib))
            if (pred(*r.clause)) c.by.push_back(r.clause->title);
    };
    auto criteria_where = [&](auto pred) {
        for (size_t k = 0; k < p.criteria.size(); ++k)
            if (pred(p.criteria[k])) c.by.push_back("critère « " + criterion_name(p.criteria[k], k) + " »");
    };
    if (id == "condition-environnementale") {
        clauses_where([](const Clause& k) { return k.considers(ClauseKind::condition_execution, Pillar::environnemental); });
    } else if (id == "critere-environnemental") {
        criteria_where([&](const AwardCriterion& a) {
            const Clause* k = lib.find(a.clause);
            return a.kind == CriterionKind::environnemental || a.kind == CriterionKind::cout_cycle_vie ||
                   (k && k->pillar == Pillar::environnemental && k->counts_as_consideration());
        });
    } else if (id == "prix-non-unique") {
        const bool price_only = p.criteria.size() == 1 && p.criteria[0].kind == CriterionKind::prix;
        if (!p.criteria.empty() && !price_only)
            c.by.push_back(std::to_string(p.criteria.size()) + (p.criteria.size() > 1 ? " critères pondérés" : " critère de coût"));
    } else if (id == "specifications-durables") {
        clauses_where([](const Clause& k) {
            return k.considers(ClauseKind::specification, Pillar::environnemental) || k.considers(ClauseKind::specification, Pillar::social);
        });
    } else if (id == "condition-sociale-seuils-ue") {
        if (f.total < f.procedure.eu_threshold) c.by.push_back("sans objet : valeur inférieure au seuil européen");
        clauses_where([](const Clause& k) { return k.considers(ClauseKind::condition_execution, Pillar::social); });
        if (c.by.empty() && !trim(p.social_justification).empty()) c.by.push_back("exception motivée : " + trim(p.social_justification));
    } else {
        c.known = false;
    }
    c.met = !c.by.empty();
    return c;
}

void obligations_table(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    const LegalData& law = bundled_legal_data();
    std::vector<std::vector<Inline>> rows;
    for (const Obligation& o : law.obligations) {
        const bool applies = law.in_force(o.id, f.date);
        const Coverage c = coverage(o.id, p, lib, f);
        std::string status = !c.known ? "À vérifier" : c.met ? "Respectée : " + join(c.by, " ; ") : applies ? "Non respectée" : "Non respectée (pas encore applicable)";
        rows.push_back({frtext(o.label), text(o.article),
                        text(applies ? "Oui" : "Non, à partir du " + french_date(o.from)), frtext(status)});
    }
    if (rows.empty()) return;
    b.push_back(fr_heading(2, "Obligations légales et leur respect"));
    b.push_back(table({text("Obligation"), text("Article"), text("Applicable"), text("Situation")}, std::move(rows),
                      {5, 2, 2, 5}));
}

void sustainable_part(Blocks& b, const Project& p, const Library& lib, const ProjectFacts& f) {
    b.push_back(fr_heading(1, "Les considérations durables retenues"));
    std::vector<std::string> goals;
    for (const std::string& g : p.goals) {
        const Goal* goal = lib.goal(g);
        goals.push_back(goal ? goal->label : g);
    }
    std::vector<Inline> facts;
    add_fact(facts, "Objectifs", goals.empty() ? "aucun objectif choisi" : join(goals, " ; "));
    add_fact(facts, "Niveau d'ambition", level_label(enum_name(p.ambition)));
    const double spaser = bundled_legal_data().figure("spaser", p.buyer.type, p.need.nature, f.date);
    if (spaser > 0 && p.buyer.annual_purchases >= spaser)
        add_fact(facts, "SPASER", std::string("obligatoire (achats annuels d'au moins ") + french_euros(spaser) + " HT, "
                                  "article L.2111-3), " + (p.buyer.spaser_adopted ? "adopté" : "pas encore adopté"));
    b.push_back(bullet_list(std::move(facts)));

    const auto clauses = chosen_clauses(p, lib);
    if (clauses.empty()) {
        b.push_back(paragraph(fr("Aucune clause de la bibliothèque n'est encore retenue.")));
    } else {
        std::vector<std::vector<Inline>> rows;
        for (const ChosenRef& c : clauses)
            rows.push_back({frtext(c.clause->title), text(pillar_label(c.clause->pillar)), text(kind_label(c.clause->kind)),
                            text(level_label(c.clause->level)), text(lib.citations(c.clause->articles))});
        b.push_back(fr_heading(2, "Clauses retenues"));
        b.push_back(table({text("Clause"), text("Pilier"), text("Type"), text("Niveau"), text("Fondement")}, std::move(rows),
                          {5, 4, 4, 3, 4}));
    }
    obligations_table(b, p, lib, f);
}

void findings_part(Blocks& b, const std::vector<Finding>& findings, const Library& lib) {
    b.push_back(fr_heading(1, "Points encore ouverts"));
    if (findings.empty()) {
        b.push_back(paragraph(fr("Les vérifications automatiques ne relèvent aucun point ouvert. Elles ne remplacent pas "
                                 "la relecture du dossier par un juriste.")));
        return;
    }
    std::vector<std::vector<Inline>> rows;
    for (const Finding& f : findings)   // most severe first, as run_checks orders them
        rows.push_back({{strong(enum_label(f.severity))}, frtext(f.message), text(lib.citations(f.articles)), text(enum_label(f.step))});
    b.push_back(table({text("Gravité"), text("Constat et action"), text("Articles"), text("Où corriger")}, std::move(rows),
                      {2, 6, 2, 2}));
}

}  // namespace

void assemble_synthese(Document& d, const Project& p, const Library& lib, const ProjectFacts& f,
                       const std::vector<Finding>& findings) {
    need_part(d.blocks, p, lib, f);
    procedure_part(d.blocks, p, f);
    sustainable_part(d.blocks, p, lib, f);
    findings_part(d.blocks, findings, lib);
}

}  // namespace clausier
