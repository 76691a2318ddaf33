// Serialized aggregate states: round trips, and every malformed form rejected
// with invalid_binary (22P03), never trusted.
#include <gtest/gtest.h>

#include <string>

#include "state_codec.hpp"

using namespace holdings;

namespace {
const CurrencyCode kJpy = pack_code('J', 'P', 'Y');
const CurrencyCode kUsd = pack_code('U', 'S', 'D');

template <typename F>
void expect_invalid(F f, const std::string& fragment) {
    try {
        f();
        ADD_FAILURE() << "accepted; expected " << fragment;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_binary);
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}
}  // namespace

TEST(StateCodec, AverageRoundTripAndValidation) {
    AverageState s{};
    s.currency = kJpy;
    s.count = 3;
    s.sum.set(-12345);
    unsigned char b[kEncodedBytes<AverageState>];
    encode_fixed(s, b);
    AverageState d = decode_state<AverageState>(b, sizeof b);
    EXPECT_EQ(d.currency, kJpy);
    EXPECT_EQ(d.count, 3);
    EXPECT_EQ(d.sum.get(), -12345);
    expect_invalid([&] { decode_state<AverageState>(b, sizeof b - 1); }, "expected 28 bytes, got 27");
    s.count = 0;  // would divide by zero in avg's final function
    encode_fixed(s, b);
    expect_invalid([&] { decode_state<AverageState>(b, sizeof b); }, "count must be at least 1");
    s.count = 1;
    s.currency = pack_code('Q', 'Q', 'Q');
    encode_fixed(s, b);
    expect_invalid([&] { decode_state<AverageState>(b, sizeof b); }, "unknown currency code");
    s.currency = kJpy;
    s.sum.lo = 0;
    s.sum.hi = INT64_MIN;  // int128 minimum: outside the holding range
    encode_fixed(s, b);
    expect_invalid([&] { decode_state<AverageState>(b, sizeof b); }, "level out of range");
}

TEST(StateCodec, LevelSpanValidation) {
    LevelSpan s{};
    s.currency = kUsd;
    s.first_date = 10;
    s.last_date = 20;
    s.first_level.set(5);
    s.last_level.set(7);
    unsigned char b[kEncodedBytes<LevelSpan>];
    encode_fixed(s, b);
    LevelSpan d = decode_state<LevelSpan>(b, sizeof b);
    EXPECT_EQ(d.first_date, 10);
    EXPECT_EQ(d.last_level.get(), 7);
    s.first_date = 30;
    encode_fixed(s, b);
    expect_invalid([&] { decode_state<LevelSpan>(b, sizeof b); }, "first date after last date");
}

TEST(StateCodec, LevelsValidation) {
    DatedLevel items[2] = {};
    items[0].date = 1;
    items[0].level.set(100);
    items[1].date = 2;
    items[1].level.set(-100);
    LevelsHeader h{kJpy, kUsd, 2};
    std::string bytes = encode_dated(h, items);
    auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    LevelsHeader dh = decode_dated_header<DatedLevel>(p, bytes.size());
    EXPECT_EQ(dh.count, 2u);
    DatedLevel out[2];
    decode_dated_items(p, dh, out);
    EXPECT_EQ(out[1].level.get(), -100);
    expect_invalid([&] { decode_dated_header<DatedLevel>(p, bytes.size() - 1); }, "length does not match the count of 2");
    expect_invalid([&] { decode_dated_header<DatedLevel>(p, 5); }, "shorter than its header");
    LevelsHeader zero{kJpy, kUsd, 0};
    std::string empty = encode_dated(zero, items);
    expect_invalid([&] { decode_dated_header<DatedLevel>(reinterpret_cast<const unsigned char*>(empty.data()), empty.size()); },
                   "count must be at least 1");
    items[1].date = 1;
    std::string dup = encode_dated(h, items);
    auto* q = reinterpret_cast<const unsigned char*>(dup.data());
    expect_invalid([&] { decode_dated_items(q, decode_dated_header<DatedLevel>(q, dup.size()), out); },
                   "dates not strictly ascending");
    // A huge count with a short body is rejected before anything is allocated.
    std::string big = bytes;
    big[8] = '\x7f';
    expect_invalid([&] { decode_dated_header<DatedLevel>(reinterpret_cast<const unsigned char*>(big.data()), big.size()); },
                   "length does not match");
}
