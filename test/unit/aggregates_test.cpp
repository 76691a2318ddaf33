#include <gtest/gtest.h>

#include <vector>

#include "aggregates.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

TEST(Average, RoundsHalfEven) {
    AverageState s;
    average_start(s, parse("1 USD"));
    average_accumulate(s, parse("0 USD"));
    average_accumulate(s, parse("0 USD"));
    EXPECT_EQ(text(average_result(s)), "0.33333333 USD");
    AverageState t;
    average_start(t, parse("0.00000001 USD"));
    average_accumulate(t, parse("0 USD"));
    EXPECT_EQ(text(average_result(t)), "0.00 USD");
    average_combine(s, t);
    EXPECT_EQ(s.count, 5);
    EXPECT_EQ(error_kind([&] { average_accumulate(s, parse("1 EUR")); }),
              kind(ErrorKind::currency_mismatch));
}

TEST(Sum, OverflowIsAnError) {
    Holding state = make_holding(kMaxRaw, pack_code('U', 'S', 'D'));
    EXPECT_EQ(error_kind([&] { sum_accumulate(state, make_holding(1, state.currency)); }),
              kind(ErrorKind::out_of_range));
    EXPECT_EQ(state.raw(), kMaxRaw);  // unchanged by the failed step
    sum_retract(state, make_holding(1, state.currency));
    EXPECT_EQ(state.raw(), kMaxRaw - 1);
}

TEST(LevelSpan, NetSellingSumsRowsOfADate) {
    Day d1 = make_day(2020, 1, 31), d2 = make_day(2020, 2, 29), d3 = make_day(2020, 3, 31);
    LevelSpan s;
    level_span_start(s, parse("100 USD"), d2);
    level_span_add(s, parse("50 USD"), d1);
    level_span_add(s, parse("30 USD"), d3);
    level_span_add(s, parse("20 USD"), d1);
    level_span_add(s, parse("5 USD"), d3);
    EXPECT_EQ(text(level_span_net_selling(s)), "35.00 USD");  // (50+20) - (30+5)

    LevelSpan one;
    level_span_start(one, parse("10 USD"), d2);
    level_span_add(one, parse("15 USD"), d2);
    EXPECT_EQ(text(level_span_net_selling(one)), "0.00 USD");

    // Split the rows between two partial states: same answer.
    LevelSpan a, b;
    level_span_start(a, parse("50 USD"), d1);
    level_span_add(a, parse("30 USD"), d3);
    level_span_start(b, parse("20 USD"), d1);
    level_span_add(b, parse("5 USD"), d3);
    level_span_add(b, parse("100 USD"), d2);
    level_span_combine(a, b);
    EXPECT_EQ(text(level_span_net_selling(a)), "35.00 USD");

    LevelSpan c, e;  // one-date sides on the same date
    level_span_start(c, parse("1 USD"), d2);
    level_span_start(e, parse("2 USD"), d2);
    level_span_combine(c, e);
    EXPECT_EQ(c.first_level.get(), 300000000);
    EXPECT_EQ(c.last_level.get(), 300000000);
}

TEST(Levels, CompactAndDecompose) {
    Day d1 = make_day(2020, 1, 31), d2 = make_day(2020, 2, 29);
    auto level = [](const char* s, Day d) {
        DatedLevel l{};
        l.level.set(parse(s).raw());
        l.date = d;
        return l;
    };
    std::vector<DatedLevel> v{level("10000 JPY", d2), level("20000 JPY", d1),
                              level("-1000 JPY", d2), level("10000 JPY", d1)};
    std::size_t n = compact_levels(v.data(), v.size());
    ASSERT_EQ(n, 2u);
    EXPECT_EQ(v[0].date, d1);
    EXPECT_EQ(v[0].level.get(), parse("30000 JPY").raw());
    EXPECT_EQ(v[1].level.get(), parse("9000 JPY").raw());

    std::vector<Day> dates{d1, d2};
    std::vector<Rate> rates{parse_rate("100", 3), parse_rate("150", 3)};
    std::vector<RateSeries> series{{pack_code('J', 'P', 'Y'), dates.data(), rates.data(), 2}};
    RateTable table{"test", series.data(), 1};
    Decomposition d = decompose(v.data(), n, pack_code('J', 'P', 'Y'), pack_code('U', 'S', 'D'), table);
    // start 30000/100 = 300; end 9000/150 = 60; change -21000 JPY at 150 = -140.
    EXPECT_EQ(d.start_value, parse("300 USD").raw());
    EXPECT_EQ(d.end_value, parse("60 USD").raw());
    EXPECT_EQ(d.total_change, parse("-240 USD").raw());
    EXPECT_EQ(d.flow_effect, parse("-140 USD").raw());
    EXPECT_EQ(d.fx_effect, parse("-100 USD").raw());
}

TEST(Levels, CompactingOverflowIsAnError) {
    DatedLevel v[2] = {};
    v[0].level.set(kMaxRaw);
    v[0].date = 10;
    v[1].level.set(1);
    v[1].date = 10;
    EXPECT_EQ(error_kind([&] { compact_levels(v, 2); }), kind(ErrorKind::out_of_range));
}

TEST(LevelSpan, CombineKeepsEarliestAndLatest) {
    LevelSpan a, b;
    level_span_start(a, parse("5 USD"), 20);
    level_span_start(b, parse("7 USD"), 10);
    level_span_add(b, parse("1 USD"), 30);
    level_span_combine(a, b);  // dates 10 (7), 20 (5), 30 (1)
    EXPECT_EQ(a.first_date, 10);
    EXPECT_EQ(a.last_date, 30);
    EXPECT_EQ(text(level_span_net_selling(a)), "6.00 USD");
    LevelSpan c;
    level_span_start(c, parse("1 EUR"), 10);
    EXPECT_EQ(error_kind([&] { level_span_combine(a, c); }), kind(ErrorKind::currency_mismatch));
}
