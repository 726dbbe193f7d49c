// The sourcing minutes: every exchange with operators before the consultation (R.2111-1), what was shared,
// and the rule of equal information, as a record the buyer files with the procedure.
#include "document/assemble.h"

namespace clausier {

namespace {

const char* channel_label(std::string_view c) {
    if (c == "reunion") return "réunion";
    if (c == "telephone") return "téléphone";
    if (c == "courriel") return "courriel";
    if (c == "salon") return "salon ou visite";
    if (c == "questionnaire") return "questionnaire public";
    return "autre";
}

// The findings of the checks on the notes of exchange `i` ("sourcing[i+1]…" fields).
std::vector<const Finding*> findings_of(const std::vector<Finding>& findings, size_t i) {
    const std::string field = "sourcing[" + std::to_string(i + 1) + "]";
    std::vector<const Finding*> out;
    for (const Finding& f : findings)
        if (f.step == Step::sourcing && f.field.rfind(field, 0) == 0) out.push_back(&f);
    return out;
}

}  // namespace

void assemble_sourcing(Document& d, const Project& p, const std::vector<Finding>& findings) {
    std::vector<Block>& b = d.blocks;
    bool flagged = false;
    for (size_t i = 0; i < p.sourcing.size(); ++i) flagged = flagged || !findings_of(findings, i).empty();
    b.push_back(fr_heading(1, "Objet du sourcing"));
    b.push_back(paragraph(fr("Avant de lancer la consultation, l'acheteur a échangé avec des opérateurs économiques pour "
                             "connaître l'offre disponible et adapter son besoin (article R.2111-1 du code de la "
                             "commande publique). Les informations communiquées à l'un d'eux sont mises à la "
                             "disposition de tous dans le dossier de consultation.")));
    b.push_back(paragraph(fr(flagged
        ? "Les notes de certains échanges appellent une observation : elle figure sous l'échange concerné, avec la suite "
          "que l'acheteur lui a donnée."
        : "Les notes des échanges ne font état d'aucun prix, d'aucune remise ni d'aucune promesse d'attribution.")));
    b.push_back(fr_heading(1, "Échanges"));
    if (p.sourcing.empty()) b.push_back(paragraph(fr("Aucun échange n'a été consigné.")));
    for (size_t i = 0; i < p.sourcing.size(); ++i) {
        const SourcingContact& s = p.sourcing[i];
        const Date date = parse_date(s.date);
        const std::string who = trim(s.operator_name).empty() ? "opérateur non renseigné" : trim(s.operator_name);
        b.push_back(fr_heading(2, "Échange " + std::to_string(i + 1) + " — " + who));
        std::vector<Inline> facts;
        add_fact(facts, "Date", date.valid() ? french_date(date) : s.date);
        add_fact(facts, "Canal", channel_label(s.channel));
        add_text_fact(facts, "Informations communiquées", s.shared);
        b.push_back(bullet_list(std::move(facts)));
        add_text(b, s.notes);
        const auto flags = findings_of(findings, i);
        if (flags.empty()) continue;
        std::vector<Inline> obs;
        for (const Finding* f : flags) obs.push_back(labelled("Observation", f->message));
        b.push_back(bullet_list(std::move(obs)));
        b.push_back(to_complete("l'acheteur", "la suite donnée à cette observation (information de tous les opérateurs, "
                                               "éléments écartés du dossier, échange à ne pas renouveler)."));
    }
}

}  // namespace clausier
