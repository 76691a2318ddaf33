#include <gtest/gtest.h>

#include <vector>

#include "flow_decompose.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

namespace {

const CurrencyCode kUSD = pack_code('U', 'S', 'D');
const CurrencyCode kJPY = pack_code('J', 'P', 'Y');

// A date's row: level, net purchases, reported valuation; nullptr = not reported.
DatedFlow row(Day d, const char* level, const char* flows, const char* valuation = nullptr) {
    DatedFlow f{};
    f.date = d;
    if (level) {
        f.level.set(parse(level).raw());
        f.flags |= kHasLevel;
    }
    if (flows) {
        f.net_purchases.set(parse(flows).raw());
        f.flags |= kHasNetPurchases;
    }
    if (valuation) {
        f.reported_valuation.set(parse(valuation).raw());
        f.flags |= kHasReportedValuation;
    }
    return f;
}

struct Yen {
    // 100, 125, 160 yen per dollar at the ends of January, February, March 2024.
    std::vector<Day> dates{make_day(2024, 1, 31), make_day(2024, 2, 29), make_day(2024, 3, 31)};
    std::vector<Rate> rates{parse_rate("100", 3), parse_rate("125", 3), parse_rate("160", 3)};
    std::vector<RateSeries> series{{kJPY, dates.data(), rates.data(), 3}};
    RateTable table{"test", series.data(), 1};
};

int128 usd(const char* s) { return parse(std::string(s) + " USD").raw(); }
int128 yen(const char* s) { return parse(std::string(s) + " JPY").raw(); }

}  // namespace

// Holdings fell by 100 while the holder bought 50: prices took 150.
TEST(FlowDecompose, FellWhileBuying) {
    Yen y;
    Day d1 = y.dates[0], d2 = y.dates[1], d3 = y.dates[2];
    std::vector<DatedFlow> v{row(d3, "900 USD", "30 USD"), row(d1, "1000 USD", "999 USD"),
                             row(d2, "950 USD", "20 USD")};
    std::size_t n = compact_flows(v.data(), v.size());
    ASSERT_EQ(n, 3u);
    FlowDecomposition d = decompose_flows(v.data(), n, kUSD, kUSD, y.table);
    ASSERT_TRUE(d.defined);
    EXPECT_EQ(d.start_value, usd("1000"));
    EXPECT_EQ(d.end_value, usd("900"));
    EXPECT_EQ(d.total_change, usd("-100"));
    EXPECT_EQ(d.flow_effect, usd("50"));  // the 999 of the first date is before the window
    EXPECT_EQ(d.valuation_effect, usd("-150"));
    EXPECT_EQ(d.fx_effect, 0);
    EXPECT_EQ(d.periods, 2);
    EXPECT_EQ(d.periods_without_net_purchases, 0);

    // In yen: start 1000*100, end 900*160, flows 20*125 + 30*160,
    // valuation -70*125 - 80*160, FX 1000*25 + 950*35.
    FlowDecomposition j = decompose_flows(v.data(), n, kUSD, kJPY, y.table);
    EXPECT_EQ(j.start_value, yen("100000"));
    EXPECT_EQ(j.end_value, yen("144000"));
    EXPECT_EQ(j.total_change, yen("44000"));
    EXPECT_EQ(j.flow_effect, yen("7300"));
    EXPECT_EQ(j.valuation_effect, yen("-21550"));
    EXPECT_EQ(j.fx_effect, yen("58250"));
    EXPECT_EQ(j.reported_valuation, 0);
    EXPECT_EQ(j.valuation_residual, yen("-21550"));
}

