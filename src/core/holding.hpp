// The holding value: an exact amount of one currency, as 128-bit fixed point
// with kScaleDigits fractional digits. This struct is also the on-disk layout
// of the SQL type (24 bytes, 8-byte aligned; see docs/reference.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "currency.hpp"

namespace holdings {

using int128 = __int128;
using uint128 = unsigned __int128;

// Internal scale: amounts are stored as integer multiples of 10^-8.
constexpr int kScaleDigits = 8;
constexpr std::int64_t kScale = 100000000;

// The raw range is symmetric so that negation and abs never overflow:
// |raw| <= 2^127 - 1, about 1.7 * 10^30 units of the currency.
constexpr int128 kMaxRaw = static_cast<int128>(~uint128(0) >> 1);
constexpr int128 kMinRaw = -kMaxRaw;

// Longest text form: sign, 31 integer digits, point, 8 digits, blank, code, NUL.
constexpr std::size_t kMaxTextLength = 64;

// Binary wire form: version byte, three code letters, 16-byte big-endian amount.
constexpr std::size_t kBinaryLength = 20;
constexpr unsigned char kBinaryVersion = 1;

struct Holding {
    unsigned char amount_bytes[16];  // native-endian int128, read with memcpy
    CurrencyCode currency;
    std::uint32_t reserved;          // always zero

    int128 raw() const noexcept {
        int128 v;
        std::memcpy(&v, amount_bytes, sizeof v);
        return v;
    }
    void set_raw(int128 v) noexcept { std::memcpy(amount_bytes, &v, sizeof v); }
};
static_assert(sizeof(Holding) == 24, "the SQL type's internal length is 24");

inline Holding make_holding(int128 raw, CurrencyCode currency) noexcept {
    Holding h;
    h.set_raw(raw);
    h.currency = currency;
    h.reserved = 0;
    return h;
}

// Checked raw arithmetic: true when the result leaves [kMinRaw, kMaxRaw].
inline bool add_overflows(int128 a, int128 b, int128* out) noexcept {
    return __builtin_add_overflow(a, b, out) || *out < kMinRaw;
}
inline bool sub_overflows(int128 a, int128 b, int128* out) noexcept {
    return __builtin_sub_overflow(a, b, out) || *out < kMinRaw;
}

// Total order: currency code, then amount.
inline int compare(const Holding& a, const Holding& b) noexcept {
    if (a.currency != b.currency) return a.currency < b.currency ? -1 : 1;
    int128 x = a.raw(), y = b.raw();
    return x < y ? -1 : (x > y ? 1 : 0);
}

// Text I/O. parse_holding throws Error(invalid_text | out_of_range).
Holding parse_holding(const char* text, std::size_t len);
// Writes "<amount> <CCY>" and returns its length (no NUL counted).
std::size_t format_holding(const Holding& h, char* buf) noexcept;
// Writes just the amount, with at least the currency's minor units.
std::size_t format_amount(int128 raw, int min_fraction_digits, char* buf) noexcept;
// Writes magnitude * 10^-scale (scale <= 38) in plain decimal, trailing
// fractional zeros dropped down to min_fraction_digits; at most 41 characters.
std::size_t format_scaled(uint128 magnitude, int scale, int min_fraction_digits, char* buf) noexcept;

// Binary I/O. decode_holding throws Error(invalid_binary).
void encode_holding(const Holding& h, unsigned char out[kBinaryLength]) noexcept;
Holding decode_holding(const unsigned char* data, std::size_t len);

// Arithmetic. Each throws Error(out_of_range | currency_mismatch | ...).
[[noreturn]] void fail_currency_mismatch(CurrencyCode a, CurrencyCode b);
void require_same_currency(const Holding& a, const Holding& b);
Holding add(const Holding& a, const Holding& b);
Holding subtract(const Holding& a, const Holding& b);
Holding negate(const Holding& h) noexcept;
Holding absolute(const Holding& h) noexcept;
// Rounds half away from zero to `digits` fractional digits (may be negative).
Holding round_to(const Holding& h, int digits);
// Rounds to the currency's ISO minor units; unchanged where ISO gives none.
Holding round_to_minor_units(const Holding& h);

}  // namespace holdings
