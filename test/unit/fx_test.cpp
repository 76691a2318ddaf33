#include <gtest/gtest.h>

#include <vector>

#include "aggregates.hpp"
#include "fx.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

namespace {
Rate rate(const std::string& s) { return parse_rate(s.data(), s.size()); }

// JPY at 100 per USD from 2020-01-31, 150 from 2020-02-29; EUR 0.8 from 2020-01-31.
struct SmallRateSet {
    std::vector<Day> jpy_dates{make_day(2020, 1, 31), make_day(2020, 2, 29)};
    std::vector<Rate> jpy_rates{rate("100"), rate("150")};
    std::vector<Day> eur_dates{make_day(2020, 1, 31)};
    std::vector<Rate> eur_rates{rate("0.8")};
    std::vector<RateSeries> series{
        {pack_code('E', 'U', 'R'), eur_dates.data(), eur_rates.data(), 1},
        {pack_code('J', 'P', 'Y'), jpy_dates.data(), jpy_rates.data(), 2}};
    RateTable table{"test", series.data(), series.size()};
};
}  // namespace

TEST(Calendar, Days) {
    EXPECT_EQ(make_day(2000, 1, 1), 0);
    EXPECT_EQ(format_day(make_day(2024, 2, 29)), "2024-02-29");
    EXPECT_EQ(format_day(make_day(1999, 12, 31)), "1999-12-31");
    EXPECT_EQ(make_day(1999, 12, 31), -1);
}

TEST(Fx, ParseRate) {
    Rate r = rate("110.2500");
    EXPECT_EQ(r.mantissa(), 11025u);
    EXPECT_EQ(r.scale, 2);
    for (const char* bad : {"0", "-1", "abc", "", "1e5", "0.000"})
        EXPECT_EQ(error_kind([&] { rate(bad); }), kind(ErrorKind::invalid_argument)) << bad;
}

TEST(Fx, LatestRateOnOrBefore) {
    SmallRateSet s;
    CurrencyCode jpy = pack_code('J', 'P', 'Y');
    EXPECT_EQ(find_rate(s.table, jpy, make_day(2020, 1, 30)), nullptr);
    EXPECT_EQ(find_rate(s.table, jpy, make_day(2020, 1, 31))->mantissa(), 100u);
    EXPECT_EQ(find_rate(s.table, jpy, make_day(2020, 2, 28))->mantissa(), 100u);
    EXPECT_EQ(find_rate(s.table, jpy, make_day(2030, 1, 1))->mantissa(), 150u);
    EXPECT_EQ(find_rate(s.table, pack_code('G', 'B', 'P'), make_day(2030, 1, 1)), nullptr);
    EXPECT_EQ(find_rate(s.table, pack_code('U', 'S', 'D'), make_day(1900, 1, 1))->mantissa(), 1u);
}

TEST(Fx, ConvertCrossesThroughUsd) {
    SmallRateSet s;
    Day d = make_day(2020, 2, 29);
    EXPECT_EQ(text(convert(parse("300 JPY"), pack_code('U', 'S', 'D'), d, s.table)), "2.00 USD");
    EXPECT_EQ(text(convert(parse("1 JPY"), pack_code('E', 'U', 'R'), d, s.table)), "0.00533333 EUR");
    EXPECT_EQ(text(convert(parse("1 EUR"), pack_code('J', 'P', 'Y'), d, s.table)), "187.5 JPY");
    EXPECT_EQ(text(convert(parse("1 EUR"), pack_code('E', 'U', 'R'), d, s.table)), "1.00 EUR");
    try {
        convert(parse("1 JPY"), pack_code('U', 'S', 'D'), make_day(2019, 12, 31), s.table);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::no_fx_rate);
        EXPECT_STREQ(e.what(), "no exchange rate for JPY on or before 2019-12-31 in rate set \"test\"");
    }
}

TEST(Fx, ConvertRoundsHalfToEvenOnce) {
    // 1 unit at 2 per USD in, 1 out: 0.5 raw units -> 0 (even); 3 raw units / 2 = 1.5 -> 2.
    Rate two = rate("2");
    Rate one = rate("1");
    EXPECT_EQ(convert_raw(1, two, one), 0);
    EXPECT_EQ(convert_raw(3, two, one), 2);
    EXPECT_EQ(convert_raw(5, two, one), 2);
    EXPECT_EQ(convert_raw(-3, two, one), -2);
    EXPECT_EQ(convert_raw(kMaxRaw, one, one), kMaxRaw);
    EXPECT_EQ(error_kind([&] { convert_raw(kMaxRaw, one, two); }), kind(ErrorKind::out_of_range));
}

TEST(Fx, DecomposeNeedsARateForEveryDate) {
    SmallRateSet s;
    DatedLevel levels[2] = {};
    levels[0].level.set(parse("100 USD").raw());
    levels[0].date = make_day(2019, 12, 31);  // before the first JPY rate
    levels[1].level.set(parse("90 USD").raw());
    levels[1].date = make_day(2020, 2, 29);
    EXPECT_EQ(error_kind([&] {
                  decompose(levels, 2, pack_code('U', 'S', 'D'), pack_code('J', 'P', 'Y'), s.table);
              }),
              kind(ErrorKind::no_fx_rate));
    // The same currency needs no rate at all.
    Decomposition d = decompose(levels, 2, pack_code('U', 'S', 'D'), pack_code('U', 'S', 'D'), s.table);
    EXPECT_EQ(d.flow_effect, parse("-10 USD").raw());
    EXPECT_EQ(d.fx_effect, 0);
}
