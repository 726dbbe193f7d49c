// The report « Indicateurs des données essentielles » and the list of renewals, from DECP indicators
// (opendata/decp.h). Figures are given in tables; the HTML writer also draws the shares as bar charts.
#include "document/assemble_decp.h"
#include "document/assemble.h"
#include "base/number.h"
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace clausier {

namespace {

std::string count_text(size_t n) { return french_number(double(n), 0); }
double count_ratio(size_t part, size_t whole) { return whole ? double(part) / double(whole) : 0; }
std::string percent_text(double share) { return french_percent(std::round(share * 1000) / 10); }
std::string euros_text(double v) { return french_euros(std::round(v)) + " HT"; }
Inline table_cell(const std::string& s) { return frtext(s); }
std::vector<Inline> cells(std::initializer_list<std::string> values) {
    std::vector<Inline> out;
    for (const std::string& v : values) out.push_back(table_cell(v));
    return out;
}

std::string selection_label(const DecpStats& s) {
    std::vector<std::string> parts;
    if (!s.filter.buyer.empty()) parts.push_back((s.filter.buyer.size() == 9 ? "acheteur de SIREN " : "acheteur de SIRET ") + s.filter.buyer);
    if (!s.filter.departement.empty()) parts.push_back("lieu d'exécution dans le département " + s.filter.departement);
    if (s.filter.from.valid()) parts.push_back("notifiés à partir du " + french_date(s.filter.from));
    if (s.filter.to.valid()) parts.push_back("notifiés jusqu'au " + french_date(s.filter.to));
    return parts.empty() ? "tous les marchés lus" : join(parts, " ; ");
}

void metadata(Document& d, const DecpStats& s) {
    std::vector<std::string> files;
    for (const DecpFileResult& f : s.files) files.push_back(f.name);
    d.metadata.push_back({"Fichiers lus", files.empty() ? "aucun" : join(files)});
    d.metadata.push_back({"Sélection", fr(selection_label(s))});
    d.metadata.push_back({"Calculé le", french_date(s.today)});
    d.date = s.today.valid() ? iso_date(s.today) : "";
    d.author = "Clausier";
}

// The environmental and social shares of a breakdown (year, family, procedure), as one table and two charts.
template <class Key>
void breakdown(std::vector<Block>& b, const std::string& what, const std::string& column, const std::map<Key, DecpTally>& rows,
               const std::function<std::string(const Key&)>& label, const std::vector<DecpTarget>& targets) {
    std::vector<std::vector<Inline>> table_rows;
    std::vector<Bar> env, soc;
    for (const auto& [key, t] : rows) {
        const std::string name = label(key);
        table_rows.push_back(cells({name, count_text(t.contracts), euros_text(t.value), decp_share_text(t.environmental, t.contracts),
                                    decp_share_text(t.social, t.contracts), count_text(t.blank)}));
        env.push_back({name, percent_text(count_ratio(t.environmental, t.contracts)), count_ratio(t.environmental, t.contracts)});
        soc.push_back({name, percent_text(count_ratio(t.social, t.contracts)), count_ratio(t.social, t.contracts)});
    }
    if (table_rows.empty()) {
        b.push_back(paragraph(fr("Aucun marché de la sélection ne peut être classé ainsi.")));
        return;
    }
    auto target_of = [&](const char* indicator) -> const DecpTarget* {
        for (const DecpTarget& t : targets) if (t.indicator == indicator) return &t;
        return nullptr;
    };
    for (const char* indicator : {"environmental", "social"}) {
        const bool is_env = std::string(indicator) == "environmental";
        const DecpTarget* t = target_of(indicator);
        b.push_back(chart(fr(std::string("Part des marchés avec une considération ") + (is_env ? "environnementale" : "sociale") +
                             ", " + what),
                          is_env ? env : soc, t ? t->share : -1,
                          t ? fr("Objectif national " + std::to_string(t->year) + " : " + percent_text(t->share)) : ""));
    }
    b.push_back(table(cells({column, "Marchés", "Valeur", "Considération environnementale", "Considération sociale", "Non renseignées"}),
                      std::move(table_rows), {24, 10, 18, 18, 18, 12}));
}

void summary(std::vector<Block>& b, const DecpStats& s) {
    const DecpTally& t = s.total;
    b.push_back(fr_heading(1, "Synthèse"));
    b.push_back(paragraph(fr(counted(s.records, "enregistrement lu", "enregistrements lus") + ", " +
                             counted(s.contracts, "marché retenu", "marchés retenus") + " dans la sélection (" +
                             counted(s.duplicates, "publication en double fusionnée", "publications en double fusionnées") + ", " +
                             counted(s.set_aside, "enregistrement écarté", "enregistrements écartés") + "). Valeur totale : " +
                             euros_text(t.value) + ", sur " + counted(t.valued, "marché dont le montant est fiable.", "marchés dont le montant est fiable."))));
    std::vector<std::vector<Inline>> rows;
    rows.push_back(cells({"Considération environnementale", decp_share_text(t.environmental, t.contracts),
                          euros_text(t.environmental_value), t.value > 0 ? percent_text(t.environmental_value / t.value) : "–"}));
    rows.push_back(cells({"Considération sociale", decp_share_text(t.social, t.contracts), euros_text(t.social_value),
                          t.value > 0 ? percent_text(t.social_value / t.value) : "–"}));
    rows.push_back(cells({"Considérations non renseignées", decp_share_text(s.blank_considerations, t.contracts), "", ""}));
    b.push_back(table(cells({"Indicateur", "Marchés", "Valeur", "Part de la valeur"}), std::move(rows), {34, 26, 22, 18}));
}

void targets(std::vector<Block>& b, const DecpStats& s) {
    b.push_back(fr_heading(1, "Objectifs nationaux"));
    if (s.targets.empty()) {
        b.push_back(paragraph(fr("Aucun objectif national n'est connu de cette version.")));
        return;
    }
    b.push_back(paragraph(fr("Les objectifs du plan national pour des achats durables portent sur les contrats notifiés "
                             "pendant l'année qu'ils visent ; la part mesurée sur toute la sélection est donnée pour comparaison. "
                             "Ce ne sont pas des obligations juridiques, mais la mesure attendue de chaque acheteur.")));
    std::vector<std::vector<Inline>> rows;
    std::vector<Bar> bars;
    for (const DecpTarget& t : s.targets) {
        const std::string in_year = t.measured_in_year_known ? percent_text(t.measured_in_year) : "aucun marché notifié en " + std::to_string(t.year);
        rows.push_back(cells({t.label, percent_text(t.share) + " en " + std::to_string(t.year), in_year, percent_text(t.measured)}));
        const std::string short_label = t.indicator == "environmental" ? "Environnement" : "Social";
        bars.push_back({short_label + " — objectif " + std::to_string(t.year), percent_text(t.share), t.share});
        bars.push_back({short_label + " — mesuré en " + std::to_string(t.year), t.measured_in_year_known ? percent_text(t.measured_in_year) : "–",
                        t.measured_in_year});
    }
    b.push_back(chart(fr("Objectifs nationaux et parts mesurées"), std::move(bars)));
    b.push_back(table(cells({"Objectif", "Cible", "Mesuré l'année visée", "Mesuré sur la sélection"}), std::move(rows), {40, 18, 22, 20}));
    std::vector<Inline> sources;
    for (const DecpTarget& t : s.targets) sources.push_back(frtext(t.source));
    b.push_back(note(std::move(sources)));
}

void blanks(std::vector<Block>& b, const DecpStats& s) {
    b.push_back(fr_heading(1, "Considérations non renseignées"));
    b.push_back(paragraph(fr("Un marché dont le champ n'est pas rempli n'est compté ni comme ayant une considération, ni comme "
                             "n'en ayant pas : il est compté à part. Les fichiers au format antérieur à 2022 n'ont pas ces champs.")));
    b.push_back(table(cells({"Champ", "Marchés non renseignés"}),
                      {cells({"Considérations environnementales", decp_share_text(s.blank_environmental, s.contracts)}),
                       cells({"Considérations sociales", decp_share_text(s.blank_social, s.contracts)}),
                       cells({"L'un ou l'autre", decp_share_text(s.blank_considerations, s.contracts)})},
                      {60, 40}));
}

void execution(std::vector<Block>& b, const DecpStats& s) {
    b.push_back(fr_heading(1, "Concurrence, avances et sous-traitance"));
    const std::string median = s.offers_known ? french_number(s.median_offers, 1) : "–";
    b.push_back(table(cells({"Indicateur", "Valeur", "Marchés où le champ est connu"}),
                      {cells({"Nombre médian d'offres reçues", median, count_text(s.offers_known)}),
                       cells({"Marchés n'ayant reçu qu'une offre", decp_share_text(s.single_offer, s.offers_known), count_text(s.offers_known)}),
                       cells({"Avance accordée", decp_share_text(s.advance_granted, s.advance_known), count_text(s.advance_known)}),
                       cells({"Sous-traitance déclarée", decp_share_text(s.subcontracting_declared, s.subcontracting_known),
                              count_text(s.subcontracting_known)})},
                      {46, 30, 24}));
    if (s.offers_known) {
        const double single = count_ratio(s.single_offer, s.offers_known);
        b.push_back(chart(fr("Concurrence, avances et sous-traitance"),
                          {{"Une seule offre", percent_text(single), single},
                           {"Avance accordée", percent_text(count_ratio(s.advance_granted, s.advance_known)), count_ratio(s.advance_granted, s.advance_known)},
                           {"Sous-traitance déclarée", percent_text(count_ratio(s.subcontracting_declared, s.subcontracting_known)),
                            count_ratio(s.subcontracting_declared, s.subcontracting_known)}}));
    }
}

std::vector<std::vector<Inline>> renewal_rows(const DecpStats& s, size_t limit) {
    std::vector<std::vector<Inline>> rows;
    for (const DecpRenewal& r : s.renewals) {
        if (rows.size() == limit) break;
        const DecpContract& c = *r.contract;
        rows.push_back(cells({french_date(c.end), r.detail->object.empty() ? "(objet non publié)" : r.detail->object,
                              r.family ? r.family->label : "–", c.value_trusted ? euros_text(c.value) : "non fiable",
                              *r.buyer, c.departement[0] ? std::string(c.departement) : "–"}));
    }
    return rows;
}

Block renewal_table(const DecpStats& s, size_t limit) {
    return table(cells({"Fin prévue", "Objet", "Famille", "Montant", "Acheteur (SIRET)", "Dép."}), renewal_rows(s, limit),
                 {14, 32, 16, 14, 16, 8});
}

void renewals(std::vector<Block>& b, const DecpStats& s) {
    constexpr size_t kShown = 30;
    b.push_back(fr_heading(1, "Marchés à renouveler"));
    b.push_back(paragraph(fr(counted(s.renewals.size(), "marché de la sélection arrive", "marchés de la sélection arrivent") + " à échéance entre le " + french_date(s.today) +
                             " et le " + french_date(s.renewal_until) + " (date de notification plus durée, avenants compris)." +
                             (s.renewals.size() > kShown ? " Les " + std::to_string(kShown) + " plus proches sont listés ; la liste complète "
                                                           "s'exporte en CSV." : ""))));
    if (!s.renewals.empty()) b.push_back(renewal_table(s, kShown));
}

void quality(std::vector<Block>& b, const DecpStats& s) {
    b.push_back(fr_heading(1, "Qualité des données"));
    b.push_back(paragraph(fr(counted(s.problems_total, "problème relevé", "problèmes relevés") + " dans les fichiers. Chaque enregistrement est compté "
                             "ou écarté avec sa raison ; une valeur douteuse (montant aberrant, durée en jours…) est tenue "
                             "hors des sommes qu'elle fausserait.")));
    std::vector<std::pair<std::string, size_t>> fields(s.problems_by_field.begin(), s.problems_by_field.end());
    std::stable_sort(fields.begin(), fields.end(), [](const auto& a, const auto& z) { return a.second > z.second; });
    std::vector<std::vector<Inline>> rows;
    for (const auto& [field, n] : fields) rows.push_back(cells({field, count_text(n)}));
    if (!rows.empty()) b.push_back(table(cells({"Champ", "Problèmes"}), std::move(rows), {70, 30}));
    std::vector<Inline> files;
    for (const DecpFileResult& f : s.files)
        if (!f.message.empty()) files.push_back(labelled(f.name, f.message));
    if (!files.empty()) b.push_back(bullet_list(std::move(files)));
}

void method(std::vector<Block>& b) {
    b.push_back(fr_heading(1, "Méthode"));
    b.push_back(bullet_list({
        frtext("Un marché a une considération environnementale (sociale) lorsque son champ en déclare une autre que « pas de "
               "considération » : clause, critère ou, pour le social, marché réservé."),
        frtext("Les parts en nombre portent sur tous les marchés de la sélection ; les parts en valeur sur les seuls montants fiables."),
        frtext("Un marché republié (après avenant, ou par deux plateformes) n'est compté qu'une fois, dans son dernier état."),
        frtext("La famille d'achat vient du code CPV, avec la table des familles de Clausier ; la fin d'un marché est sa date de "
               "notification plus sa durée, avenants compris."),
    }));
}

}  // namespace

void append_decp_breakdowns(std::vector<Block>& b, const DecpStats& s, int level) {
    b.push_back(fr_heading(level, "Par famille d'achat"));
    breakdown<std::string>(b, "par famille d'achat", "Famille", s.by_family, [&](const std::string& id) { return decp_family_label(s, id); }, {});
    b.push_back(fr_heading(level, "Par procédure"));
    breakdown<DecpProcedure>(b, "par procédure", "Procédure", s.by_procedure, [](const DecpProcedure& p) { return std::string(decp_procedure_label(p)); }, {});
}

Document assemble_decp_report(const DecpStats& s) {
    Document d;
    d.title = fr("Indicateurs des données essentielles");
    d.subtitle = fr("Achats responsables mesurés sur les marchés publiés (DECP)");
    metadata(d, s);
    std::vector<Block>& b = d.blocks;
    summary(b, s);
    targets(b, s);
    b.push_back(fr_heading(1, "Par année de notification"));
    breakdown<int>(b, "par année de notification", "Année", s.by_year, [](const int& y) { return std::to_string(y); }, s.targets);
    append_decp_breakdowns(b, s, 1);
    blanks(b, s);
    execution(b, s);
    renewals(b, s);
    quality(b, s);
    method(b);
    return d;
}

Document assemble_decp_renewals(const DecpStats& s) {
    Document d;
    d.title = fr("Marchés susceptibles d'être relancés");
    d.subtitle = fr("Échéances du " + french_date(s.today) + " au " + french_date(s.renewal_until));
    metadata(d, s);
    d.blocks.push_back(paragraph(fr(counted(s.renewals.size(), "marché arrive", "marchés arrivent") + " à échéance dans la période (date de notification "
                                    "plus durée, avenants compris), d'après les données essentielles publiées. Une échéance ne dit "
                                    "pas que le marché sera relancé : l'acheteur peut le reconduire, le regrouper ou y renoncer.")));
    if (!s.renewals.empty()) d.blocks.push_back(renewal_table(s, s.renewals.size()));
    return d;
}

}  // namespace clausier
