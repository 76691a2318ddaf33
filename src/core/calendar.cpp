#include "calendar.hpp"

#include <cstdio>
#include <limits>

namespace holdings {
namespace {
// Days from 1970-01-01 to 2000-01-01.
constexpr long kEpochOffset = 10957;
}  // namespace

// Howard Hinnant's civil-from-days and days-from-civil algorithms.
std::string format_day(Day day) {
    // PostgreSQL's infinite dates (DATEVAL_NOBEGIN, DATEVAL_NOEND).
    if (day == std::numeric_limits<Day>::max()) return "infinity";
    if (day == std::numeric_limits<Day>::min()) return "-infinity";
    long z = static_cast<long>(day) + kEpochOffset + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    return buf;
}

Day make_day(int year, unsigned month, unsigned day_of_month) {
    long y = year - (month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = month > 2 ? month - 3 : month + 9;
    long doy = (153 * mp + 2) / 5 + day_of_month - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<Day>(era * 146097 + doe - 719468 - kEpochOffset);
}

}  // namespace holdings

#include "pure.hpp"
