#include "state_codec.hpp"

#include "currency.hpp"

namespace holdings {
namespace {

[[noreturn]] void bad(const char* what, const std::string& why) {
    fail(ErrorKind::invalid_binary, std::string("invalid serialized ") + what + " state: " + why);
}

std::uint64_t get_be(const unsigned char* p, int n) noexcept {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
    return v;
}

void put_be(unsigned char* p, std::uint64_t v, int n) noexcept {
    for (int i = n - 1; i >= 0; --i) {
        p[i] = static_cast<unsigned char>(v & 0xFF);
        v >>= 8;
    }
}

void put_raw(unsigned char* p, const Raw128& v) noexcept {
    put_be(p, static_cast<std::uint64_t>(v.hi), 8);
    put_be(p + 8, v.lo, 8);
}

Raw128 get_raw(const char* what, const unsigned char* p) {
    Raw128 v;
    v.hi = static_cast<std::int64_t>(get_be(p, 8));
    v.lo = get_be(p + 8, 8);
    if (v.get() < kMinRaw) bad(what, "level out of range");
    return v;
}

CurrencyCode get_currency(const char* what, const unsigned char* p) {
    std::uint32_t code = static_cast<std::uint32_t>(get_be(p, 4));
    if (find_currency(code) == nullptr) bad(what, "unknown currency code");
    return code;
}

void check_length(const char* what, std::size_t len, std::size_t expected) {
    if (len != expected)
        bad(what, "expected " + std::to_string(expected) + " bytes, got " + std::to_string(len));
}

}  // namespace

void encode_average_state(const AverageState& s, unsigned char out[kAverageStateBytes]) noexcept {
    put_be(out, s.currency, 4);
    put_be(out + 4, static_cast<std::uint64_t>(s.count), 8);
    put_raw(out + 12, s.sum);
}

AverageState decode_average_state(const unsigned char* data, std::size_t len) {
    const char* what = "avg(holding)";
    check_length(what, len, kAverageStateBytes);
    AverageState s{};
    s.currency = get_currency(what, data);
    s.count = static_cast<std::int64_t>(get_be(data + 4, 8));
    if (s.count < 1) bad(what, "count must be at least 1, got " + std::to_string(s.count));
    s.sum = get_raw(what, data + 12);
    return s;
}

void encode_level_span(const LevelSpan& s, unsigned char out[kLevelSpanBytes]) noexcept {
    put_be(out, s.currency, 4);
    put_be(out + 4, static_cast<std::uint32_t>(s.first_date), 4);
    put_be(out + 8, static_cast<std::uint32_t>(s.last_date), 4);
    put_raw(out + 12, s.first_level);
    put_raw(out + 28, s.last_level);
}

LevelSpan decode_level_span(const unsigned char* data, std::size_t len) {
    const char* what = "net_foreign_selling";
    check_length(what, len, kLevelSpanBytes);
    LevelSpan s{};
    s.currency = get_currency(what, data);
    s.first_date = static_cast<Day>(static_cast<std::int32_t>(get_be(data + 4, 4)));
    s.last_date = static_cast<Day>(static_cast<std::int32_t>(get_be(data + 8, 4)));
    if (s.first_date > s.last_date) bad(what, "first date after last date");
    s.first_level = get_raw(what, data + 12);
    s.last_level = get_raw(what, data + 28);
    return s;
}

// The header of a state with one item of item_bytes per date (currency,
// report currency, count), checked against the length before the count sizes
// anything.
static LevelsHeader decode_dated_header(const char* what, const unsigned char* data, std::size_t len,
                                        std::size_t item_bytes) {
    if (len < kLevelsHeaderBytes) bad(what, "shorter than its header");
    LevelsHeader h{};
    h.currency = get_currency(what, data);
    h.report = get_currency(what, data + 4);
    h.count = static_cast<std::uint32_t>(get_be(data + 8, 4));
    if (h.count < 1) bad(what, "count must be at least 1");
    if ((len - kLevelsHeaderBytes) % item_bytes != 0 || (len - kLevelsHeaderBytes) / item_bytes != h.count)
        bad(what, "length does not match the count of " + std::to_string(h.count));
    return h;
}

LevelsHeader decode_levels_header(const unsigned char* data, std::size_t len) {
    return decode_dated_header("FX aggregate", data, len, kLevelItemBytes);
}

void decode_levels(const unsigned char* data, std::size_t len, const LevelsHeader& header, DatedLevel* out) {
    const char* what = "FX aggregate";
    (void)len;
    const unsigned char* p = data + kLevelsHeaderBytes;
    for (std::uint32_t i = 0; i < header.count; ++i, p += kLevelItemBytes) {
        out[i].date = static_cast<Day>(static_cast<std::int32_t>(get_be(p, 4)));
        if (i > 0 && out[i].date <= out[i - 1].date) bad(what, "dates not strictly ascending");
        out[i].level = get_raw(what, p + 4);
        out[i].reserved = 0;
    }
}

std::string encode_levels(const LevelsHeader& header, const DatedLevel* items) {
    std::string out(kLevelsHeaderBytes + kLevelItemBytes * header.count, '\0');
    auto* p = reinterpret_cast<unsigned char*>(&out[0]);
    put_be(p, header.currency, 4);
    put_be(p + 4, header.report, 4);
    put_be(p + 8, header.count, 4);
    p += kLevelsHeaderBytes;
    for (std::uint32_t i = 0; i < header.count; ++i, p += kLevelItemBytes) {
        put_be(p, static_cast<std::uint32_t>(items[i].date), 4);
        put_raw(p + 4, items[i].level);
    }
    return out;
}

LevelsHeader decode_flows_header(const unsigned char* data, std::size_t len) {
    return decode_dated_header("flow_decompose", data, len, kFlowItemBytes);
}

void decode_flows(const unsigned char* data, std::size_t len, const LevelsHeader& header, DatedFlow* out) {
    (void)len;
    const unsigned char* p = data + kLevelsHeaderBytes;
    for (std::uint32_t i = 0; i < header.count; ++i, p += kFlowItemBytes) {
        out[i].date = static_cast<Day>(static_cast<std::int32_t>(get_be(p, 4)));
        out[i].flags = static_cast<std::uint32_t>(get_be(p + 4, 4));
        Raw128* values[3] = {&out[i].level, &out[i].net_purchases, &out[i].reported_valuation};
        for (int k = 0; k < 3; ++k) {
            values[k]->hi = static_cast<std::int64_t>(get_be(p + 8 + 16 * k, 8));
            values[k]->lo = get_be(p + 16 + 16 * k, 8);
        }
    }
    check_flow_items(out, header.count);
}

void encode_flow_item(const DatedFlow& item, unsigned char out[kFlowItemBytes]) noexcept {
    put_be(out, static_cast<std::uint32_t>(item.date), 4);
    put_be(out + 4, item.flags, 4);
    put_raw(out + 8, item.level);
    put_raw(out + 24, item.net_purchases);
    put_raw(out + 40, item.reported_valuation);
}

std::string encode_flows(const LevelsHeader& header, const DatedFlow* items) {
    std::string out(kLevelsHeaderBytes + kFlowItemBytes * header.count, '\0');
    auto* p = reinterpret_cast<unsigned char*>(&out[0]);
    put_be(p, header.currency, 4);
    put_be(p + 4, header.report, 4);
    put_be(p + 8, header.count, 4);
    p += kLevelsHeaderBytes;
    for (std::uint32_t i = 0; i < header.count; ++i, p += kFlowItemBytes) encode_flow_item(items[i], p);
    return out;
}

}  // namespace holdings

#include "pure.hpp"
