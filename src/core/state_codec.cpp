#include "state_codec.hpp"

#include "currency.hpp"

namespace holdings {
namespace {

[[noreturn]] void bad(const char* what, const std::string& why) {
    fail(ErrorKind::invalid_binary, std::string("invalid serialized ") + what + " state: " + why);
}

// Big-endian fields from p on; each call writes one and returns the writer.
class Writer {
public:
    explicit Writer(unsigned char* p) noexcept : p_(p) {}
    Writer& currency(CurrencyCode v) noexcept { return put(v, 4); }
    Writer& count(std::uint32_t v) noexcept { return put(v, 4); }
    Writer& count(std::int64_t v) noexcept { return put(static_cast<std::uint64_t>(v), 8); }
    Writer& day(Day v) noexcept { return put(static_cast<std::uint32_t>(v), 4); }
    Writer& ascending_day(Day v) noexcept { return day(v); }
    Writer& flags(std::uint32_t v) noexcept { return put(v, 4); }
    Writer& level(const Raw128& v) noexcept { return amount(v); }
    Writer& amount(const Raw128& v) noexcept { return put(static_cast<std::uint64_t>(v.hi), 8).put(v.lo, 8); }
    Writer& require(bool, const char*) noexcept { return *this; }

private:
    Writer& put(std::uint64_t v, int n) noexcept {
        for (int i = n - 1; i >= 0; --i, v >>= 8) p_[i] = static_cast<unsigned char>(v & 0xFF);
        p_ += n;
        return *this;
    }
    unsigned char* p_;
};

// The same fields read back from p on, each checked as it is read (errors
// name `what`); each call reads one and returns the reader.
class Reader {
public:
    Reader(const char* what, const unsigned char* p) noexcept : what_(what), p_(p) {}
    Reader& currency(CurrencyCode& v) {
        v = static_cast<CurrencyCode>(get(4));
        return require(find_currency(v) != nullptr, "unknown currency code");
    }
    Reader& count(std::uint32_t& v) {
        v = static_cast<std::uint32_t>(get(4));
        return require(v >= 1, "count must be at least 1");
    }
    Reader& count(std::int64_t& v) {
        v = static_cast<std::int64_t>(get(8));
        if (v < 1) bad(what_, "count must be at least 1, got " + std::to_string(v));
        return *this;
    }
    Reader& day(Day& v) {
        v = static_cast<Day>(static_cast<std::int32_t>(get(4)));
        return *this;
    }
    Reader& ascending_day(Day& v) {  // strictly after the one read before
        day(v);
        require(days_ == 0 || v > previous_, "dates not strictly ascending");
        previous_ = v;
        ++days_;
        return *this;
    }
    Reader& flags(std::uint32_t& v) {
        v = static_cast<std::uint32_t>(get(4));
        return *this;
    }
    Reader& level(Raw128& v) { return amount(v).require(v.get() >= kMinRaw, "level out of range"); }
    Reader& amount(Raw128& v) {
        v.hi = static_cast<std::int64_t>(get(8));
        v.lo = get(8);
        return *this;
    }
    Reader& require(bool ok, const char* why) {
        if (!ok) bad(what_, why);
        return *this;
    }

private:
    std::uint64_t get(int n) noexcept {
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) v = (v << 8) | p_[i];
        p_ += n;
        return v;
    }
    const char* what_;
    const unsigned char* p_;
    Day previous_ = 0;
    std::size_t days_ = 0;
};

// The layout of each serialized form is written once, as the list of its
// fields in byte order: the same list drives the Writer (encode) and the
// Reader (decode and check, field by field, so the first bad field is the one
// reported).
constexpr auto kHeaderFields = [](auto& io, auto& h) { io.currency(h.currency).currency(h.report).count(h.count); };

// A layout (its size is kEncodedBytes): the state's name in errors, its
// fields, and for dated items a check of them all once decoded.
template <typename Fields, typename Check>
struct Layout {
    const char* what;
    Fields fields;
    Check check;
};
template <typename Fields, typename Check = void (*)(const void*, std::size_t)>
constexpr Layout<Fields, Check> make_layout(const char* what, Fields fields, Check check = nullptr) {
    return Layout<Fields, Check>{what, fields, check};
}

constexpr auto layout(const AverageState&) {
    return make_layout("avg(holding)",
                       [](auto& io, auto& s) { io.currency(s.currency).count(s.count).level(s.sum); });
}

constexpr auto layout(const LevelSpan&) {
    return make_layout("net_foreign_selling", [](auto& io, auto& s) {
        io.currency(s.currency).day(s.first_date).day(s.last_date);
        io.require(s.first_date <= s.last_date, "first date after last date");
        io.level(s.first_level).level(s.last_level);
    });
}

// An FX aggregate's item: dates strictly ascending, levels in range.
constexpr auto layout(const DatedLevel&) {
    return make_layout("FX aggregate",
                       [](auto& io, auto& item) { io.ascending_day(item.date).level(item.level); },
                       [](const DatedLevel*, std::size_t) {});
}

// A flow_decompose item: check_flow_items checks the amounts and the dates.
constexpr auto layout(const DatedFlow&) {
    return make_layout("flow_decompose", [](auto& io, auto& item) {
        io.day(item.date).flags(item.flags);
        io.amount(item.level).amount(item.net_purchases).amount(item.reported_valuation);
    }, check_flow_items);
}

}  // namespace

