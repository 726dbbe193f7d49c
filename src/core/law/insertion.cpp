#include "law/insertion.h"
#include "project/model.h"
#include "base/text.h"
#include <cmath>

namespace clausier {

namespace {

bool finite_in(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

std::string hours(double h) { return french_number(std::round(h), 0) + " heures"; }

std::string explain(const InsertionEstimate& e) {
    return "Sur " + french_euros(e.value) + " HT, la main-d'œuvre représente " + french_percent(e.labour_share) +
           ", soit " + french_euros(std::round(e.labour_cost)) + " HT. À un coût horaire moyen chargé de " +
           french_euros(e.hourly_cost) + ", cela correspond à environ " + hours(e.labour_hours) +
           " de travail. En réservant " + french_percent(e.rate) + " de ces heures à l'insertion, le volume à "
           "inscrire est d'environ " + hours(e.insertion_hours) + ". Ces hypothèses (part de main-d'œuvre, coût "
           "horaire, taux) sont des ordres de grandeur : ajustez-les avec le facilitateur de votre territoire, qui "
           "connaît les chantiers comparables et les publics disponibles.";
}

}  // namespace

InsertionEstimate estimate_insertion_hours(double value, double labour_share, double hourly_cost, double rate) {
    InsertionEstimate e;
    e.value = value;
    e.labour_share = labour_share;
    e.hourly_cost = hourly_cost;
    e.rate = rate;
    if (!finite_in(value, 0, 1e13) || value == 0) e.error = "Indiquez la valeur estimée du marché (en euros HT, supérieure à zéro).";
    else if (!finite_in(labour_share, 0, 100) || labour_share == 0) e.error = "La part de main-d'œuvre doit être comprise entre 0 et 100 % (et non nulle).";
    else if (!finite_in(hourly_cost, 0, 1e6) || hourly_cost < 1) e.error = "Le coût horaire moyen doit être d'au moins 1 € de l'heure.";
    else if (!finite_in(rate, 0, 100)) e.error = "Le taux d'insertion doit être compris entre 0 et 100 %.";
    if (!e.error.empty()) return e;
    e.labour_cost = value * labour_share / 100.0;
    e.labour_hours = e.labour_cost / hourly_cost;
    e.insertion_hours = e.labour_hours * rate / 100.0;
    e.rounded_hours = std::llround(e.insertion_hours);
    e.valid = true;
    e.explanation = explain(e);
    return e;
}

bool serves_insertion(const Clause& c) { return contains(c.goals, "insertion"); }

bool is_insertion_clause(const Clause& c) { return c.kind == ClauseKind::condition_execution && serves_insertion(c); }

const ChosenClause* insertion_clause(const Project& p, const Library& lib) {
    for (const ChosenClause& c : p.clauses)
        if (const Clause* k = lib.find(c.id); k && is_insertion_clause(*k)) return &c;
    return nullptr;
}

InsertionEstimate estimate_project_insertion(const Project& p, int lot) {
    const double value = lot > 0 && size_t(lot) <= p.lots.size() ? p.lots[size_t(lot) - 1].value * renewal_factor(p.need)
                                                                   : total_estimated_value(p);
    const Insertion& in = p.insertion;
    return estimate_insertion_hours(value, in.labour_share, in.hourly_cost, in.rate);
}

}  // namespace clausier
