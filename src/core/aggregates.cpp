#include "aggregates.hpp"

#include <algorithm>
#include <string>

namespace holdings {

void average_start(AverageState& state, const Holding& row) noexcept {
    state.sum.set(row.raw());
    state.count = 1;
    state.currency = row.currency;
    state.reserved = 0;
}

void average_combine(AverageState& into, const AverageState& other) {
    check_currency(into.currency, other.currency);
    into.sum.set(checked_add(into.sum.get(), other.sum.get()));
    into.count += other.count;
}

Holding average_result(const AverageState& state) {
    int128 sum = state.sum.get();
    int128 n = state.count;
    int128 q = sum / n, r = sum % n;
    int128 twice = (r < 0 ? -r : r) * 2;
    if (twice > n || (twice == n && (q & 1) != 0)) q += sum < 0 ? -1 : 1;
    return make_holding(q, state.currency);
}

void level_span_start(LevelSpan& span, const Holding& row, Day day) noexcept {
    span.first_level.set(row.raw());
    span.last_level.set(row.raw());
    span.first_date = day;
    span.last_date = day;
    span.currency = row.currency;
    span.reserved = 0;
}

void level_span_combine(LevelSpan& into, const LevelSpan& other) {
    check_currency(into.currency, other.currency);
    // Every date of a side lies between its first and last dates, so a side
    // holds rows of the merged first (last) date only if it is its own first
    // (last) date; the two sides saw disjoint rows, so those levels add up.
    Day first = std::min(into.first_date, other.first_date);
    Day last = std::max(into.last_date, other.last_date);
    int128 first_level = 0, last_level = 0;
    if (into.first_date == first) first_level = into.first_level.get();
    if (other.first_date == first) first_level = checked_add(first_level, other.first_level.get());
    if (into.last_date == last) last_level = into.last_level.get();
    if (other.last_date == last) last_level = checked_add(last_level, other.last_level.get());
    into.first_date = first;
    into.last_date = last;
    into.first_level.set(first_level);
    into.last_level.set(last_level);
}

Holding level_span_net_selling(const LevelSpan& span) {
    return make_holding(checked_sub(span.first_level.get(), span.last_level.get()), span.currency);
}

std::size_t compact_levels(DatedLevel* items, std::size_t count) {
    if (count == 0) return 0;
    auto by_date = [](const DatedLevel& a, const DatedLevel& b) { return a.date < b.date; };
    if (!std::is_sorted(items, items + count, by_date)) std::sort(items, items + count, by_date);
    std::size_t out = 0;
    for (std::size_t i = 1; i < count; ++i) {
        if (items[i].date == items[out].date) {
            items[out].level.set(checked_add(items[out].level.get(), items[i].level.get()));
        } else {
            items[++out] = items[i];
        }
    }
    return out + 1;
}

Decomposition decompose(const DatedLevel* items, std::size_t count, CurrencyCode from,
                        CurrencyCode to, const RateTable& rates) {
    auto value_at = [&](int128 raw, Day day) -> int128 {
        if (from == to) return raw;
        return convert_raw(raw, require_rate(rates, from, day), require_rate(rates, to, day));
    };
    Decomposition d{};
    d.start_value = value_at(items[0].level.get(), items[0].date);
    d.end_value = value_at(items[count - 1].level.get(), items[count - 1].date);
    d.total_change = checked_sub(d.end_value, d.start_value);
    for (std::size_t i = 1; i < count; ++i) {
        int128 change = checked_sub(items[i].level.get(), items[i - 1].level.get());
        d.flow_effect = checked_add(d.flow_effect, value_at(change, items[i].date));
    }
    d.fx_effect = checked_sub(d.total_change, d.flow_effect);
    return d;
}

}  // namespace holdings

#include "pure.hpp"
