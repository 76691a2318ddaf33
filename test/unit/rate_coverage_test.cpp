// Rate-set coverage: require_rate never bridges more than max_gap_days, and its
// errors carry a hint naming the first or last date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "error.hpp"
#include "fx.hpp"

using namespace holdings;

namespace {
Rate rate(const std::string& s) { return parse_rate(s.data(), s.size()); }

struct Set {
    std::vector<Day> dates{make_day(2020, 1, 31), make_day(2020, 2, 29)};
    std::vector<Rate> rates{rate("100"), rate("150")};
    std::vector<RateSeries> series{{pack_code('J', 'P', 'Y'), dates.data(), rates.data(), 2}};
    RateTable table{"test", series.data(), series.size()};
};

std::string failure(const RateTable& t, CurrencyCode c, Day d, std::string* hint) {
    try {
        require_rate(t, c, d);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::no_fx_rate);
        *hint = e.hint();
        return e.what();
    }
    return "";
}
}  // namespace

TEST(RateCoverage, NoLimitByDefault) {
    Set s;
    EXPECT_EQ(s.table.max_gap_days, -1);
    EXPECT_EQ(require_rate(s.table, pack_code('J', 'P', 'Y'), make_day(2090, 1, 1)).mantissa(), 150u);
}

TEST(RateCoverage, GapLimitAndHints) {
    Set s;
    s.table.max_gap_days = 31;
    CurrencyCode jpy = pack_code('J', 'P', 'Y');
    EXPECT_EQ(require_rate(s.table, jpy, make_day(2020, 3, 31)).mantissa(), 150u);  // 31 days
    std::string hint;
    EXPECT_EQ(failure(s.table, jpy, make_day(2020, 4, 1), &hint),
              "no exchange rate for JPY within 31 days before 2020-04-01 in rate set \"test\"");
    EXPECT_NE(hint.find("The last JPY rate in rate set \"test\" is dated 2020-02-29"), std::string::npos) << hint;
    EXPECT_EQ(failure(s.table, jpy, make_day(2020, 1, 30), &hint),
              "no exchange rate for JPY on or before 2020-01-30 in rate set \"test\"");
    EXPECT_EQ(hint, "The first JPY rate in rate set \"test\" is dated 2020-01-31, the last 2020-02-29.");
    failure(s.table, pack_code('E', 'U', 'R'), make_day(2020, 2, 1), &hint);
    EXPECT_EQ(hint, "Rate set \"test\" has no EUR rates.");
    // USD is always 1, whatever the limit.
    EXPECT_EQ(require_rate(s.table, pack_code('U', 'S', 'D'), make_day(1900, 1, 1)).mantissa(), 1u);
}

// PostgreSQL's infinite dates are named as such (0.2.0 printed 5881610-07-11),
// and a gap to infinity from a rate before 2000 does not overflow.
TEST(RateCoverage, InfiniteDates) {
    Set s;
    s.table.max_gap_days = 31;
    CurrencyCode jpy = pack_code('J', 'P', 'Y');
    const Day infinity = 2147483647, minus_infinity = -2147483647 - 1;
    std::string hint;
    EXPECT_EQ(failure(s.table, jpy, infinity, &hint),
              "no exchange rate for JPY within 31 days before infinity in rate set \"test\"");
    EXPECT_EQ(failure(s.table, jpy, minus_infinity, &hint),
              "no exchange rate for JPY on or before -infinity in rate set \"test\"");
    Set old;
    old.dates = {make_day(1971, 1, 31), make_day(1971, 2, 28)};
    old.series[0].dates = old.dates.data();
    old.table.max_gap_days = 31;
    EXPECT_EQ(failure(old.table, jpy, infinity, &hint),
              "no exchange rate for JPY within 31 days before infinity in rate set \"test\"");
    EXPECT_EQ(hint, "The last JPY rate in rate set \"test\" is dated 1971-02-28; the rate set bridges gaps of at most "
                    "31 days (holdings.rate_set.max_gap_days).");
    EXPECT_EQ(format_day(infinity), "infinity");
    EXPECT_EQ(format_day(minus_infinity), "-infinity");
}
