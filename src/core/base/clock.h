// clock.h — what the core asks of the clock: today's date, the time stamped on saved versions, and a
// monotonic clock for delays. Tests and the CLI may pin the date (CLAUSIER_TODAY=YYYY-MM-DD in the
// environment) so that "today" is reproducible.
#pragma once
#include "base/text.h"

namespace clausier {
Date today();
std::string now_iso();   // "2026-11-22T10:15:00Z" (UTC)
double monotonic_ms();   // milliseconds since an arbitrary start, never going back
}
