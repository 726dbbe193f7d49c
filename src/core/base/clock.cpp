#include "base/clock.h"
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace clausier {

namespace {
std::tm utc_now() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#if defined(_WIN32)
    gmtime_s(&tm, &t);
#else
    gmtime_r(&t, &tm);
#endif
    return tm;
}
}  // namespace

Date today() {
    if (const char* pinned = std::getenv("CLAUSIER_TODAY")) {
        Date d = parse_date(pinned);
        if (d.valid()) return d;
    }
    const std::tm tm = utc_now();
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string now_iso() {
    const std::tm tm = utc_now();
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

double monotonic_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace clausier
