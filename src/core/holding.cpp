#include "holding.hpp"

#include <cstring>
#include <string>

#include "error.hpp"

namespace holdings {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Error text quotes the input, shortened so a huge value cannot flood the log;
// the cut falls on a UTF-8 character boundary (never half a character).
constexpr std::size_t kMaxInputLength = 1000;

[[noreturn]] void bad_text(const char* text, std::size_t len, const char* why) {
    std::size_t keep = len < 100 ? len : 100;
    if (keep < len)
        while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
    std::string shown(text, keep);
    if (keep < len) shown += "...";
    fail(ErrorKind::invalid_text,
         std::string("invalid input syntax for type holding: \"") + shown + "\": " + why);
}

// Scale words multiply by 10^n. Returns -1 for a word that is not one.
int scale_word_exponent(const char* w, std::size_t n) {
    std::string lower(w, n);
    for (char& c : lower) c = static_cast<char>(c | 0x20);
    if (lower == "k" || lower == "thousand") return 3;
    if (lower == "m" || lower == "mn" || lower == "mm" || lower == "million") return 6;
    if (lower == "b" || lower == "bn" || lower == "billion") return 9;
    if (lower == "t" || lower == "tn" || lower == "trn" || lower == "trillion") return 12;
    return -1;
}

constexpr int kMaxDigits = 120;       // significant digits kept; more only round
constexpr long kExponentLimit = 100000;  // saturates: beyond it only overflow or zero

// A parsed decimal number: value = digits * 10^exponent.
struct ParsedNumber {
    char digits[kMaxDigits];
    int count = 0;
    long exponent = 0;
    bool sticky = false;  // a dropped digit past the kept ones was non-zero
    bool negative = false;
};

const char* parse_number(const char* p, const char* end, const char* text, std::size_t len,
                         ParsedNumber& num) {
    if (p < end && (*p == '+' || *p == '-')) {
        num.negative = (*p == '-');
        ++p;
        while (p < end && is_blank(*p)) ++p;
    }
    bool any_digit = false, in_fraction = false, any_separator = false;
    int group_length = 0;  // digits written since the last separator
    for (; p < end; ++p) {
        char c = *p;
        if (is_digit(c)) {
            any_digit = true;
            ++group_length;
            if (num.count == 0 && c == '0') {
                if (in_fraction) --num.exponent;
                continue;
            }
            if (num.count < kMaxDigits) {
                num.digits[num.count++] = c;
                if (in_fraction) --num.exponent;
            } else {
                if (!in_fraction) ++num.exponent;
                if (c != '0') num.sticky = true;
            }
        } else if ((c == ',' || c == '_') && !in_fraction) {
            if (group_length == 0 || (any_separator ? group_length != 3 : group_length > 3))
                bad_text(text, len, "misplaced group separator");
            if (p + 1 >= end || !is_digit(p[1])) bad_text(text, len, "misplaced group separator");
            any_separator = true;
            group_length = 0;
        } else if (c == '.' && !in_fraction) {
            if (any_separator && group_length != 3)
                bad_text(text, len, "misplaced group separator");
            in_fraction = true;
        } else {
            break;
        }
    }
    if (!in_fraction && any_separator && group_length != 3)
        bad_text(text, len, "misplaced group separator");
    if (!any_digit) bad_text(text, len, "no digits in amount");
    // Exponent: 'e' only when a digit (after an optional sign) follows, so that
    // "5EUR" still reads as 5 EUR.
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char* q = p + 1;
        bool exp_negative = false;
        if (q < end && (*q == '+' || *q == '-')) exp_negative = (*q++ == '-');
        if (q < end && is_digit(*q)) {
            long e = 0;
            for (; q < end && is_digit(*q); ++q)
                if (e < kExponentLimit) e = e * 10 + (*q - '0');
            num.exponent += exp_negative ? -e : e;
            p = q;
        }
    }
    return p;
}

// Rounds digits * 10^shift half to even into a raw amount.
int128 to_raw_amount(const ParsedNumber& num, long shift) {
    if (num.count == 0) return 0;
    uint128 q = 0;
    const uint128 limit = static_cast<uint128>(kMaxRaw);
    if (shift >= 0) {
        if (num.sticky || num.count + shift > 39) fail_out_of_range();
        for (int i = 0; i < num.count; ++i) q = q * 10 + uint128(num.digits[i] - '0');
        for (long i = 0; i < shift; ++i) {
            if (q > limit / 10) fail_out_of_range();
            q *= 10;
        }
        if (q > limit) fail_out_of_range();
    } else {
        long keep = num.count + shift;
        if (keep < 0) return 0;  // below half a unit of the internal scale
        if (keep > 39) fail_out_of_range();
        for (long i = 0; i < keep; ++i) q = q * 10 + uint128(num.digits[i] - '0');
        int round_digit = keep < num.count ? num.digits[keep] - '0' : 0;
        bool rest = num.sticky;
        for (int i = static_cast<int>(keep) + 1; i < num.count && !rest; ++i)
            rest = num.digits[i] != '0';
        if (round_digit > 5 || (round_digit == 5 && (rest || (q & 1)))) ++q;
        if (q > limit) fail_out_of_range();
    }
    int128 v = static_cast<int128>(q);
    return num.negative ? -v : v;
}

