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

// avg: currency (4), count (8, >= 1), sum (16).
constexpr std::size_t kAverageStateBytes = 28;
void encode_average_state(const AverageState& s, unsigned char out[kAverageStateBytes]) noexcept;
AverageState decode_average_state(const unsigned char* data, std::size_t len);

// net_foreign_selling(h, d): currency, first date, last date (4 each), first and last level (16 each).
constexpr std::size_t kLevelSpanBytes = 44;
void encode_level_span(const LevelSpan& s, unsigned char out[kLevelSpanBytes]) noexcept;
LevelSpan decode_level_span(const unsigned char* data, std::size_t len);

// FX-adjusted aggregates: currency, report currency, count (4 each, count >= 1),
// then count items of date (4) and level (16), dates strictly ascending.
struct LevelsHeader {
    CurrencyCode currency;
    CurrencyCode report;
    std::uint32_t count;
};
constexpr std::size_t kLevelsHeaderBytes = 12;
constexpr std::size_t kLevelItemBytes = 20;
// Checks the header and that len is exactly the header and count items.
LevelsHeader decode_levels_header(const unsigned char* data, std::size_t len);
// Decodes the items (out has room for header.count); checks dates and levels.
void decode_levels(const unsigned char* data, std::size_t len, const LevelsHeader& header, DatedLevel* out);
// The whole encoding (for tests and fuzzing; the glue streams the same bytes).
std::string encode_levels(const LevelsHeader& header, const DatedLevel* items);

// flow_decompose: the same header, then count items of date (4), flags (4)
// and the level, net purchases and reported valuation (16 each), dates
// strictly ascending, every item as check_flow_items wants it.
constexpr std::size_t kFlowItemBytes = 56;
// Checks the header and that len is exactly the header and count items.
LevelsHeader decode_flows_header(const unsigned char* data, std::size_t len);
// Decodes the items (out has room for header.count) and checks them.
void decode_flows(const unsigned char* data, std::size_t len, const LevelsHeader& header, DatedFlow* out);
// One item's bytes (the glue streams them after the header).
void encode_flow_item(const DatedFlow& item, unsigned char out[kFlowItemBytes]) noexcept;
// The whole encoding (for tests and fuzzing).
std::string encode_flows(const LevelsHeader& header, const DatedFlow* items);

}  // namespace holdings
