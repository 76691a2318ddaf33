#include "dated_levels.hpp"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

namespace holdings {
namespace {

// PostgreSQL's infinite dates.
constexpr Day kMinusInfinity = INT32_MIN;
constexpr Day kInfinity = INT32_MAX;

std::uint32_t get32(const unsigned char* p) noexcept {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
           std::uint32_t(p[3]);
}

void put32(unsigned char* p, std::uint32_t v) noexcept {
    p[0] = static_cast<unsigned char>(v >> 24);
    p[1] = static_cast<unsigned char>(v >> 16);
    p[2] = static_cast<unsigned char>(v >> 8);
    p[3] = static_cast<unsigned char>(v);
}

std::uint64_t get64(const unsigned char* p) noexcept {
    return (std::uint64_t(get32(p)) << 32) | get32(p + 4);
}

void put64(unsigned char* p, std::uint64_t v) noexcept {
    put32(p, static_cast<std::uint32_t>(v >> 32));
    put32(p + 4, static_cast<std::uint32_t>(v));
}

[[noreturn]] void bad_binary(const std::string& what) {
    fail(ErrorKind::invalid_binary, "invalid dated_levels value: " + what);
}

[[noreturn]] void bad_text(const char* text, std::size_t len, std::size_t pos, const char* what) {
    fail(ErrorKind::invalid_text, std::string("invalid input syntax for type dated_levels: \"") +
                                      std::string(text, len) + "\": " + what + " at position " +
                                      std::to_string(pos + 1));
}

// ISO 8601 with astronomical years (0 is 1 BC), at least four digits after a
// minus sign too ("-0206-01-13"), so that parse_day reads it back.
std::string day_text(Day day) {
    if (day == kMinusInfinity) return "-infinity";
    if (day == kInfinity) return "infinity";
    std::string text = format_day(day);
    if (text[0] == '-') {
        std::size_t dash = text.find('-', 1);
        if (dash < 5) text.insert(1, std::string(5 - dash, '0'));
    }
    return text;
}

// Parses a date token: YYYY-MM-DD (year possibly signed or longer), or
// [-]infinity. Returns false when it is not a valid date.
bool parse_day(const std::string& token, Day* out) {
    if (token == "infinity") { *out = kInfinity; return true; }
    if (token == "-infinity") { *out = kMinusInfinity; return true; }
    std::size_t i = 0;
    bool negative = false;
    if (i < token.size() && token[i] == '-') { negative = true; ++i; }
    long year = 0;
    std::size_t digits = 0;
    while (i < token.size() && token[i] >= '0' && token[i] <= '9' && digits < 8) {
        year = year * 10 + (token[i] - '0');
        ++i;
        ++digits;
    }
    if (digits < 4 || token.size() != i + 6 || token[i] != '-' || token[i + 3] != '-') return false;
    for (std::size_t k : {i + 1, i + 2, i + 4, i + 5})
        if (token[k] < '0' || token[k] > '9') return false;
    unsigned month = unsigned(token[i + 1] - '0') * 10 + unsigned(token[i + 2] - '0');
    unsigned dom = unsigned(token[i + 4] - '0') * 10 + unsigned(token[i + 5] - '0');
    if (month < 1 || month > 12 || dom < 1 || dom > 31) return false;
    if (negative) year = -year;
    Day day = make_day(static_cast<int>(year), month, dom);
    // 2021-02-30 names 2021-03-02: it is not a date.
    std::string canonical = format_day(day);
    if (canonical.compare(canonical.size() - 5, 5, token, i + 1, 5) != 0) return false;
    *out = day;
    return true;
}

}  // namespace

LevelsView read_levels(const unsigned char* data, std::size_t len) {
    if (len < kLevelsHeaderLength) bad_binary("too short");
    if (data[0] != kLevelsVersion) bad_binary("unknown version " + std::to_string(data[0]));
    CurrencyCode currency = 0;
    if (!lookup_currency(reinterpret_cast<const char*>(data + 1), 3, &currency) ||
        currency != pack_code(static_cast<char>(data[1]), static_cast<char>(data[2]),
                              static_cast<char>(data[3])))
        bad_binary("unknown currency code");
    std::uint32_t count = get32(data + 4);
    if (count == 0) bad_binary("no levels");
    if ((len - kLevelsHeaderLength) / kLevelsItemLength != count ||
        (len - kLevelsHeaderLength) % kLevelsItemLength != 0)
        bad_binary("length does not match the count of levels");
    LevelsView view{currency, count, data + kLevelsHeaderLength};
    for (std::uint32_t i = 1; i < count; ++i) {
        Day before = static_cast<Day>(get32(view.items + (i - 1) * kLevelsItemLength));
        Day day = static_cast<Day>(get32(view.items + i * kLevelsItemLength));
        if (day <= before) bad_binary("dates not strictly ascending");
    }
    for (std::uint32_t i = 0; i < count; ++i) {
        int128 level = level_at(view, i).level.get();
        if (level < kMinRaw) bad_binary("level out of range");
    }
    return view;
}

DatedLevel level_at(const LevelsView& view, std::uint32_t i) noexcept {
    const unsigned char* p = view.items + std::size_t(i) * kLevelsItemLength;
    DatedLevel item;
    item.date = static_cast<Day>(get32(p));
    item.level.hi = static_cast<std::int64_t>(get64(p + 4));
    item.level.lo = get64(p + 12);
    item.reserved = 0;
    return item;
}

void write_levels_header(unsigned char* out, CurrencyCode currency, std::uint32_t count) noexcept {
    char letters[4];
    unpack_code(currency, letters);
    out[0] = kLevelsVersion;
    std::memcpy(out + 1, letters, 3);
    put32(out + 4, count);
}

void write_level_item(unsigned char* out, const DatedLevel& item) noexcept {
    put32(out, static_cast<std::uint32_t>(item.date));
    put64(out + 4, static_cast<std::uint64_t>(item.level.hi));
    put64(out + 12, item.level.lo);
}

// "CCY:" then "date=amount" items separated by commas.
std::size_t levels_text_length(const LevelsView& view) noexcept {
    std::size_t n = 4;
    char buf[kMaxTextLength];
    int minor = display_minor_units(view.currency);
    for (std::uint32_t i = 0; i < view.count; ++i) {
        DatedLevel item = level_at(view, i);
        if (i > 0) ++n;
        n += day_text(item.date).size();
        n += 1 + format_amount(item.level.get(), minor, buf);
    }
    return n;
}

void format_levels(const LevelsView& view, char* out) noexcept {
    char letters[4];
    unpack_code(view.currency, letters);
    std::memcpy(out, letters, 3);
    out[3] = ':';
    std::size_t n = 4;
    int minor = display_minor_units(view.currency);
    for (std::uint32_t i = 0; i < view.count; ++i) {
        DatedLevel item = level_at(view, i);
        if (i > 0) out[n++] = ',';
        std::string day = day_text(item.date);
        std::memcpy(out + n, day.data(), day.size());
        n += day.size();
        out[n++] = '=';
        n += format_amount(item.level.get(), minor, out + n);
    }
    out[n] = '\0';
}

// The longest date or amount token of the text form: a holding's amount has
// at most 39 digits, a sign and a point; anything longer is not one.
constexpr std::size_t kMaxTokenLength = 64;

unsigned char* parse_levels(const char* text, std::size_t len, std::size_t* payload_length) {
    std::size_t pos = 0;
    auto skip_blanks = [&] {
        while (pos < len && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
            ++pos;
    };
    skip_blanks();
    CurrencyCode currency = 0;
    if (pos + 3 > len || !lookup_currency(text + pos, 3, &currency))
        bad_text(text, len, pos, "expected a currency code");
    pos += 3;
    skip_blanks();
    if (pos >= len || text[pos] != ':') bad_text(text, len, pos, "expected \":\"");
    ++pos;
    std::string payload(kLevelsHeaderLength, '\0');
    std::uint32_t count = 0;
    Day previous = 0;
    char letters[4];
    unpack_code(currency, letters);
    for (;;) {
        skip_blanks();
        std::size_t start = pos;
        // A date is at most 12 characters (a sign and six-digit years
        // included): a longer token is refused before anything is copied.
        while (pos < len && text[pos] != '=' && text[pos] != ' ' && pos - start <= kMaxTokenLength) ++pos;
        if (pos - start > kMaxTokenLength) bad_text(text, len, start, "expected a date (YYYY-MM-DD)");
        Day day = 0;
        if (!parse_day(std::string(text + start, pos - start), &day))
            bad_text(text, len, start, "expected a date (YYYY-MM-DD)");
        if (count > 0 && day <= previous) bad_text(text, len, start, "dates must be strictly ascending");
        skip_blanks();
        if (pos >= len || text[pos] != '=') bad_text(text, len, pos, "expected \"=\"");
        ++pos;
        skip_blanks();
        start = pos;
        while (pos < len && text[pos] != ',' && pos - start <= kMaxTokenLength) ++pos;
        if (pos - start > kMaxTokenLength) bad_text(text, len, start, "expected a plain decimal amount");
        std::size_t end = pos;
        while (end > start && text[end - 1] == ' ') --end;
        if (end == start) bad_text(text, len, start, "expected an amount");
        std::string amount(text + start, end - start);
        for (char c : amount)
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'))
                bad_text(text, len, start, "expected a plain decimal amount");
        amount.append(" ").append(letters);
        Holding h = parse_holding(amount.data(), amount.size());
        DatedLevel item;
        item.date = day;
        item.level.set(h.raw());
        item.reserved = 0;
        unsigned char bytes[kLevelsItemLength];
        write_level_item(bytes, item);
        payload.append(reinterpret_cast<const char*>(bytes), kLevelsItemLength);
        ++count;
        previous = day;
        if (pos >= len) break;
        ++pos;  // the comma
    }
    auto* out = static_cast<unsigned char*>(std::malloc(payload.size()));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, payload.data(), payload.size());
    write_levels_header(out, currency, count);
    *payload_length = payload.size();
    return out;
}

Holding levels_net_selling(const LevelsView& view) {
    int128 first = level_at(view, 0).level.get();
    int128 last = level_at(view, view.count - 1).level.get();
    return make_holding(checked_sub(first, last), view.currency);
}

}  // namespace holdings

#include "pure.hpp"
