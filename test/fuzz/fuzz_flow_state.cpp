// libFuzzer target: arbitrary bytes as flow_decompose items (as a deserialized
// state would hold them). Items that check_flow_items accepts must already be
// compact, decompose with the identities exact (and no FX effect in the
// positions' own currency), and give the same decomposition when split into
// two partial states that are combined; anything else may only throw a
// holdings::Error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "flow_decompose.hpp"

namespace {

using namespace holdings;

// Sums modulo 2^128: the checks themselves must not overflow.
uint128 u(int128 v) { return static_cast<uint128>(v); }

bool same(const FlowDecomposition& a, const FlowDecomposition& b) {
    return a.defined == b.defined && a.start_value == b.start_value && a.end_value == b.end_value &&
           a.flow_effect == b.flow_effect && a.valuation_effect == b.valuation_effect &&
           a.fx_effect == b.fx_effect && a.reported_valuation == b.reported_valuation &&
           a.periods == b.periods && a.periods_without_net_purchases == b.periods_without_net_purchases &&
           a.periods_with_reported_valuation == b.periods_with_reported_valuation;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const CurrencyCode usd = pack_code('U', 'S', 'D'), jpy = pack_code('J', 'P', 'Y');
    // One yen rate from the beginning of time, chosen by the first byte.
    static const Day kDates[1] = {INT32_MIN};
    Rate rate[1] = {parse_rate(data[0] & 1 ? "137.25" : "3", data[0] & 1 ? 6 : 1)};
    RateSeries series{jpy, kDates, rate, 1};
    RateTable table{"fuzz", &series, 1};
    std::size_t split = data[0] >> 1;
    std::vector<DatedFlow> items((size - 1) / sizeof(DatedFlow));
    if (!items.empty()) std::memcpy(items.data(), data + 1, items.size() * sizeof(DatedFlow));
    try {
        check_flow_items(items.data(), items.size());
    } catch (const Error&) {
        try {
            compact_flows(items.data(), items.size());
        } catch (const Error&) {
        }
        return 0;
    }
    if (compact_flows(items.data(), items.size()) != items.size()) std::abort();
    for (CurrencyCode report : {usd, jpy}) {
        FlowDecomposition d;
        try {
            d = decompose_flows(items.data(), items.size(), usd, report, table);
        } catch (const Error&) {
            continue;
        }
        if (!d.defined) continue;
        if (u(d.total_change) != u(d.end_value) - u(d.start_value) ||
            u(d.flow_effect) + u(d.valuation_effect) + u(d.fx_effect) != u(d.total_change) ||
            u(d.reported_valuation) + u(d.valuation_residual) != u(d.valuation_effect))
            std::abort();
        if (report == usd && d.fx_effect != 0) std::abort();
        // Two partial states: items [0, split) and the rest, in reverse order.
        std::size_t k = split < items.size() ? split : items.size();
        std::vector<DatedFlow> b(items.begin() + k, items.end());
        std::vector<DatedFlow> merged(items.begin(), items.begin() + k);
        merged.insert(merged.end(), b.rbegin(), b.rend());
        std::size_t n = compact_flows(merged.data(), merged.size());
        if (!same(decompose_flows(merged.data(), n, usd, report, table), d)) std::abort();
    }
    return 0;
}
