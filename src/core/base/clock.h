// clock.h — today's date, the one thing the core asks of the clock. Tests and the CLI may pin it
// (CLAUSIER_TODAY=YYYY-MM-DD in the environment) so that "today" is reproducible.
#pragma once
#include "base/text.h"

namespace clausier {
Date today();
}
