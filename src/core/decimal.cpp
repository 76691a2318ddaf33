#include "decimal.hpp"

#include "error.hpp"

namespace holdings {
namespace {

constexpr std::uint64_t kLow64 = ~std::uint64_t(0);

template <typename Int>
int128 narrow(const Int& v) {
    Int magnitude = v < 0 ? Int(-v) : v;
    static const Int max = from_uint128<Int>(static_cast<uint128>(kMaxRaw));
    if (magnitude > max) fail_out_of_range();
    auto hi = static_cast<std::uint64_t>(Int(magnitude >> 64));
    auto lo = static_cast<std::uint64_t>(Int(magnitude & Int(kLow64)));
    int128 r = static_cast<int128>((uint128(hi) << 64) | lo);
    return v < 0 ? -r : r;
}

std::size_t digit_count(const BigInt& v) {
    if (v == 0) return 1;
    BigInt m = v < 0 ? BigInt(-v) : v;
    // msb gives log2; 0.30103 * bits is a lower bound, refine by comparison.
    std::size_t bits = boost::multiprecision::msb(m) + 1;
    std::size_t d = bits * 30103 / 100000;
    if (d == 0) d = 1;
    while (pow10<BigInt>(static_cast<long>(d)) <= m) ++d;
    return d;
}

}  // namespace

int128 to_raw(const BigInt& v) { return narrow(v); }
int128 to_raw(const Int512& v) { return narrow(v); }

Decimal parse_decimal(const char* text, std::size_t len) {
    std::string s(text, len);
    if (s == "NaN") fail(ErrorKind::invalid_argument, "cannot use NaN with a holding");
    if (s == "Infinity" || s == "-Infinity")
        fail(ErrorKind::out_of_range, "cannot use an infinite numeric with a holding");
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = (s[i++] == '-');
    std::string digits;
    long exponent = 0;
    bool seen_point = false, seen_digit = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            seen_digit = true;
            if (digits.empty() && c == '0') {
                if (seen_point) --exponent;
                continue;
            }
            digits.push_back(c);
            if (seen_point) --exponent;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            fail(ErrorKind::invalid_argument, "invalid numeric text \"" + s + "\"");
        }
    }
    if (!seen_digit) fail(ErrorKind::invalid_argument, "invalid numeric text \"" + s + "\"");
    Decimal d;
    if (digits.empty()) return d;  // zero
    while (digits.back() == '0') {
        digits.pop_back();
        ++exponent;
    }
    if (digits.size() > kMaxDecimalDigits)
        fail(ErrorKind::out_of_range, "numeric factor has too many significant digits");
    d.mantissa = BigInt(digits);
    if (negative) d.mantissa = -d.mantissa;
    d.exponent = exponent;
    return d;
}

Holding multiply(const Holding& h, const Decimal& factor) {
    int128 raw = h.raw();
    if (raw == 0 || factor.mantissa == 0) return make_holding(0, h.currency);
    BigInt product = from_int128<BigInt>(raw) * factor.mantissa;
    if (factor.exponent >= 0) {
        // A 39-digit raw limit: more digits than that can only overflow.
        if (static_cast<long>(digit_count(product)) + factor.exponent > 40)
            fail_out_of_range();
        return make_holding(to_raw(product * pow10<BigInt>(factor.exponent)), h.currency);
    }
    long shift = -factor.exponent;
    if (static_cast<long>(digit_count(product)) + 1 < shift) return make_holding(0, h.currency);
    return make_holding(to_raw(round_div_half_even(product, pow10<BigInt>(shift))), h.currency);
}

Holding divide(const Holding& h, const Decimal& divisor) {
    if (divisor.mantissa == 0) fail(ErrorKind::division_by_zero, "division by zero");
    int128 raw = h.raw();
    if (raw == 0) return make_holding(0, h.currency);
    BigInt numerator = from_int128<BigInt>(raw);
    BigInt denominator = divisor.mantissa;
    if (denominator < 0) {
        denominator = -denominator;
        numerator = -numerator;
    }
    if (divisor.exponent >= 0) {
        // |raw| < 10^39: a divisor of 10^41 or more rounds everything to zero.
        if (divisor.exponent > 41) return make_holding(0, h.currency);
        denominator *= pow10<BigInt>(divisor.exponent);
    } else {
        long shift = -divisor.exponent;
        // The quotient is at least 10^shift / 10^digits(divisor); past 10^40 it overflows.
        if (shift > static_cast<long>(digit_count(denominator)) + 40)
            fail_out_of_range();
        numerator *= pow10<BigInt>(shift);
    }
    return make_holding(to_raw(round_div_half_even(numerator, denominator)), h.currency);
}

Holding holding_from_decimal(const Decimal& amount, CurrencyCode currency) {
    return multiply(make_holding(kScale, currency), amount);
}

}  // namespace holdings

#include "pure.hpp"
