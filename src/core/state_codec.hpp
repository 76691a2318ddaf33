// The serialized forms of the aggregate states (what parallel workers send the
// leader, and postgres_fdw partial aggregates), encoded and validated in the
// core so the deserializers never trust their bytes: like holding_recv, a
// malformed state is Error(invalid_binary) (22P03), never a crash or a wrong
// answer. All integers big-endian (PostgreSQL's pq_sendint); a 128-bit level is
// its high then its low 8 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "aggregates.hpp"
#include "flow_decompose.hpp"

namespace holdings {

// The fixed-size encodings, one layout each (state_codec.cpp), and their
// sizes by type:
//   avg (AverageState): currency (4), count (8, >= 1), sum (16);
//   net_foreign_selling(h, d) (LevelSpan): currency, first date, last date (4
//   each), first and last level (16 each), first date not after the last;
//   an FX-adjusted aggregate's item (DatedLevel): date (4) and level (16);
//   a flow_decompose item (DatedFlow): date (4), flags (4) and the level, net
//   purchases and reported valuation (16 each), as check_flow_items wants it.
template <typename T>
inline constexpr std::size_t kEncodedBytes = 0;
template <>
inline constexpr std::size_t kEncodedBytes<AverageState> = 28;
template <>
inline constexpr std::size_t kEncodedBytes<LevelSpan> = 44;
template <>
inline constexpr std::size_t kEncodedBytes<DatedLevel> = 20;
template <>
inline constexpr std::size_t kEncodedBytes<DatedFlow> = 56;
// Writes the kEncodedBytes<T> bytes of a state or an item (the glue streams
// an item's bytes after the header).
template <typename T>
void encode_fixed(const T& value, unsigned char* out) noexcept;
// A fixed-size state: checks the length and every field.
template <typename State>
State decode_state(const unsigned char* data, std::size_t len);

// The states with one item per date: a header of currency, report currency
// and count (4 bytes each, count >= 1), then count items (DatedLevel,
// DatedFlow), dates strictly ascending.
struct LevelsHeader {
    CurrencyCode currency;
    CurrencyCode report;
    std::uint32_t count;
};
constexpr std::size_t kLevelsHeaderBytes = 12;
// Checks the header and that len is exactly the header and count items.
template <typename Item>
LevelsHeader decode_dated_header(const unsigned char* data, std::size_t len);
// Decodes the items after a checked header (out has room for header.count) and checks them.
template <typename Item>
void decode_dated_items(const unsigned char* data, const LevelsHeader& header, Item* out);
// The whole encoding (for tests and fuzzing).
template <typename Item>
std::string encode_dated(const LevelsHeader& header, const Item* items);

}  // namespace holdings