// Writes an unsigned 64-bit value in decimal, padded with zeros to `width`.
std::size_t write_u64(std::uint64_t v, int width, char* out) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n < width) tmp[n++] = '0';
    for (int i = 0; i < n; ++i) out[i] = tmp[n - 1 - i];
    return static_cast<std::size_t>(n);
}

}  // namespace

Holding parse_holding(const char* text, std::size_t len) {
    // The longest spelling of a holding ('-170,141,183,460,469,231,731,687.30371588 USD'
    // with blanks and scale words) is far below this: a longer text is refused
    // before it is read, so a huge value costs no time in the parser.
    if (len > kMaxInputLength) bad_text(text, len, "longer than 1000 bytes");
    const char* p = text;
    const char* end = text + len;
    while (p < end && is_blank(*p)) ++p;
    if (p == end) bad_text(text, len, "empty input");

    CurrencyCode code = 0;
    bool code_first = false;
    if (is_letter(*p)) {
        const char* w = p;
        while (p < end && is_letter(*p)) ++p;
        if (!lookup_currency(w, static_cast<std::size_t>(p - w), &code))
            bad_text(text, len, "unknown currency code");
        code_first = true;
        while (p < end && is_blank(*p)) ++p;
    }

    ParsedNumber num;
    p = parse_number(p, end, text, len, num);

    // Up to two words may follow: [scale] [code].
    const char* words[2];
    std::size_t word_lengths[2];
    int word_count = 0;
    while (true) {
        while (p < end && is_blank(*p)) ++p;
        if (p == end) break;
        if (!is_letter(*p) || word_count == 2) bad_text(text, len, "unexpected characters");
        const char* w = p;
        while (p < end && is_letter(*p)) ++p;
        if (p < end && !is_blank(*p)) bad_text(text, len, "unexpected characters");
        words[word_count] = w;
        word_lengths[word_count++] = static_cast<std::size_t>(p - w);
    }

    int scale_exponent = 0;
    int scale_words = code_first ? word_count : word_count - 1;
    if (!code_first && word_count == 0) bad_text(text, len, "missing currency code");
    if (scale_words > 1) bad_text(text, len, "unexpected characters");
    if (scale_words == 1) {
        scale_exponent = scale_word_exponent(words[0], word_lengths[0]);
        if (scale_exponent < 0) bad_text(text, len, "unknown scale word");
    }
    if (!code_first) {
        int i = word_count - 1;
        if (!lookup_currency(words[i], word_lengths[i], &code))
            bad_text(text, len, "unknown currency code");
    }
    long shift = num.exponent + scale_exponent + kScaleDigits;
    return make_holding(to_raw_amount(num, shift), code);
}

std::size_t format_scaled(uint128 magnitude, int scale, int min_fraction_digits, char* buf) noexcept {
    // All digits, at least scale + 1 of them (a zero before the point).
    constexpr std::uint64_t kChunk = 10000000000000000000ull;  // 10^19
    char digits[48];
    int count = 0;
    if (magnitude >= uint128(kChunk) * kChunk) {
        count += static_cast<int>(write_u64(static_cast<std::uint64_t>(magnitude / kChunk / kChunk), 0, digits));
        magnitude %= uint128(kChunk) * kChunk;
        count += static_cast<int>(write_u64(static_cast<std::uint64_t>(magnitude / kChunk), 19, digits + count));
        count += static_cast<int>(write_u64(static_cast<std::uint64_t>(magnitude % kChunk), 19, digits + count));
    } else if (magnitude >= kChunk) {
        count += static_cast<int>(write_u64(static_cast<std::uint64_t>(magnitude / kChunk), 0, digits));
        count += static_cast<int>(write_u64(static_cast<std::uint64_t>(magnitude % kChunk), 19, digits + count));
    } else {
        count += static_cast<int>(write_u64(static_cast<std::uint64_t>(magnitude), 0, digits));
    }
    if (count < scale + 1) {
        std::memmove(digits + (scale + 1 - count), digits, static_cast<std::size_t>(count));
        std::memset(digits, '0', static_cast<std::size_t>(scale + 1 - count));
        count = scale + 1;
    }
    int fraction = scale;
    while (fraction > min_fraction_digits && digits[count - 1] == '0') {
        --count;
        --fraction;
    }
    int integer = count - fraction;
    std::memcpy(buf, digits, static_cast<std::size_t>(integer));
    std::size_t n = static_cast<std::size_t>(integer);
    if (fraction > 0) {
        buf[n++] = '.';
        std::memcpy(buf + n, digits + integer, static_cast<std::size_t>(fraction));
        n += static_cast<std::size_t>(fraction);
    }
    return n;
}

