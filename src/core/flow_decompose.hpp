// The flow decomposition: a change in the value of holdings split into what the
// holder bought or sold (flows), what prices did to the holdings in their own
// currency (valuation) and what the exchange rate did (FX), exactly.
//
// For consecutive level dates d0 < d1 < ... < dn with levels L_i, net purchases
// F_i (the flows dated in (d_{i-1}, d_i]) and rates r_i (positions' currency to
// the report currency at d_i):
//   start = L_0 r_0, end = L_n r_n, total = end - start
//   flow_effect      = sum_{i>=1} F_i r_i
//   valuation_effect = sum_{i>=1} (L_i - L_{i-1} - F_i) r_i
//   fx_effect        = total - flow_effect - valuation_effect
// Each product is rounded half to even once; the identity is exact.
#pragma once

#include <cstddef>
#include <cstdint>

#include "aggregates.hpp"

namespace holdings {

// What a date's rows reported (a value whose flag is clear is zero).
constexpr std::uint32_t kHasLevel = 1;
constexpr std::uint32_t kHasNetPurchases = 2;
constexpr std::uint32_t kHasReportedValuation = 4;
// Which maturities gave net purchases (the instrument form of flow_decompose);
// each is set only beside kHasNetPurchases.
constexpr std::uint32_t kHasLongTermFlows = 8;
constexpr std::uint32_t kHasBillsFlows = 16;
constexpr std::uint32_t kFlowFlags =
    kHasLevel | kHasNetPurchases | kHasReportedValuation | kHasLongTermFlows | kHasBillsFlows;

// One distinct date of a flow_decompose group: the sums of that date's rows.
struct DatedFlow {
    Raw128 level;
    Raw128 net_purchases;
    Raw128 reported_valuation;
    Day date;
    std::uint32_t flags;
};

// Rows of one date add up field by field; a date reports what any row reported.
inline void merge_same_date(DatedFlow& into, const DatedFlow& row) {
    if (row.flags & kHasLevel) into.level.set(checked_add(into.level.get(), row.level.get()));
    if (row.flags & kHasNetPurchases)
        into.net_purchases.set(checked_add(into.net_purchases.get(), row.net_purchases.get()));
    if (row.flags & kHasReportedValuation)
        into.reported_valuation.set(checked_add(into.reported_valuation.get(), row.reported_valuation.get()));
    into.flags |= row.flags;
}

// Sorts by date and merges rows of one date; returns the new count.
std::size_t compact_flows(DatedFlow* items, std::size_t count);

// Checks items read from bytes (a serialized state): known flags, zero where a
// flag is clear, amounts in range, dates strictly ascending. Throws
// invalid_binary naming the item.
void check_flow_items(const DatedFlow* items, std::size_t count);

struct FlowDecomposition {
    bool defined;  // false when no row gave a level: nothing to decompose
    int128 start_value;
    int128 end_value;
    int128 total_change;
    int128 flow_effect;
    int128 valuation_effect;
    int128 fx_effect;
    int128 reported_valuation;  // sum of V_i r_i over the periods that report one
    int128 valuation_residual;  // valuation_effect - reported_valuation
    std::int64_t periods;                           // n: level dates minus one
    std::int64_t periods_without_net_purchases;     // periods no row gave flows for
    std::int64_t periods_with_reported_valuation;   // periods with a reported V_i
    std::int64_t periods_without_bills_flows;       // periods no row gave bills flows for
    std::int64_t periods_without_long_term_flows;   // periods no row gave long-term flows for
};

// On compacted items (ascending distinct dates) of currency `from`, valued in
// `to` at `rates`. Flows and reported valuations dated on or before the first
// level date, or after the last, belong to no period and are left out; those
// on a date without a level count in the period that ends at the next level.
FlowDecomposition decompose_flows(const DatedFlow* items, std::size_t count, CurrencyCode from,
                                  CurrencyCode to, const RateTable& rates);

}  // namespace holdings
