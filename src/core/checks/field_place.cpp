// The one map from the fields the checks name to the places of the app where they are fixed.
#include "checks/checks.h"
#include "law/insertion.h"

namespace clausier {

namespace {

struct FieldHome {
    const char* field;    // Finding::field
    Step step;
    const char* widget;
};
const FieldHome kFieldHomes[] = {
    {"advance_percent", Step::lots, "lots.advance_percent"},
    {"payment_days", Step::lots, "lots.payment_days"},
    {"buyer.spaser_adopted", Step::objectifs, "objectifs.spaser_adopted"},
    {"cpv", Step::besoin, "besoin.cpv_search"},
    {"insertion.facilitator", Step::clauses, "clauses.insertion.facilitator"},
};

// Rules fixed by adding a clause of a kind: the clause list filtered on it.
struct AddHome {
    const char* rule;
    ClauseFilter filter;
};
const AddHome kAddHomes[] = {
    {"art35-condition-environnementale", {Pillar::environnemental, ClauseKind::condition_execution}},
    {"art35-condition-sociale", {Pillar::social, ClauseKind::condition_execution}},
};

}  // namespace

FieldPlace field_place(const Finding& f, const Project& p, const Library& lib) {
    FieldPlace place;
    place.step = f.step;
    // A field already named from its step ("clauses.NET-E-001.taux") is the widget itself.
    place.widget = f.field.rfind(enum_name(f.step) + std::string("."), 0) == 0 ? f.field : f.where();
    for (const FieldHome& h : kFieldHomes)
        if (f.field == h.field) {
            place.step = h.step;
            place.widget = h.widget;
        }
    // The chosen clauses as a whole are fixed from the list of clauses to add (its first clause drawn).
    if (place.widget == "clauses.clauses") place.widget = "clauses.item.";
    for (const AddHome& h : kAddHomes)
        if (f.rule == h.rule) place.add_from = h.filter;
    if (f.field.rfind("clauses.", 0) == 0) place.clause = f.field.substr(8, f.field.find('.', 8) - 8);
    if (f.field == "insertion.facilitator")
        if (const ChosenClause* c = insertion_clause(p, lib)) place.clause = c->id;
    return place;
}

}  // namespace clausier
