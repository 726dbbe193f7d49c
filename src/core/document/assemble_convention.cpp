// The draft « Convention constitutive du groupement de commandes » (L.2113-6 to L.2113-8): the last part of the
// consultation file of a groupement, for its members only. It names the members with their needs, the
// coordinator and its mission, the members' obligations and responsibility, and marks what they must settle.
#include "document/assemble.h"

namespace clausier {

namespace {

using Blocks = std::vector<Block>;

Block members_todo(std::string_view what) { return to_complete("les membres du groupement", what); }

// What the coordinator does, by its mission (L.2113-7).
std::string mission_text(CoordinatorMission m) {
    const std::string run = "Le coordonnateur prépare et conduit la procédure de passation au nom et pour le compte de "
                            "l'ensemble des membres : il rassemble les besoins, rédige le dossier de consultation, assure "
                            "la publicité, reçoit et analyse les candidatures et les offres, et informe les candidats "
                            "dont l'offre n'est pas retenue.";
    switch (m) {
    case CoordinatorMission::passation:
        return run + " Chaque membre signe et notifie ensuite le marché pour la part qui le concerne, puis en assure "
                     "l'exécution.";
    case CoordinatorMission::signature:
        return run + " Il signe et notifie le marché au nom de tous les membres. Chaque membre en assure ensuite "
                     "l'exécution pour ses propres besoins : commandes, vérification des prestations et paiement.";
    case CoordinatorMission::execution: break;
    }
    return run + " Il signe et notifie le marché, puis en assure l'exécution au nom et pour le compte de tous les "
                 "membres : commandes, vérification des prestations, application des pénalités, paiement du titulaire. "
                 "Chaque membre lui rembourse la part des dépenses qui correspond à ses besoins.";
}

// One row per member: the buyer of the project (its need is the lots) first, then the others, then the total.
Block members_table(const Project& p, const ProjectFacts& f) {
    double own = 0;
    std::vector<std::string> lots;
    for (const Lot& l : p.lots) {
        own += l.value;
        if (!trim(l.title).empty()) lots.push_back(trim(l.title));
    }
    std::vector<std::vector<Inline>> rows;
    rows.push_back({frtext(or_gap(p.buyer.name, "nom de l'acheteur")), frtext(lots.empty() ? or_gap(p.need.object, "besoin") : join(lots, " ; ")),
                    frtext(french_euros(own) + " HT")});
    for (const Member& m : p.need.members)
        rows.push_back({frtext(or_gap(m.name, "nom du membre")), frtext(or_gap(m.need, "besoin du membre")),
                        frtext(m.value > 0 ? french_euros(m.value) + " HT" : or_gap("", "valeur estimée"))});
    rows.push_back({frtext("Total du groupement"), {}, frtext(french_euros(f.initial) + " HT")});
    return table({text("Membre"), text("Besoin"), text("Valeur estimée, durée initiale")}, std::move(rows), {4, 5, 3});
}

}  // namespace

void assemble_convention(Blocks& b, const Project& p, const ProjectFacts& f) {
    const Coordinator& c = p.need.coordinator;
    b.push_back(heading(1, fr("Convention constitutive du groupement de commandes (projet)")));
    b.push_back(paragraph(fr("Projet établi à partir du dossier de consultation. Chaque membre le fait approuver par son "
                             "assemblée délibérante ou l'autorité compétente et le signe avant le lancement de la "
                             "consultation. Cette pièce lie les membres entre eux : elle n'est pas remise aux candidats.")));
    const size_t first = b.size();

    b.push_back(fr_heading(2, "Objet de la convention"));
    b.push_back(paragraph(fr("En application des articles L.2113-6 à L.2113-8 du code de la commande publique, les "
                             "membres désignés à l'article 2 constituent un groupement de commandes pour passer ensemble "
                             "le marché ayant pour objet : « " + or_gap(p.need.object, "objet du marché") + " ».")));

    b.push_back(fr_heading(2, "Membres du groupement et besoins de chacun"));
    b.push_back(members_table(p, f));
    b.push_back(paragraph(fr("La valeur estimée du marché additionne les besoins de tous les membres et détermine la "
                             "procédure : " + french_euros(f.total) + " HT pour " + f.duration_label + ".")));

    b.push_back(fr_heading(2, "Coordonnateur"));
    b.push_back(bullet_list({labelled("Coordonnateur", or_gap(c.name, "nom du coordonnateur")),
                             labelled("SIRET", or_gap(c.siret, "numéro SIRET du coordonnateur")),
                             labelled("Mission", enum_label(c.mission))}));

    b.push_back(fr_heading(2, "Mission du coordonnateur"));
    b.push_back(paragraph(fr(mission_text(c.mission))));

    b.push_back(fr_heading(2, "Engagements des membres"));
    b.push_back(paragraph(fr("Chaque membre transmet au coordonnateur la définition et l'estimation de ses besoins dans "
                             "le délai que celui-ci fixe, désigne un interlocuteur chargé du suivi et s'engage à conclure "
                             "le marché à hauteur des besoins qu'il a déclarés.")));

    b.push_back(fr_heading(2, "Responsabilité des membres"));
    b.push_back(paragraph(fr("Les membres sont solidairement responsables des seules opérations de passation ou "
                             "d'exécution menées conjointement en leur nom et pour leur compte. Chacun reste seul "
                             "responsable des opérations qu'il conduit en son nom propre (article L.2113-8).")));

    b.push_back(fr_heading(2, "Attribution du marché"));
    b.push_back(members_todo("l'instance qui choisit l'attributaire (pour une procédure formalisée entre collectivités "
                     "territoriales, la commission d'appel d'offres prévue par le code général des collectivités "
                     "territoriales)"));

    b.push_back(fr_heading(2, "Frais du groupement"));
    b.push_back(members_todo("la répartition entre les membres des frais de la procédure (publicité, reproduction, conseil), "
                     "ou leur prise en charge par le coordonnateur"));

    b.push_back(fr_heading(2, "Durée, adhésion et retrait"));
    b.push_back(paragraph(fr("La convention prend effet à sa signature par tous les membres et prend fin à l'expiration "
                             "du marché, reconductions comprises. Un membre ne peut se retirer du groupement avant la "
                             "notification du marché ; l'adhésion d'un nouveau membre demande un avenant à la convention, "
                             "conclu avant le lancement de la consultation.")));

    b.push_back(fr_heading(2, "Litiges"));
    b.push_back(paragraph(fr("Les membres recherchent d'abord un accord amiable. À défaut, le litige est porté devant le "
                             "tribunal administratif dans le ressort duquel le coordonnateur a son siège.")));

    b.push_back(fr_heading(2, "Signatures"));
    std::vector<std::vector<Inline>> rows = {{frtext(or_gap(p.buyer.name, "nom de l'acheteur")), {}, {}}};
    for (const Member& m : p.need.members) rows.push_back({frtext(or_gap(m.name, "nom du membre")), {}, {}});
    b.push_back(table({text("Membre"), text("Nom et qualité du signataire"), text("Lieu, date et signature")}, std::move(rows), {4, 4, 4}));
    number_articles(b, first);
}

}  // namespace clausier
