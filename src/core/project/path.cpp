#include "project/path.h"

namespace clausier {

namespace {
const EnumEntry<Step> kSteps[] = {
    {Step::besoin, "besoin", "Besoin"},
    {Step::sourcing, "sourcing", "Sourcing"},
    {Step::lots, "lots", "Lots et procédure"},
    {Step::objectifs, "objectifs", "Objectifs"},
    {Step::clauses, "clauses", "Clauses"},
    {Step::criteres, "criteres", "Critères"},
    {Step::suivi, "suivi", "Suivi"},
    {Step::consultation, "consultation", "Consultation"},
    {Step::verification, "verification", "Vérification"},
    {Step::export_documents, "export", "Export"}};
static_assert(sizeof kSteps / sizeof kSteps[0] == size_t(kStepCount), "one entry per step");
}  // namespace

template <> EnumNames<Step> enum_names<Step>() { return kSteps; }

std::string step_reference(Step s) { return "étape " + std::to_string(int(s) + 1) + " (" + enum_label(s) + ")"; }

}  // namespace clausier
