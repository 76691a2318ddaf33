#include "flow_decompose.hpp"

#include <string>

namespace holdings {

std::size_t compact_flows(DatedFlow* items, std::size_t count) { return compact_dated(items, count); }

void check_flow_items(const DatedFlow* items, std::size_t count) {
    auto bad = [](std::size_t i, const char* why) {
        fail(ErrorKind::invalid_binary,
             "invalid serialized flow_decompose state: item " + std::to_string(i + 1) + ": " + why);
    };
    for (std::size_t i = 0; i < count; ++i) {
        const DatedFlow& it = items[i];
        if (it.flags & ~kFlowFlags) bad(i, "unknown flags");
        if (it.flags == 0) bad(i, "no value");
        if ((it.flags & (kHasLongTermFlows | kHasBillsFlows)) && !(it.flags & kHasNetPurchases))
            bad(i, "a maturity flag without net purchases");
        const Raw128* values[3] = {&it.level, &it.net_purchases, &it.reported_valuation};
        const std::uint32_t flags[3] = {kHasLevel, kHasNetPurchases, kHasReportedValuation};
        for (int k = 0; k < 3; ++k) {
            int128 v = values[k]->get();
            if (v < kMinRaw) bad(i, "amount out of range");
            if (!(it.flags & flags[k]) && v != 0) bad(i, "a value that is not reported must be zero");
        }
        if (i > 0 && items[i - 1].date >= it.date) bad(i, "dates not strictly ascending");
    }
}

FlowDecomposition decompose_flows(const DatedFlow* items, std::size_t count, CurrencyCode from,
                                  CurrencyCode to, const RateTable& rates) {
    auto value_at = [&](int128 raw, Day day) -> int128 {
        if (from == to || raw == 0) return raw;
        return convert_raw(raw, require_rate(rates, from, day), require_rate(rates, to, day));
    };
    FlowDecomposition d{};
    std::size_t first = 0;
    while (first < count && !(items[first].flags & kHasLevel)) ++first;
    if (first == count) return d;
    d.defined = true;
    int128 previous = items[first].level.get();
    d.start_value = value_at(previous, items[first].date);
    std::size_t last = first;
    // The period being read: flows and reported valuations since the last level.
    int128 flows = 0, reported = 0;
    bool any_flows = false, any_reported = false, any_bills = false, any_long_term = false;
    for (std::size_t i = first + 1; i < count; ++i) {
        const DatedFlow& it = items[i];
        if (it.flags & kHasNetPurchases) {
            flows = checked_add(flows, it.net_purchases.get());
            any_flows = true;
        }
        if (it.flags & kHasBillsFlows) any_bills = true;
        if (it.flags & kHasLongTermFlows) any_long_term = true;
        if (it.flags & kHasReportedValuation) {
            reported = checked_add(reported, it.reported_valuation.get());
            any_reported = true;
        }
        if (!(it.flags & kHasLevel)) continue;
        int128 level = it.level.get();
        int128 valuation = checked_sub(checked_sub(level, previous), flows);
        d.flow_effect = checked_add(d.flow_effect, value_at(flows, it.date));
        d.valuation_effect = checked_add(d.valuation_effect, value_at(valuation, it.date));
        if (any_reported) {
            d.reported_valuation = checked_add(d.reported_valuation, value_at(reported, it.date));
            ++d.periods_with_reported_valuation;
        }
        if (!any_flows) ++d.periods_without_net_purchases;
        if (!any_bills) ++d.periods_without_bills_flows;
        if (!any_long_term) ++d.periods_without_long_term_flows;
        ++d.periods;
        last = i;
        previous = level;
        flows = reported = 0;
        any_flows = any_reported = any_bills = any_long_term = false;
    }
    d.end_value = last == first ? d.start_value : value_at(previous, items[last].date);
    d.total_change = checked_sub(d.end_value, d.start_value);
    d.fx_effect = checked_sub(checked_sub(d.total_change, d.flow_effect), d.valuation_effect);
    d.valuation_residual = checked_sub(d.valuation_effect, d.reported_valuation);
    return d;
}

}  // namespace holdings

#include "pure.hpp"
