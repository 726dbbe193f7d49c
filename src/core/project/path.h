// path.h — the buyer's path: the ten steps of preparing a consultation, in order. A finding names the step
// where it is fixed, the app's stepper shows them, and their names are the step ids of rules.json, of the
// automation state and of the widget ids (docs/automation.md).
#pragma once
#include <string>
#include "base/enums.h"

namespace clausier {

// consultation: the settings of the consultation file (buyer, procedure, calendar, prices, CCAP terms).
enum class Step { besoin, sourcing, lots, objectifs, clauses, criteres, suivi, consultation, verification, export_documents, count };
template <> EnumNames<Step> enum_names<Step>();   // "besoin" … "export", labels "Besoin" … "Export"

constexpr int kStepCount = int(Step::count);

// How a text points the user to a step: « étape 9 (Vérification) », its number and label taken from the table,
// so that no message names a step by a number that a new step would make wrong.
std::string step_reference(Step s);

}  // namespace clausier