std::size_t format_amount(int128 raw, int min_fraction_digits, char* buf) noexcept {
    std::size_t n = 0;
    if (raw < 0) buf[n++] = '-';
    uint128 magnitude = raw < 0 ? uint128(-raw) : uint128(raw);
    return n + format_scaled(magnitude, kScaleDigits, min_fraction_digits, buf + n);
}

std::size_t format_holding(const Holding& h, char* buf) noexcept {
    std::size_t n = format_amount(h.raw(), display_minor_units(h.currency), buf);
    buf[n++] = ' ';
    unpack_code(h.currency, buf + n);
    return n + 3;
}

void encode_holding(const Holding& h, unsigned char out[kBinaryLength]) noexcept {
    out[0] = kBinaryVersion;
    char code[4];
    unpack_code(h.currency, code);
    out[1] = static_cast<unsigned char>(code[0]);
    out[2] = static_cast<unsigned char>(code[1]);
    out[3] = static_cast<unsigned char>(code[2]);
    auto bits = static_cast<uint128>(h.raw());
    for (int i = 0; i < 16; ++i) out[4 + i] = static_cast<unsigned char>(bits >> (8 * (15 - i)));
}

Holding decode_holding(const unsigned char* data, std::size_t len) {
    if (len != kBinaryLength)
        fail(ErrorKind::invalid_binary, "holding binary value must be " +
                                            std::to_string(kBinaryLength) + " bytes, got " +
                                            std::to_string(len));
    if (data[0] != kBinaryVersion)
        fail(ErrorKind::invalid_binary,
             "unsupported holding binary format version " + std::to_string(data[0]));
    CurrencyCode code = 0;
    for (int i = 1; i <= 3; ++i)
        if (data[i] < 'A' || data[i] > 'Z')
            fail(ErrorKind::invalid_binary, "invalid currency code in holding binary value");
    code = pack_code(static_cast<char>(data[1]), static_cast<char>(data[2]),
                     static_cast<char>(data[3]));
    if (find_currency(code) == nullptr)
        fail(ErrorKind::invalid_binary, "unknown currency code in holding binary value");
    uint128 bits = 0;
    for (int i = 0; i < 16; ++i) bits = (bits << 8) | data[4 + i];
    auto raw = static_cast<int128>(bits);
    if (raw < kMinRaw) fail(ErrorKind::invalid_binary, "holding amount out of range in binary value");
    return make_holding(raw, code);
}

void fail_currency_mismatch(CurrencyCode a, CurrencyCode b) {
    char x[4], y[4];
    unpack_code(a, x);
    unpack_code(b, y);
    fail(ErrorKind::currency_mismatch, std::string("currency mismatch: ") + x + " and " + y);
}

void require_same_currency(const Holding& a, const Holding& b) {
    if (a.currency != b.currency) fail_currency_mismatch(a.currency, b.currency);
}

Holding add(const Holding& a, const Holding& b) {
    require_same_currency(a, b);
    int128 r;
    if (add_overflows(a.raw(), b.raw(), &r)) fail_out_of_range();
    return make_holding(r, a.currency);
}

Holding subtract(const Holding& a, const Holding& b) {
    require_same_currency(a, b);
    int128 r;
    if (sub_overflows(a.raw(), b.raw(), &r)) fail_out_of_range();
    return make_holding(r, a.currency);
}

Holding negate(const Holding& h) noexcept { return make_holding(-h.raw(), h.currency); }

Holding absolute(const Holding& h) noexcept {
    int128 r = h.raw();
    return make_holding(r < 0 ? -r : r, h.currency);
}

Holding round_to(const Holding& h, int digits) {
    if (digits >= kScaleDigits) return h;
    long k = static_cast<long>(kScaleDigits) - digits;
    if (k > 38) return make_holding(0, h.currency);  // |raw| < 0.5 * 10^39
    uint128 unit = 1;
    for (long i = 0; i < k; ++i) unit *= 10;
    int128 raw = h.raw();
    uint128 magnitude = raw < 0 ? uint128(-raw) : uint128(raw);
    uint128 q = magnitude / unit;
    if ((magnitude % unit) * 2 >= unit) ++q;  // half away from zero
    if (q > static_cast<uint128>(kMaxRaw) / unit)
        fail_out_of_range();
    auto r = static_cast<int128>(q * unit);
    return make_holding(raw < 0 ? -r : r, h.currency);
}

Holding round_to_minor_units(const Holding& h) {
    const CurrencyInfo* info = find_currency(h.currency);
    if (info == nullptr || info->minor_units < 0) return h;
    return round_to(h, info->minor_units);
}

}  // namespace holdings

#include "pure.hpp"
