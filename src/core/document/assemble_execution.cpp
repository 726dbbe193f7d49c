// The « Bilan d'exécution »: what each lot's award was and what the contract delivered against its
// monitoring plan (commitments with their status, proofs, penalties and remediation plans, insertion hours by
// public, EGalim shares). Written for the file of the contract and for the SPASER's yearly report.
#include "document/assemble.h"
#include "base/number.h"
#include "law/insertion.h"

namespace clausier {

namespace {

std::string date_label(const std::string& iso) {
    const Date d = parse_date(iso);
    return d.valid() ? french_date(d) : trim(iso).empty() ? "—" : iso;
}

std::string holders_label(const LotAward& a) {
    std::vector<std::string> names;
    for (const Holder& h : a.holders) {
        const std::string siret = siret_digits(h.siret);
        names.push_back((trim(h.name).empty() ? "titulaire non renseigné" : trim(h.name)) + (siret.empty() ? "" : " (SIRET " + siret + ")"));
    }
    std::string out = names.empty() ? "—" : join(names, " ; ");
    if (a.holders.size() > 1) out += ", groupement " + lower_first(enum_label(a.group));
    return out;
}

void execution_award_section(std::vector<Block>& b, const Project& p) {
    b.push_back(fr_heading(1, "Attribution"));
    if (!awarded(p.award)) {
        b.push_back(paragraph(fr("Aucune attribution n'est encore enregistrée pour ce projet.")));
        return;
    }
    std::vector<std::vector<Inline>> rows;
    for (const LotAward& a : p.award.lots) {
        if (trim(a.notification_date).empty()) continue;
        std::string advance = a.advance ? (a.advance_rate > 0 ? "oui, " + french_percent(a.advance_rate) : "oui") : "non";
        rows.push_back({frtext(p.lots.size() > 1 ? "Lot " + std::to_string(a.lot) : "Marché"), frtext(holders_label(a)),
                        frtext(date_label(a.notification_date)), frtext(french_euros(a.amount) + " HT"),
                        frtext(std::to_string(a.offers)), frtext(a.subcontracting ? "déclarée" : "non déclarée"),
                        frtext(advance)});
    }
    b.push_back(table({text("Lot"), text("Titulaire(s)"), text("Notification"), text("Montant"), text("Offres reçues"),
                       text("Sous-traitance"), text("Avance")},
                      std::move(rows), {8, 30, 14, 14, 9, 13, 12}));
}

std::string proofs_label(const CommitmentRecord* r) {
    if (!r || r->proofs.empty()) return "aucune";
    std::vector<std::string> out;
    for (const ProofReceived& p : r->proofs) out.push_back(trim(p.document) + " (" + date_label(p.date) + ")");
    return join(out, " ; ");
}

std::string penalties_label(const CommitmentRecord* r, double& total) {
    if (!r || r->penalties.empty()) return "aucune";
    std::vector<std::string> out;
    for (const PenaltyApplied& p : r->penalties) {
        total += p.amount;
        out.push_back(french_euros(p.amount) + " le " + date_label(p.date) + (trim(p.reason).empty() ? "" : " : " + trim(p.reason)));
    }
    return join(out, " ; ");
}

void commitments_section(std::vector<Block>& b, const Project& p, const Library& lib) {
    b.push_back(fr_heading(1, "Suivi des engagements"));
    const std::vector<Commitment> plan = monitoring_rows(p, lib);
    if (plan.empty()) {
        b.push_back(paragraph(fr("Le plan de suivi ne comporte aucun engagement.")));
        return;
    }
    int by_status[4] = {};
    double penalties = 0;
    std::vector<std::vector<Inline>> rows;
    for (size_t i = 0; i < plan.size(); ++i) {
        const CommitmentRecord* r = nullptr;
        for (const CommitmentRecord& x : p.execution.commitments)
            if (x.commitment == int(i + 1)) r = &x;
        const CommitmentStatus status = r ? r->status : CommitmentStatus::a_suivre;
        ++by_status[int(status)];
        std::string remediation = r && !trim(r->remediation).empty()
            ? trim(r->remediation) + (trim(r->remediation_due).empty() ? "" : ", pour le " + date_label(r->remediation_due)) : "—";
        rows.push_back({frtext(plan[i].commitment), frtext(enum_label(status)), frtext(proofs_label(r)),
                        frtext(penalties_label(r, penalties)), frtext(remediation)});
    }
    b.push_back(paragraph(fr("Sur " + counted(plan.size(), "engagement", "engagements") + " : " + counted(size_t(by_status[1]), "tenu", "tenus") +
                             ", " + std::to_string(by_status[2]) + " en retard, " + counted(size_t(by_status[3]), "non tenu", "non tenus") +
                             ", " + std::to_string(by_status[0]) + " encore à suivre. Pénalités appliquées : " +
                             french_euros(penalties) + ".")));
    b.push_back(table({text("Engagement"), text("Statut"), text("Preuves reçues"), text("Pénalités appliquées"),
                       text("Plan de progrès")},
                      std::move(rows), {28, 10, 24, 19, 19}));
}

void insertion_section(std::vector<Block>& b, const Project& p, const Library& lib) {
    const bool planned = insertion_clause(p, lib) != nullptr;
    if (!planned && p.execution.insertion.empty()) return;
    b.push_back(fr_heading(1, "Heures d'insertion"));
    const double done = insertion_hours_done(p.execution);
    std::string line = "Heures réalisées : " + french_number(done, 0);
    if (planned) {
        const double hours = double(estimate_project_insertion(p).rounded_hours);
        line += " sur " + french_number(hours, 0) + " prévues" +
                (hours > 0 ? " (" + french_percent(std::round(done / hours * 1000) / 10) + ")" : "");
    }
    b.push_back(paragraph(fr(line + ".")));
    std::vector<std::vector<Inline>> rows;
    for (const InsertionDone& i : p.execution.insertion)
        rows.push_back({frtext(enum_label(i.who)), frtext(french_number(i.hours, 0)), frtext(date_label(i.date))});
    if (!rows.empty())
        b.push_back(table({text("Public"), text("Heures"), text("Relevé du facilitateur")}, std::move(rows), {50, 20, 30}));
}

void egalim_section(std::vector<Block>& b, const Project& p) {
    const Execution& e = p.execution;
    if (trim(e.egalim_period).empty()) return;
    b.push_back(fr_heading(1, "Parts EGalim atteintes"));
    b.push_back(bullet_list({labelled("Période", e.egalim_period),
                             labelled("Produits durables et de qualité", french_percent(e.egalim_quality_share) + " (minimum légal : 50 %)"),
                             labelled("dont produits biologiques", french_percent(e.egalim_organic_share) + " (minimum légal : 20 %)")}));
}

}  // namespace

void assemble_execution(Document& d, const Project& p, const Library& lib) {
    std::vector<Block>& b = d.blocks;
    b.push_back(paragraph(fr("Ce bilan rend compte de l'attribution du marché et de la tenue des engagements du plan de "
                             "suivi : il nourrit le bilan annuel du schéma de promotion des achats socialement et "
                             "écologiquement responsables (SPASER).")));
    execution_award_section(b, p);
    commitments_section(b, p, lib);
    insertion_section(b, p, lib);
    egalim_section(b, p);
    if (!trim(p.execution.closed_date).empty())
        b.push_back(paragraph(fr("Marché clos le " + date_label(p.execution.closed_date) + ".")));
}

}  // namespace clausier
