#include "portfolio/spaser.h"
#include "base/number.h"
#include "base/text.h"
#include "document/assemble.h"
#include "document/assemble_decp.h"
#include "opendata/decp.h"
#include "project/award.h"
#include <optional>

namespace clausier {

namespace {

const EnumEntry<SpaserIndicator> kIndicators[] = {
    {SpaserIndicator::environmental, "environnemental", "marchés avec une considération environnementale"},
    {SpaserIndicator::social, "social", "marchés avec une considération sociale"},
    {SpaserIndicator::reserved, "reserve", "marchés comportant un lot réservé"},
    {SpaserIndicator::sme_friendly, "acces-pme", "marchés ouverts aux PME (allotis ou avec une clause d'accès des PME)"},
    {SpaserIndicator::insertion_hours, "heures-insertion", "heures d'insertion réalisées"},
    {SpaserIndicator::egalim_quality, "egalim-qualite", "produits durables et de qualité en restauration (EGalim)"},
    {SpaserIndicator::egalim_organic, "egalim-bio", "produits biologiques en restauration (EGalim)"}};
const EnumEntry<TargetUnit> kUnits[] = {
    {TargetUnit::contracts, "marches", "en nombre de marchés"},
    {TargetUnit::value, "valeur", "en valeur"},
    {TargetUnit::hours, "heures", "en heures"},
    {TargetUnit::percent, "pourcentage", "en part des achats"}};

// ---- reading: each field checked, the first problem named with its path ----
struct In {
    const json& j;
    std::string path;
    std::string& error;
    const json* at(const char* key) const {
        auto it = j.find(key);
        return it == j.end() || it->is_null() ? nullptr : &*it;
    }
    void fail(const char* key, const char* expected) {
        if (error.empty()) error = "Le champ « " + path + key + " » du SPASER devrait être " + expected + ".";
    }
    void text(const char* key, std::string& out) {
        if (const json* v = at(key)) { if (v->is_string()) out = v->get<std::string>(); else fail(key, "un texte"); }
    }
    void number(const char* key, double& out, double hi) {
        if (const json* v = at(key)) {
            if (v->is_number() && v->get<double>() >= 0 && v->get<double>() <= hi) out = v->get<double>();
            else fail(key, "un nombre positif");
        }
    }
    template <class E>
    void choice(const char* key, E& out) {
        const json* v = at(key);
        if (v && !(v->is_string() && parse_enum(v->get<std::string>(), out))) fail(key, enum_choices<E>().c_str());
    }
    // Each object of the array `key`, read by `read(In&, T&)`.
    template <class T, class F>
    void list(const char* key, std::vector<T>& out, F read) {
        const json* v = at(key);
        if (!v) return;
        if (!v->is_array()) return fail(key, "une liste");
        for (size_t i = 0; i < v->size() && error.empty(); ++i) {
            const std::string item = path + key + "[" + std::to_string(i + 1) + "].";
            if (!(*v)[i].is_object()) return fail(key, "une liste d'objets");
            In sub{(*v)[i], item, error};
            T t;
            read(sub, t);
            out.push_back(std::move(t));
        }
    }
};

void read_target(In& in, SpaserTarget& t) {
    in.choice("indicator", t.indicator);
    in.choice("unit", t.unit);
    in.number("target", t.target, 1e9);
    in.text("deadline", t.deadline);
}

void read_action(In& in, SpaserAction& a) {
    in.text("action", a.action);
    in.text("responsible", a.responsible);
}

void read_axis(In& in, SpaserAxis& a) {
    in.text("title", a.title);
    in.list("targets", a.targets, read_target);
    in.list("actions", a.actions, read_action);
}

double percent_tenths(double share) { return std::round(share * 1000) / 10; }

std::string figure_label(double v, TargetUnit unit) {
    return unit == TargetUnit::hours ? french_number(v, 0) + " h" : french_percent(std::round(v * 10) / 10);
}

std::string due_date_label(const std::string& iso) {
    const Date d = parse_date(iso);
    return d.valid() ? french_date(d) : trim(iso).empty() ? "non fixée" : iso;
}

std::string period(int year) { return year ? std::to_string(year) : "l'ensemble du portefeuille"; }

}  // namespace

template <> EnumNames<SpaserIndicator> enum_names<SpaserIndicator>() { return kIndicators; }
template <> EnumNames<TargetUnit> enum_names<TargetUnit>() { return kUnits; }

bool spaser_from_json(const json& j, Spaser& out, std::string& error) {
    if (!j.is_object()) {
        error = "Ce fichier n'est pas un SPASER Clausier : il ne contient pas d'objet JSON.";
        return false;
    }
    Spaser s;
    std::string problem;
    In in{j, "", problem};
    in.text("buyer", s.buyer);
    in.text("siret", s.siret);
    in.text("adopted", s.adopted);
    in.text("published", s.published);
    in.list("axes", s.axes, read_axis);
    if (!problem.empty()) {
        error = problem;
        return false;
    }
    out = std::move(s);
    return true;
}

json spaser_to_json(const Spaser& s) {
    json axes = json::array();
    for (const SpaserAxis& a : s.axes) {
        json targets = json::array(), actions = json::array();
        for (const SpaserTarget& t : a.targets)
            targets.push_back({{"indicator", enum_name(t.indicator)}, {"unit", enum_name(t.unit)},
                               {"target", number_json(t.target)}, {"deadline", t.deadline}});
        for (const SpaserAction& x : a.actions) actions.push_back({{"action", x.action}, {"responsible", x.responsible}});
        axes.push_back({{"title", a.title}, {"targets", targets}, {"actions", actions}});
    }
    return {{"format", "clausier-spaser"}, {"buyer", s.buyer}, {"siret", s.siret}, {"adopted", s.adopted}, {"published", s.published}, {"axes", axes}};
}

Spaser starter_spaser(const std::string& buyer, int year) {
    const std::string end = std::to_string(year) + "-12-31";
    Spaser s;
    s.buyer = buyer;
    s.axes.push_back({"Des achats qui réduisent leur empreinte environnementale",
                      {{SpaserIndicator::environmental, TargetUnit::contracts, 100, end}},
                      {{"Inscrire une condition d'exécution environnementale dans chaque marché", "Service de la commande publique"}}});
    s.axes.push_back({"Des achats qui favorisent l'emploi et l'inclusion",
                      {{SpaserIndicator::social, TargetUnit::contracts, 30, end}},
                      {{"Associer le facilitateur de clauses sociales à la programmation des achats", "Service de la commande publique"}}});
    return s;
}

bool load_spaser(const KeyValueStore& store, Spaser& out, std::string& error) {
    std::string text;
    if (!store.get(kSpaserStoreKey, text)) return false;
    const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return spaser_from_json(j, out, error);
}

StoreStatus save_spaser(KeyValueStore& store, const Spaser& s) {
    return store.set(kSpaserStoreKey, spaser_to_json(s).dump(2, ' ', false, json::error_handler_t::replace));
}

namespace {

// What a project lacks to serve `t`, "" when it serves it: the same item fields the portfolio counts.
std::string missing_for(const PortfolioItem& it, const SpaserTarget& t) {
    switch (t.indicator) {
    case SpaserIndicator::environmental:
        return it.considerations.environmental() ? "" : "aucune considération environnementale (condition d'exécution, spécification ou critère)";
    case SpaserIndicator::social:
        return it.considerations.social() ? "" : "aucune considération sociale (clause, critère ou lot réservé)";
    case SpaserIndicator::reserved: return it.reserved ? "" : "aucun lot réservé";
    case SpaserIndicator::sme_friendly: return it.sme_friendly ? "" : "ni allotissement ni clause facilitant l'accès des PME";
    case SpaserIndicator::insertion_hours: return it.insertion_planned > 0 ? "" : "aucune heure d'insertion prévue";
    case SpaserIndicator::egalim_quality:
    case SpaserIndicator::egalim_organic: break;
    }
    const Execution& e = it.source->project.execution;
    if (e.egalim_period.empty()) return "aucune part EGalim relevée à l'exécution";
    const double share = t.indicator == SpaserIndicator::egalim_quality ? e.egalim_quality_share : e.egalim_organic_share;
    return share >= t.target ? "" : "une part relevée à l'exécution de " + french_percent(share) + ", sous la cible";
}

// Whether `it` is in the base of `t`'s indicator (indicator_value), so that not serving it lowers the figure.
bool in_base(const PortfolioItem& it, const SpaserTarget& t) {
    switch (t.indicator) {
    case SpaserIndicator::insertion_hours: return false;   // a total of hours
    case SpaserIndicator::egalim_quality:
    case SpaserIndicator::egalim_organic: return !it.source->project.execution.egalim_period.empty();
    default: return t.unit != TargetUnit::value || it.value > 0;
    }
}

}  // namespace

std::vector<TargetStanding> project_spaser_standing(const Spaser& s, const Project& p, const Library& lib) {
    const std::vector<PortfolioProject> one = {{"", p}};
    const PortfolioSummary summary = summarize_portfolio(one, 0, lib);
    std::vector<TargetStanding> out;
    if (summary.items.empty()) return out;
    const PortfolioItem& it = summary.items[0];
    for (size_t i = 0; i < s.axes.size(); ++i)
        for (size_t j = 0; j < s.axes[i].targets.size(); ++j) {
            const SpaserTarget& t = s.axes[i].targets[j];
            TargetStanding st{s.axes[i].title, target_label(t), std::to_string(i + 1) + "." + std::to_string(j + 1), false, false,
                              missing_for(it, t)};
            st.served = st.missing.empty();
            st.pulls_down = !st.served && in_base(it, t);
            out.push_back(std::move(st));
        }
    return out;
}

std::string spaser_siret(const Spaser& s, std::string& problem) {
    problem.clear();
    if (trim(s.siret).empty()) problem = "le SPASER n'indique pas le SIRET de l'acheteur";
    else if (const std::string why = siret_problem(s.siret); !why.empty())
        problem = "le SIRET « " + trim(s.siret) + " » indiqué dans le SPASER n'est pas valide (" + why + ")";
    return problem.empty() ? siret_digits(s.siret) : "";
}

double indicator_value(const PortfolioSummary& s, SpaserIndicator indicator, TargetUnit unit) {
    const ShareCount* share = indicator == SpaserIndicator::environmental ? &s.environmental
                            : indicator == SpaserIndicator::social        ? &s.social
                            : indicator == SpaserIndicator::reserved      ? &s.reserved
                            : indicator == SpaserIndicator::sme_friendly  ? &s.sme_friendly
                                                                          : nullptr;
    if (share) return percent_tenths(unit == TargetUnit::value ? share->share_value : share->share_contracts);
    if (indicator == SpaserIndicator::insertion_hours) return s.insertion_done;
    return indicator == SpaserIndicator::egalim_quality ? s.egalim.quality_share : s.egalim.organic_share;
}

std::string target_label(const SpaserTarget& t) {
    if (t.unit == TargetUnit::hours) return french_number(t.target, 0) + " " + enum_label(t.indicator);
    return french_percent(t.target) + " " + (t.unit == TargetUnit::value ? "en valeur des " : "des ") + enum_label(t.indicator);
}

Document assemble_spaser(const Spaser& s) {
    Document d;
    d.title = "Schéma de promotion des achats socialement et écologiquement responsables";
    d.subtitle = fr(s.buyer);
    d.author = trim(s.buyer);
    d.date = iso_date(parse_date(s.adopted));
    if (!trim(s.siret).empty()) d.metadata.push_back({fr("SIRET de l'acheteur"), trim(s.siret)});
    d.metadata.push_back({"Adoption", s.adopted.empty() ? "projet non encore adopté" : fr(due_date_label(s.adopted))});
    if (!trim(s.published).empty()) d.metadata.push_back({"Publication", trim(s.published)});
    std::vector<Block>& b = d.blocks;
    b.push_back(paragraph(fr("Ce schéma fixe les objectifs d'achat socialement et écologiquement responsable de l'acheteur "
                             "(article L.2111-3 du code de la commande publique). Chaque axe porte des objectifs chiffrés et "
                             "datés, mesurés chaque année sur les marchés passés, et les actions qui y conduisent, avec "
                             "le service qui en répond.")));
    for (size_t i = 0; i < s.axes.size(); ++i) {
        const SpaserAxis& a = s.axes[i];
        b.push_back(fr_heading(1, "Axe " + std::to_string(i + 1) + " — " + trim(a.title)));
        std::vector<std::vector<Inline>> rows;
        for (const SpaserTarget& t : a.targets)
            rows.push_back({frtext(upper_first(target_label(t))), frtext(upper_first(enum_label(t.unit))), frtext(due_date_label(t.deadline))});
        if (!rows.empty()) b.push_back(table({text("Objectif"), text("Mesure"), text("Échéance")}, std::move(rows), {60, 20, 20}));
        std::vector<std::vector<Inline>> actions;
        for (const SpaserAction& x : a.actions)
            actions.push_back({frtext(x.action), frtext(trim(x.responsible).empty() ? "à désigner" : x.responsible)});
        if (!actions.empty()) b.push_back(table({text("Action"), text("Responsable")}, std::move(actions), {65, 35}));
    }
    b.push_back(fr_heading(1, "Suivi"));
    b.push_back(paragraph(fr("Les indicateurs sont calculés chaque année à partir des marchés de l'acheteur et de leurs données "
                             "essentielles ; un bilan annuel est présenté à l'assemblée délibérante et publié.")));
    return d;
}

namespace {

const char* const kFromDecp = "données essentielles publiées";
const char* const kFromProjects = "projets de ce navigateur";

// The buyer's own published records the report measures: the contracts of the SPASER's SIRET notified in `year`.
struct Published {
    std::optional<DecpStats> stats;   // set when the published data are used
    int year = 0;
    std::string siret;
    std::string why_not;              // French, when they are not: why
};

Published published_records(const Spaser& s, const DecpData* data, int year) {
    Published out;
    if (!data || !data->any_decp()) {
        out.why_not = "aucun fichier de données essentielles (DECP) n'a été importé (écran « Données essentielles » de "
                      "l'application, ou option --decp de la ligne de commande)";
        return out;
    }
    std::string problem;
    out.siret = spaser_siret(s, problem);
    if (out.siret.empty()) {
        out.why_not = problem + " ; c'est lui qui désigne les marchés de l'acheteur parmi les données importées (onglet « SPASER »)";
        return out;
    }
    DecpFilter f;
    f.buyer = out.siret;
    out.year = year;
    if (!year) {   // the latest year of notification among the buyer's records
        const DecpStats all = decp_stats(*data, f);
        out.year = all.by_year.empty() ? 0 : all.by_year.rbegin()->first;
    }
    const std::string whose = "aucun marché de l'acheteur de SIRET " + out.siret;
    if (!out.year) {
        out.why_not = whose + " n'a de date de notification dans les données importées (" + french_number(double(data->contracts.size()), 0) +
                      " marchés lus, d'autres acheteurs ou sans date)";
        return out;
    }
    f.from = {out.year, 1, 1};
    f.to = {out.year, 12, 31};
    DecpStats stats = decp_stats(*data, f);
    if (stats.contracts == 0) out.why_not = whose + " notifié en " + std::to_string(out.year) + " n'est dans les données importées";
    else out.stats = std::move(stats);
    return out;
}

double spend_ratio(double part, double whole) { return whole > 0 ? part / whole : 0; }

// The published figure of a target (percent), when the DECP carry its indicator: considerations only.
std::optional<double> published_value(const Published& pub, const SpaserTarget& t) {
    if (!pub.stats || (t.indicator != SpaserIndicator::environmental && t.indicator != SpaserIndicator::social)) return std::nullopt;
    if (t.unit != TargetUnit::contracts && t.unit != TargetUnit::value) return std::nullopt;
    const DecpTally& all = pub.stats->total;
    const bool env = t.indicator == SpaserIndicator::environmental;
    if (t.unit == TargetUnit::value) return percent_tenths(spend_ratio(env ? all.environmental_value : all.social_value, all.value));
    return percent_tenths(spend_ratio(double(env ? all.environmental : all.social), double(all.contracts)));
}

std::string national_target(const DecpStats& s, const char* indicator) {
    for (const DecpTarget& t : s.targets)
        if (t.indicator == indicator) return french_percent(percent_tenths(t.share)) + " (" + std::to_string(t.year) + ")";
    return "–";
}

// The buyer's published figures beside the portfolio's, each row naming its source, with the national targets.
void published_section(std::vector<Block>& b, const Published& pub, const PortfolioSummary& p, int year) {
    b.push_back(fr_heading(1, "Marchés publiés par l'acheteur (données essentielles)"));
    if (!pub.stats) {
        b.push_back(paragraph(fr("Les données essentielles publiées ne sont pas utilisées dans ce bilan : " + pub.why_not +
                                 ". Les chiffres de ce bilan viennent des seuls projets de ce navigateur.")));
        return;
    }
    const DecpStats& d = *pub.stats;
    std::vector<std::string> files;
    for (const DecpFileResult& f : d.files) files.push_back(f.name);
    b.push_back(paragraph(fr("Marchés de l'acheteur de SIRET " + pub.siret + " notifiés en " + std::to_string(pub.year) +
                             ", lus dans les données essentielles publiées (" + join(files) + "), mis en regard des projets de ce "
                             "navigateur (" + period(year) + "). Chaque chiffre indique sa source.")));
    // One line per indicator and source: its count, shares and value, read once for the table and the chart.
    struct Line {
        const char *what, *source, *bar;
        std::string contracts;
        double share_contracts, value, share_value;
        std::string target;
    };
    const DecpTally& t = d.total;
    const std::string n = std::to_string(p.items.size());
    const std::string env_target = national_target(d, "environmental"), soc_target = national_target(d, "social");
    const Line lines[] = {
        {"Considération environnementale", kFromDecp, "Environnement", decp_share_text(t.environmental, t.contracts),
         spend_ratio(double(t.environmental), double(t.contracts)), t.environmental_value, spend_ratio(t.environmental_value, t.value), env_target},
        {"Considération environnementale", kFromProjects, "Environnement", std::to_string(p.environmental.contracts) + " sur " + n,
         p.environmental.share_contracts, p.environmental.value, p.environmental.share_value, env_target},
        {"Considération sociale", kFromDecp, "Social", decp_share_text(t.social, t.contracts), spend_ratio(double(t.social), double(t.contracts)),
         t.social_value, spend_ratio(t.social_value, t.value), soc_target},
        {"Considération sociale", kFromProjects, "Social", std::to_string(p.social.contracts) + " sur " + n, p.social.share_contracts,
         p.social.value, p.social.share_value, soc_target}};
    std::vector<std::vector<Inline>> rows;
    std::vector<Bar> bars;
    for (const Line& l : lines) {
        rows.push_back({frtext(l.what), frtext(l.source), frtext(l.contracts), frtext(french_percent(percent_tenths(l.share_contracts))),
                        frtext(french_euros(std::round(l.value)) + " HT"), frtext(french_percent(percent_tenths(l.share_value))),
                        frtext(l.target)});
        bars.push_back({std::string(l.bar) + " — " + l.source, french_percent(percent_tenths(l.share_contracts)), l.share_contracts});
    }
    b.push_back(chart(fr("Part des marchés avec une considération, selon la source"), std::move(bars)));
    b.push_back(table({text("Indicateur"), text("Source"), text("Marchés"), text("Part des marchés"), text("Valeur"),
                       text("Part de la valeur"), text("Objectif national")},
                      std::move(rows), {20, 16, 14, 12, 16, 10, 12}));
    b.push_back(paragraph(fr("Données essentielles : " + decp_share_text(d.blank_considerations, t.contracts) +
                             " marchés dont les considérations ne sont pas renseignées (comptés sans considération) ; parts en "
                             "valeur sur les " + french_number(double(t.valued), 0) + " marchés dont le montant publié est fiable (" +
                             french_euros(std::round(t.value)) + " HT).")));
    append_decp_breakdowns(b, d, 2);
}

}  // namespace

Document assemble_spaser_report(const Spaser& s, const PortfolioSummary& p, int year, const DecpData* published) {
    const Published pub = published_records(s, published, year);
    Document d;
    d.title = "Bilan annuel du SPASER";
    d.subtitle = fr(s.buyer + (year ? " — année " + std::to_string(year) : ""));
    d.author = trim(s.buyer);
    d.date = year ? std::to_string(year) + "-12-31" : "";
    d.metadata.push_back({"Marchés pris en compte", std::to_string(p.items.size()) + " (" + kFromProjects + ")"});
    d.metadata.push_back({"Valeur totale", fr(french_euros(p.value) + " HT (" + kFromProjects + ")")});
    d.metadata.push_back({"Données essentielles publiées",
                          fr(pub.stats ? "utilisées : " + std::to_string(pub.stats->contracts) + " marchés de l'acheteur notifiés en " +
                                             std::to_string(pub.year)
                                       : "non utilisées (voir plus bas)")});
    std::vector<Block>& b = d.blocks;
    b.push_back(paragraph(fr("Ce bilan mesure les objectifs du schéma sur les marchés de " + period(year) +
                             ", à partir des clauses, critères et lots réservés de chaque projet et de son suivi d'exécution" +
                             (pub.stats ? ", et sur les marchés que l'acheteur a publiés dans ses données essentielles." : "."))));
    b.push_back(fr_heading(1, "Objectifs et résultats"));
    std::vector<std::vector<Inline>> rows;
    std::vector<Bar> bars;
    int met = 0, count = 0;
    for (const SpaserAxis& a : s.axes)
        for (const SpaserTarget& t : a.targets) {
            const double v = indicator_value(p, t.indicator, t.unit);
            const bool ok = v >= t.target;
            const std::optional<double> pv = published_value(pub, t);
            met += ok;
            ++count;
            rows.push_back({frtext(upper_first(target_label(t))), frtext(figure_label(v, t.unit)),
                            frtext(pv ? figure_label(*pv, t.unit) : "–"), frtext(figure_label(t.target, t.unit)),
                            frtext(ok ? "atteint" : "non atteint")});
            if (t.unit != TargetUnit::hours)
                bars.push_back({upper_first(enum_label(t.indicator)) + " (cible " + figure_label(t.target, t.unit) + ")",
                                figure_label(v, t.unit), v / 100});
        }
    b.push_back(paragraph(fr(counted(size_t(met), "objectif atteint", "objectifs atteints") + " sur " + std::to_string(count) + " (" + kFromProjects + ").")));
    if (!bars.empty()) b.push_back(chart(fr("Résultat de chaque objectif en pourcentage (projets de ce navigateur)"), std::move(bars)));
    bars.clear();
    b.push_back(table({text("Objectif"), text("Résultat (projets de ce navigateur)"), text("Résultat (données essentielles publiées)"),
                       text("Cible"), text("Appréciation")},
                      std::move(rows), {36, 16, 16, 14, 18}));

    b.push_back(fr_heading(1, "Indicateurs du portefeuille (projets de ce navigateur)"));
    Block indicators = table({text("Indicateur"), text("Marchés"), text("Part des marchés"), text("Part de la valeur")},
                             {}, {46, 14, 20, 20});
    const std::pair<const char*, const ShareCount*> shares[] = {
        {"Considération environnementale", &p.environmental}, {"Considération sociale", &p.social},
        {"Lot réservé", &p.reserved}, {"Accès des PME", &p.sme_friendly}};
    for (const auto& [label, c] : shares) {
        indicators.rows.push_back({frtext(label), frtext(std::to_string(c->contracts)), frtext(french_percent(percent_tenths(c->share_contracts))),
                                   frtext(french_percent(percent_tenths(c->share_value)))});
        bars.push_back({label, french_percent(percent_tenths(c->share_contracts)), c->share_contracts});
    }
    b.push_back(chart(fr("Part des marchés pour chaque indicateur"), std::move(bars)));
    b.push_back(std::move(indicators));
    b.push_back(paragraph(fr("Objectifs du plan national pour des achats durables : 100 % des marchés avec une considération "
                             "environnementale, 30 % avec une considération sociale.")));
    b.push_back(bullet_list({labelled("Heures d'insertion prévues", french_number(p.insertion_planned, 0) + " h"),
                             labelled("Heures d'insertion réalisées", french_number(p.insertion_done, 0) + " h"),
                             labelled("Marchés de restauration suivis (EGalim)", std::to_string(p.egalim.contracts) +
                                      (p.egalim.contracts ? " : " + french_percent(std::round(p.egalim.quality_share * 10) / 10) +
                                       " de produits durables et de qualité, dont " +
                                       french_percent(std::round(p.egalim.organic_share * 10) / 10) + " de bio" : ""))}));
    published_section(b, pub, p, year);
    if (!p.findings.empty()) {
        b.push_back(fr_heading(1, "Points d'attention"));
        std::vector<Inline> items;
        for (const Finding& f : p.findings) items.push_back(frtext(f.message));
        b.push_back(bullet_list(std::move(items)));
    }
    return d;
}

}  // namespace clausier