TEST(FlowDecompose, ReportedValuationSplitsValuation) {
    Yen y;
    std::vector<DatedFlow> v{row(y.dates[0], "1000 USD", nullptr), row(y.dates[1], "950 USD", "20 USD", "-60 USD"),
                             row(y.dates[2], "900 USD", "30 USD")};
    FlowDecomposition j = decompose_flows(v.data(), v.size(), kUSD, kJPY, y.table);
    EXPECT_EQ(j.reported_valuation, yen("-7500"));
    EXPECT_EQ(j.valuation_residual, yen("-14050"));
    EXPECT_EQ(j.periods_with_reported_valuation, 1);
}

// A date without a level: its flows count in the period that spans it.
TEST(FlowDecompose, MissingLevelMergesPeriods) {
    Yen y;
    std::vector<DatedFlow> v{row(y.dates[0], "1000 USD", nullptr), row(y.dates[1], nullptr, "20 USD"),
                             row(y.dates[2], "900 USD", "30 USD"), row(y.dates[2] + 1, nullptr, "5 USD")};
    FlowDecomposition j = decompose_flows(v.data(), v.size(), kUSD, kJPY, y.table);
    EXPECT_EQ(j.periods, 1);
    EXPECT_EQ(j.flow_effect, yen("8000"));         // 50 at 160
    EXPECT_EQ(j.valuation_effect, yen("-24000"));  // -150 at 160
    EXPECT_EQ(j.fx_effect, yen("60000"));          // 1000 * (160 - 100)
    EXPECT_EQ(checked_add(checked_add(j.flow_effect, j.valuation_effect), j.fx_effect), j.total_change);
}

TEST(FlowDecompose, PeriodsWithoutFlowsAreCounted) {
    Yen y;
    std::vector<DatedFlow> v{row(y.dates[0], "1000 USD", nullptr), row(y.dates[1], "950 USD", nullptr),
                             row(y.dates[2], "900 USD", "0 USD")};
    FlowDecomposition d = decompose_flows(v.data(), v.size(), kUSD, kUSD, y.table);
    EXPECT_EQ(d.periods_without_net_purchases, 1);
    EXPECT_EQ(d.valuation_effect, usd("-100"));
}

TEST(FlowDecompose, NoLevelIsUndefinedOneLevelIsZero) {
    Yen y;
    std::vector<DatedFlow> flows_only{row(y.dates[0], nullptr, "1 USD")};
    EXPECT_FALSE(decompose_flows(flows_only.data(), 1, kUSD, kJPY, y.table).defined);
    std::vector<DatedFlow> one{row(y.dates[1], "10 USD", "5 USD")};
    FlowDecomposition d = decompose_flows(one.data(), 1, kUSD, kJPY, y.table);
    ASSERT_TRUE(d.defined);
    EXPECT_EQ(d.start_value, yen("1250"));
    EXPECT_EQ(d.end_value, yen("1250"));
    EXPECT_EQ(d.total_change, 0);
    EXPECT_EQ(d.flow_effect, 0);
    EXPECT_EQ(d.periods, 0);
}

// Positions in yen reported in dollars: each product rounded half to even once.
TEST(FlowDecompose, RoundsEachProductOnce) {
    std::vector<Day> dates{10, 20};
    std::vector<Rate> rates{parse_rate("3", 1), parse_rate("3", 1)};
    std::vector<RateSeries> series{{kJPY, dates.data(), rates.data(), 2}};
    RateTable table{"test", series.data(), 1};
    std::vector<DatedFlow> v{row(10, "1 JPY", nullptr), row(20, "2 JPY", "1 JPY")};
    FlowDecomposition d = decompose_flows(v.data(), v.size(), kJPY, kUSD, table);
    EXPECT_EQ(d.start_value, usd("0.33333333"));
    EXPECT_EQ(d.end_value, usd("0.66666667"));
    EXPECT_EQ(d.flow_effect, usd("0.33333333"));
    EXPECT_EQ(d.valuation_effect, 0);
    EXPECT_EQ(d.fx_effect, usd("0.00000001"));  // the rounding, kept exact by the identity
}

