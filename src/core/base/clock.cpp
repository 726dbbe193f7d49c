#include "base/clock.h"
#include <cstdlib>
#include <ctime>

namespace clausier {

Date today() {
    if (const char* pinned = std::getenv("CLAUSIER_TODAY")) {
        Date d = parse_date(pinned);
        if (d.valid()) return d;
    }
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace clausier
