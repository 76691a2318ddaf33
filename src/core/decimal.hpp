// Exact decimal helpers on Boost.Multiprecision: the scalar operations that mix a
// holding with a numeric factor, and the rounding rules they share.
#pragma once

#include <cstddef>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include "holding.hpp"

namespace holdings {

// Arbitrary precision for numeric factors (bounded by parse_decimal's limits).
using BigInt = boost::multiprecision::cpp_int;
// Fixed width, never on the heap: for FX products of bounded rates.
using Int512 = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
    512, 512, boost::multiprecision::signed_magnitude, boost::multiprecision::checked, void>>;

// value = mantissa * 10^exponent, mantissa without trailing zeros (or zero).
struct Decimal {
    BigInt mantissa;
    long exponent = 0;
};

// Parses the text PostgreSQL's numeric_out writes ("-12.3400", "NaN",
// "Infinity"). Throws invalid_argument for NaN, out_of_range for infinities
// and for more than kMaxDecimalDigits significant digits.
constexpr std::size_t kMaxDecimalDigits = 2000;
Decimal parse_decimal(const char* text, std::size_t len);

// holding * factor and holding / factor, rounded half to even at the internal
// scale. Throw out_of_range or division_by_zero.
Holding multiply(const Holding& h, const Decimal& factor);
Holding divide(const Holding& h, const Decimal& divisor);
// A numeric amount as a holding, rounded half to even at the internal scale.
Holding holding_from_decimal(const Decimal& amount, CurrencyCode currency);

// num / den rounded half to even; den > 0.
template <typename Int>
Int round_div_half_even(const Int& num, const Int& den) {
    Int q = num / den;
    Int r = num % den;
    if (r != 0) {
        Int twice = (r < 0 ? Int(-r) : r) * 2;
        if (twice > den || (twice == den && (q % 2) != 0)) q += (num < 0 ? -1 : 1);
    }
    return q;
}

// Integer conversions and powers of ten for both multiprecision types.
template <typename Int>
Int from_uint128(uint128 v) {
    Int r = Int(std::uint64_t(v >> 64));
    r <<= 64;
    r += Int(std::uint64_t(v));
    return r;
}

template <typename Int>
Int from_int128(int128 raw) {
    Int v = from_uint128<Int>(raw < 0 ? uint128(-(raw + 1)) + 1 : uint128(raw));
    return raw < 0 ? Int(-v) : v;
}

// 10^n by squaring; n is bounded by the callers (a few thousand at most).
template <typename Int>
Int pow10(long n) {
    Int r = 1;
    Int ten = 10;
    for (long bit = 1; bit <= n; bit <<= 1) {
        if (n & bit) r *= ten;
        if ((bit << 1) <= n) ten *= ten;
    }
    return r;
}

// Narrows to a raw amount; throws out_of_range when it does not fit.
int128 to_raw(const BigInt& v);
int128 to_raw(const Int512& v);

}  // namespace holdings