template <typename T>
void encode_fixed(const T& value, unsigned char* out) noexcept {
    Writer w(out);
    layout(value).fields(w, value);
}

template <typename State>
State decode_state(const unsigned char* data, std::size_t len) {
    State s{};
    auto l = layout(s);
    constexpr std::size_t bytes = kEncodedBytes<State>;
    if (len != bytes) bad(l.what, "expected " + std::to_string(bytes) + " bytes, got " + std::to_string(len));
    Reader in(l.what, data);
    l.fields(in, s);
    return s;
}

// The header is checked against the length before its count sizes anything.
template <typename Item>
LevelsHeader decode_dated_header(const unsigned char* data, std::size_t len) {
    auto l = layout(Item{});
    if (len < kLevelsHeaderBytes) bad(l.what, "shorter than its header");
    LevelsHeader h{};
    Reader in(l.what, data);
    kHeaderFields(in, h);
    constexpr std::size_t item_bytes = kEncodedBytes<Item>;
    if ((len - kLevelsHeaderBytes) % item_bytes != 0 || (len - kLevelsHeaderBytes) / item_bytes != h.count)
        bad(l.what, "length does not match the count of " + std::to_string(h.count));
    return h;
}

template <typename Item>
void decode_dated_items(const unsigned char* data, const LevelsHeader& header, Item* out) {
    auto l = layout(Item{});
    Reader in(l.what, data + kLevelsHeaderBytes);
    for (std::uint32_t i = 0; i < header.count; ++i) {
        out[i] = Item{};
        l.fields(in, out[i]);
    }
    l.check(out, header.count);
}

template <typename Item>
std::string encode_dated(const LevelsHeader& header, const Item* items) {
    const std::size_t item_bytes = kEncodedBytes<Item>;
    std::string out(kLevelsHeaderBytes + item_bytes * header.count, '\0');
    auto* p = reinterpret_cast<unsigned char*>(&out[0]);
    Writer w(p);
    kHeaderFields(w, header);
    for (std::uint32_t i = 0; i < header.count; ++i) encode_fixed(items[i], p + kLevelsHeaderBytes + i * item_bytes);
    return out;
}

template void encode_fixed(const AverageState&, unsigned char*) noexcept;
template void encode_fixed(const LevelSpan&, unsigned char*) noexcept;
template void encode_fixed(const DatedLevel&, unsigned char*) noexcept;
template void encode_fixed(const DatedFlow&, unsigned char*) noexcept;
template AverageState decode_state(const unsigned char*, std::size_t);
template LevelSpan decode_state(const unsigned char*, std::size_t);
template LevelsHeader decode_dated_header<DatedLevel>(const unsigned char*, std::size_t);
template LevelsHeader decode_dated_header<DatedFlow>(const unsigned char*, std::size_t);
template void decode_dated_items(const unsigned char*, const LevelsHeader&, DatedLevel*);
template void decode_dated_items(const unsigned char*, const LevelsHeader&, DatedFlow*);
template std::string encode_dated(const LevelsHeader&, const DatedLevel*);
template std::string encode_dated(const LevelsHeader&, const DatedFlow*);

}  // namespace holdings

#include "pure.hpp"
