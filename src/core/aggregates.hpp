// Aggregate states. All are plain structs of 8-byte-aligned fields, so the glue
// can keep them in memory PostgreSQL allocates (8-byte aligned) and serialize
// them field by field. The per-row functions are inline: they are the hot path.
#pragma once

#include <cstddef>
#include <cstdint>

#include "calendar.hpp"
#include "error.hpp"
#include "fx.hpp"
#include "holding.hpp"

namespace holdings {

// An int128 stored as two 64-bit halves (palloc only guarantees 8-byte alignment).
struct Raw128 {
    std::uint64_t lo;
    std::int64_t hi;
    int128 get() const noexcept { return static_cast<int128>((uint128(std::uint64_t(hi)) << 64) | lo); }
    void set(int128 v) noexcept {
        lo = static_cast<std::uint64_t>(v);
        hi = static_cast<std::int64_t>(v >> 64);
    }
};

inline void check_currency(CurrencyCode state, CurrencyCode row) {
    if (state != row) fail_currency_mismatch(state, row);
}

inline int128 checked_add(int128 a, int128 b) {
    int128 r;
    if (add_overflows(a, b, &r)) fail_out_of_range();
    return r;
}

inline int128 checked_sub(int128 a, int128 b) {
    int128 r;
    if (sub_overflows(a, b, &r)) fail_out_of_range();
    return r;
}

// sum(holding): the state is a holding updated in place.
inline void sum_accumulate(Holding& state, const Holding& row) {
    check_currency(state.currency, row.currency);
    state.set_raw(checked_add(state.raw(), row.raw()));
}
inline void sum_retract(Holding& state, const Holding& row) {
    check_currency(state.currency, row.currency);
    state.set_raw(checked_sub(state.raw(), row.raw()));
}

// avg(holding): sum and count.
struct AverageState {
    Raw128 sum;
    std::int64_t count;
    CurrencyCode currency;
    std::uint32_t reserved;
};
void average_start(AverageState& state, const Holding& row) noexcept;
inline void average_accumulate(AverageState& state, const Holding& row) {
    check_currency(state.currency, row.currency);
    state.sum.set(checked_add(state.sum.get(), row.raw()));
    ++state.count;
}
void average_combine(AverageState& into, const AverageState& other);
// sum / count, rounded half to even at the internal scale.
Holding average_result(const AverageState& state);

// net_foreign_selling(h, d): only the levels on the earliest and latest dates
// matter, so the state is constant-size.
struct LevelSpan {
    Raw128 first_level;
    Raw128 last_level;
    Day first_date;
    Day last_date;
    CurrencyCode currency;
    std::uint32_t reserved;
};
void level_span_start(LevelSpan& span, const Holding& row, Day day) noexcept;
inline void level_span_add(LevelSpan& span, const Holding& row, Day day) {
    check_currency(span.currency, row.currency);
    int128 v = row.raw();
    if (day < span.first_date) {
        span.first_date = day;
        span.first_level.set(v);
    } else if (day == span.first_date) {
        span.first_level.set(checked_add(span.first_level.get(), v));
    }
    if (day > span.last_date) {
        span.last_date = day;
        span.last_level.set(v);
    } else if (day == span.last_date) {
        span.last_level.set(checked_add(span.last_level.get(), v));
    }
}
void level_span_combine(LevelSpan& into, const LevelSpan& other);
// Level on the earliest date minus level on the latest date.
Holding level_span_net_selling(const LevelSpan& span);

// The FX-adjusted aggregates keep one level per distinct date.
struct DatedLevel {
    Raw128 level;
    Day date;
    std::uint32_t reserved;
};
// Sorts by date and adds up rows that share a date; returns the new count.
std::size_t compact_levels(DatedLevel* items, std::size_t count);

struct Decomposition {
    int128 start_value;
    int128 end_value;
    int128 total_change;
    int128 flow_effect;
    int128 fx_effect;
};
// On compacted levels (count >= 1) of currency `from`, valued in `to`.
Decomposition decompose(const DatedLevel* items, std::size_t count, CurrencyCode from,
                        CurrencyCode to, const RateTable& rates);

}  // namespace holdings
