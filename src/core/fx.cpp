#include "fx.hpp"

#include <algorithm>
#include <string>

#include "decimal.hpp"
#include "error.hpp"

namespace holdings {
Rate unit_rate() noexcept { return Rate{1, 0, 0, 0}; }

Rate parse_rate(const char* text, std::size_t len) {
    std::string s(text, len);
    auto bad = [&s](const char* why) {
        fail(ErrorKind::invalid_argument, "invalid exchange rate \"" + s + "\": " + why);
    };
    uint128 mantissa = 0;
    int digits = 0, scale = 0;
    bool in_fraction = false, any_digit = false;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            any_digit = true;
            if (in_fraction) ++scale;
            if (mantissa == 0 && c == '0') continue;
            if (++digits > kMaxRateDigits) bad("more than 38 significant digits");
            mantissa = mantissa * 10 + uint128(c - '0');
        } else if (c == '.' && !in_fraction) {
            in_fraction = true;
        } else {
            bad("not a positive decimal number");
        }
    }
    if (!any_digit) bad("not a positive decimal number");
    if (mantissa == 0) bad("a rate must be greater than zero");
    while (scale > 0 && mantissa % 10 == 0) {
        mantissa /= 10;
        --scale;
    }
    if (scale > kMaxRateScale) bad("more than 38 fractional digits");
    Rate r{};
    r.mantissa_lo = static_cast<std::uint64_t>(mantissa);
    r.mantissa_hi = static_cast<std::uint64_t>(mantissa >> 64);
    r.scale = scale;
    return r;
}

const Rate* find_rate(const RateTable& table, CurrencyCode currency, Day day) noexcept {
    static const Rate kUnit = unit_rate();
    if (currency == pack_code('U', 'S', 'D')) return &kUnit;
    const RateSeries* first = table.series;
    const RateSeries* last = table.series + table.count;
    const RateSeries* s = std::lower_bound(
        first, last, currency,
        [](const RateSeries& rs, CurrencyCode c) { return rs.currency < c; });
    if (s == last || s->currency != currency) return nullptr;
    const Day* end = s->dates + s->count;
    const Day* it = std::upper_bound(s->dates, end, day);
    if (it == s->dates) return nullptr;
    return &s->rates[(it - s->dates) - 1];
}

const Rate& require_rate(const RateTable& table, CurrencyCode currency, Day day) {
    const Rate* r = find_rate(table, currency, day);
    if (r != nullptr && (table.max_gap_days < 0 || currency == pack_code('U', 'S', 'D'))) return *r;
    char code[4];
    unpack_code(currency, code);
    const RateSeries* s = std::lower_bound(
        table.series, table.series + table.count, currency,
        [](const RateSeries& rs, CurrencyCode c) { return rs.currency < c; });
    bool has_series = s != table.series + table.count && s->currency == currency && s->count > 0;
    if (r != nullptr) {
        Day rate_day = s->dates[r - s->rates];
        if (static_cast<long long>(day) - rate_day <= table.max_gap_days) return *r;  // day may be infinity
        Day last = s->dates[s->count - 1];
        std::string where = rate_day == last ? "The last " + std::string(code) + " rate in rate set \"" +
                                                   table.name + "\" is dated " + format_day(last)
                                             : "The latest " + std::string(code) + " rate on or before " +
                                                   format_day(day) + " is dated " + format_day(rate_day);
        fail(ErrorKind::no_fx_rate,
             std::string("no exchange rate for ") + code + " within " + std::to_string(table.max_gap_days) +
                 " days before " + format_day(day) + " in rate set \"" + table.name + "\"",
             where + "; the rate set bridges gaps of at most " + std::to_string(table.max_gap_days) +
                 " days (holdings.rate_set.max_gap_days).");
    }
    std::string hint = has_series ? "The first " + std::string(code) + " rate in rate set \"" + table.name +
                                        "\" is dated " + format_day(s->dates[0]) + ", the last " +
                                        format_day(s->dates[s->count - 1]) + "."
                                  : "Rate set \"" + std::string(table.name) + "\" has no " + code + " rates.";
    fail(ErrorKind::no_fx_rate,
         std::string("no exchange rate for ") + code + " on or before " + format_day(day) + " in rate set \"" +
             table.name + "\"",
         hint);
}

int128 convert_raw(int128 raw, const Rate& from, const Rate& to) {
    if (raw == 0) return 0;
    // raw * (to.m / 10^to.s) / (from.m / 10^from.s)
    Int512 num = from_int128<Int512>(raw) * from_uint128<Int512>(to.mantissa()) * pow10<Int512>(from.scale);
    Int512 den = from_uint128<Int512>(from.mantissa()) * pow10<Int512>(to.scale);
    return to_raw(round_div_half_even(num, den));
}

Holding convert(const Holding& h, CurrencyCode to, Day day, const RateTable& table) {
    if (h.currency == to) return h;
    const Rate& from_rate = require_rate(table, h.currency, day);
    const Rate& to_rate = require_rate(table, to, day);
    return make_holding(convert_raw(h.raw(), from_rate, to_rate), to);
}

}  // namespace holdings

#include "pure.hpp"
