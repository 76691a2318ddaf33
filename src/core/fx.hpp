// Exchange rates and conversion. A rate set is held as plain arrays (one sorted
// series per currency) so that a lookup is a binary search and the glue can
// keep it in memory across rows and calls.
#pragma once

#include <cstddef>
#include <cstdint>

#include "calendar.hpp"
#include "holding.hpp"

namespace holdings {

// Units of the currency per 1 USD: mantissa * 10^-scale, always > 0.
struct Rate {
    std::uint64_t mantissa_lo;  // the mantissa as two halves keeps 8-byte alignment
    std::uint64_t mantissa_hi;
    std::int32_t scale;
    std::int32_t reserved;

    uint128 mantissa() const noexcept { return (uint128(mantissa_hi) << 64) | mantissa_lo; }
};

constexpr int kMaxRateDigits = 38;
constexpr int kMaxRateScale = 38;

// Parses a positive decimal ("110.2345") of at most 38 significant digits and
// 38 fractional digits. Throws invalid_argument otherwise.
Rate parse_rate(const char* text, std::size_t len);
Rate unit_rate() noexcept;

struct RateSeries {
    CurrencyCode currency;
    const Day* dates;    // ascending, distinct
    const Rate* rates;
    std::size_t count;
};

struct RateTable {
    const char* name;          // the rate set, for messages
    const RateSeries* series;  // ascending by currency
    std::size_t count;
    // The largest gap, in days, between a rate's date and the day it is used
    // for (holdings.rate_set.max_gap_days); negative: no limit.
    std::int32_t max_gap_days = -1;
};

// The latest rate on or before `day`, or nullptr. USD always has rate 1.
const Rate* find_rate(const RateTable& table, CurrencyCode currency, Day day) noexcept;
// As find_rate, but throws no_fx_rate naming currency, date and rate set, with a
// hint naming the set's first or last date for that currency; also when the
// latest rate is more than table.max_gap_days before `day` (never a silent
// extrapolation past the end of a set's coverage).
const Rate& require_rate(const RateTable& table, CurrencyCode currency, Day day);

// raw (in the currency quoted by `from`) valued in the currency quoted by `to`:
// raw * to / from, rounded half to even once. Throws out_of_range.
int128 convert_raw(int128 raw, const Rate& from, const Rate& to);

// Converts a holding at the rates of `day` (same currency: unchanged).
Holding convert(const Holding& h, CurrencyCode to, Day day, const RateTable& table);

}  // namespace holdings
