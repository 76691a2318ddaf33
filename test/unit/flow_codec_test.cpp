// flow_decompose's serialized state (state_codec: encode_dated / decode_dated_items)
// and the maturity flags of its instrument form.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flow_decompose.hpp"
#include "state_codec.hpp"

using namespace holdings;

namespace {

const CurrencyCode kUsd = pack_code('U', 'S', 'D');
const CurrencyCode kJpy = pack_code('J', 'P', 'Y');

DatedFlow item(Day d, std::uint32_t flags, std::int64_t level, std::int64_t flows) {
    DatedFlow f{};
    f.date = d;
    f.flags = flags;
    if (flags & kHasLevel) f.level.set(level);
    if (flags & kHasNetPurchases) f.net_purchases.set(flows);
    return f;
}

std::string error_of(const std::string& bytes) {
    try {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
        LevelsHeader h = decode_dated_header<DatedFlow>(p, bytes.size());
        std::vector<DatedFlow> out(h.count);
        decode_dated_items(p, h, out.data());
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_binary);
        return e.what();
    }
    return "";
}

}  // namespace

TEST(FlowCodec, RoundTrip) {
    std::vector<DatedFlow> items = {item(10, kHasLevel, 100, 0),
                                    item(40, kHasLevel | kHasNetPurchases | kHasBillsFlows, 130, 10),
                                    item(70, kHasNetPurchases | kHasLongTermFlows, 0, -5)};
    LevelsHeader h{kUsd, kJpy, 3};
    std::string bytes = encode_dated(h, items.data());
    ASSERT_EQ(bytes.size(), kLevelsHeaderBytes + 3 * kEncodedBytes<DatedFlow>);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    LevelsHeader back = decode_dated_header<DatedFlow>(p, bytes.size());
    EXPECT_EQ(back.currency, kUsd);
    EXPECT_EQ(back.report, kJpy);
    EXPECT_EQ(back.count, 3u);
    std::vector<DatedFlow> out(3);
    decode_dated_items(p, back, out.data());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(out[i].date, items[i].date);
        EXPECT_EQ(out[i].flags, items[i].flags);
        EXPECT_EQ(out[i].level.get(), items[i].level.get());
        EXPECT_EQ(out[i].net_purchases.get(), items[i].net_purchases.get());
    }
}

TEST(FlowCodec, RejectsMalformedStates) {
    std::vector<DatedFlow> one = {item(10, kHasLevel, 100, 0)};
    LevelsHeader h{kUsd, kUsd, 1};
    std::string good = encode_dated(h, one.data());
    EXPECT_EQ(error_of(good), "");
    EXPECT_EQ(error_of(good.substr(0, 8)), "invalid serialized flow_decompose state: shorter than its header");
    EXPECT_EQ(error_of(good.substr(0, good.size() - 1)),
              "invalid serialized flow_decompose state: length does not match the count of 1");
    LevelsHeader none{kUsd, kUsd, 0};
    EXPECT_EQ(error_of(encode_dated<DatedFlow>(none, nullptr)), "invalid serialized flow_decompose state: count must be at least 1");
    // A maturity flag needs net purchases; unknown flags and unordered dates are rejected.
    std::vector<DatedFlow> bad = {item(10, kHasLevel | kHasBillsFlows, 100, 0)};
    EXPECT_NE(error_of(encode_dated(h, bad.data())).find("a maturity flag without net purchases"), std::string::npos);
    bad[0].flags = kHasLevel | 32;
    EXPECT_NE(error_of(encode_dated(h, bad.data())).find("unknown flags"), std::string::npos);
    std::vector<DatedFlow> two = {item(20, kHasLevel, 1, 0), item(10, kHasLevel, 2, 0)};
    LevelsHeader h2{kUsd, kUsd, 2};
    EXPECT_NE(error_of(encode_dated(h2, two.data())).find("dates not strictly ascending"), std::string::npos);
}

TEST(FlowCodec, MaturityCounts) {
    // Three periods: bills and long-term flows; a flow of no maturity; no flow.
    std::vector<DatedFlow> items = {item(10, kHasLevel, 100, 0),
                                    item(40, kHasLevel | kHasNetPurchases | kHasBillsFlows | kHasLongTermFlows, 130, 25),
                                    item(70, kHasLevel | kHasNetPurchases, 140, 5), item(100, kHasLevel, 150, 0)};
    RateTable none{"", nullptr, 0};
    FlowDecomposition d = decompose_flows(items.data(), items.size(), kUsd, kUsd, none);
    EXPECT_EQ(d.periods, 3);
    EXPECT_EQ(d.periods_without_net_purchases, 1);
    EXPECT_EQ(d.periods_without_bills_flows, 2);
    EXPECT_EQ(d.periods_without_long_term_flows, 2);
    EXPECT_EQ(d.flow_effect, 30);
    EXPECT_EQ(d.valuation_effect, 20);
}
