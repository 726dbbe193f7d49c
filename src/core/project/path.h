// path.h — the buyer's path: the nine steps of preparing a consultation, in order. A finding names the step
// where it is fixed, the app's stepper shows them, and their names are the step ids of rules.json, of the
// automation state and of the widget ids (docs/automation.md).
#pragma once
#include "base/enums.h"

namespace clausier {

enum class Step { besoin, sourcing, lots, objectifs, clauses, criteres, suivi, verification, export_documents, count };
template <> EnumNames<Step> enum_names<Step>();   // "besoin" … "export", labels "Besoin" … "Export"

constexpr int kStepCount = int(Step::count);

}  // namespace clausier