TEST(FlowDecompose, MissingRateIsAnError) {
    Yen y;
    std::vector<DatedFlow> v{row(y.dates[0] - 1, "1 USD", nullptr), row(y.dates[0], "2 USD", nullptr)};
    EXPECT_EQ(error_kind([&] { decompose_flows(v.data(), v.size(), kUSD, kJPY, y.table); }),
              kind(ErrorKind::no_fx_rate));
}

TEST(FlowDecompose, OverflowIsAnError) {
    Yen y;
    DatedFlow a{}, b{};
    a.date = 1;
    a.flags = kHasLevel;
    a.level.set(kMinRaw);
    b.date = 2;
    b.flags = kHasLevel;
    b.level.set(kMaxRaw);
    DatedFlow v[2] = {a, b};
    EXPECT_EQ(error_kind([&] { decompose_flows(v, 2, kUSD, kUSD, y.table); }), kind(ErrorKind::out_of_range));
    DatedFlow c = b, e = b;
    c.date = e.date = 5;
    c.flags = e.flags = kHasNetPurchases;
    c.level.set(0);
    e.level.set(0);
    c.net_purchases.set(kMaxRaw);
    e.net_purchases.set(1);
    DatedFlow w[2] = {c, e};
    EXPECT_EQ(error_kind([&] { compact_flows(w, 2); }), kind(ErrorKind::out_of_range));
}

// Two partial states appended and compacted give the answer of one state.
TEST(FlowDecompose, SplitAndCombine) {
    Yen y;
    std::vector<DatedFlow> all{row(y.dates[0], "600 USD", nullptr), row(y.dates[0], "400 USD", "1 USD"),
                               row(y.dates[1], "950 USD", "20 USD", "-60 USD"), row(y.dates[2], "900 USD", "10 USD"),
                               row(y.dates[2], nullptr, "20 USD")};
    std::vector<DatedFlow> a{all[4], all[0], all[2]}, b{all[3], all[1]};
    std::size_t na = compact_flows(a.data(), a.size()), nb = compact_flows(b.data(), b.size());
    std::vector<DatedFlow> merged(a.begin(), a.begin() + na);
    merged.insert(merged.end(), b.begin(), b.begin() + nb);
    std::size_t n = compact_flows(merged.data(), merged.size());
    ASSERT_EQ(n, 3u);
    EXPECT_EQ(merged[0].flags, kHasLevel | kHasNetPurchases);
    check_flow_items(merged.data(), n);
    FlowDecomposition j = decompose_flows(merged.data(), n, kUSD, kJPY, y.table);
    EXPECT_EQ(j.flow_effect, yen("7300"));
    EXPECT_EQ(j.valuation_effect, yen("-21550"));
    EXPECT_EQ(j.reported_valuation, yen("-7500"));
}

TEST(FlowDecompose, CheckRejectsBadItems) {
    auto kind_of = [](std::vector<DatedFlow> v) { return error_kind([&] { check_flow_items(v.data(), v.size()); }); };
    const int bad = kind(ErrorKind::invalid_binary);
    EXPECT_EQ(kind_of({row(1, "1 USD", nullptr), row(2, nullptr, "1 USD")}), -1);
    EXPECT_EQ(kind_of({row(2, "1 USD", nullptr), row(1, "1 USD", nullptr)}), bad);
    EXPECT_EQ(kind_of({row(1, "1 USD", nullptr), row(1, "1 USD", nullptr)}), bad);
    DatedFlow f = row(1, "1 USD", nullptr);
    f.flags |= 8;
    EXPECT_EQ(kind_of({f}), bad);
    f = row(1, nullptr, "1 USD");
    f.level.set(1);
    EXPECT_EQ(kind_of({f}), bad);
    f = row(1, "1 USD", nullptr);
    f.level.set(kMinRaw - 1);
    EXPECT_EQ(kind_of({f}), bad);
    f = DatedFlow{};
    EXPECT_EQ(kind_of({f}), bad);
}
