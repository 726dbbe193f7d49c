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

}  // namespace

void assemble_sourcing(Document& d, const Project& p) {
    std::vector<Block>& b = d.blocks;
    b.push_back(fr_heading(1, "Objet du sourcing"));
    b.push_back(paragraph(fr("Avant de lancer la consultation, l'acheteur a échangé avec des opérateurs économiques pour "
                             "connaître l'offre disponible et adapter son besoin (article R.2111-1 du code de la "
                             "commande publique). Les informations communiquées à l'un d'eux sont mises à la "
                             "disposition de tous dans le dossier de consultation ; aucun prix, aucune remise ni "
                             "aucune promesse d'attribution n'ont été discutés.")));
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
    }
}

}  // namespace clausier
