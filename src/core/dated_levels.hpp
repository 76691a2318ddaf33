// The transferable state of the two-step FX aggregates (SQL type dated_levels):
// the levels of one currency by date, in a byte layout that is the same in
// memory, on disk and on the wire, so that a state computed on one server
// (a shard) can be sent to another (the coordinator) as text or binary and
// finished there with that server's rates.
//
// Payload (network byte order, no padding):
//   version (1 byte, = 1), currency letters (3 bytes), count (4 bytes, >= 1),
//   then count items of 20 bytes: date (4 bytes, days since 2000-01-01),
//   level (16 bytes, two's complement, high half first), dates strictly ascending.
// Text form: "USD:2006-01-06=1234.50,2006-01-13=1300.00" (dates ascending).
#pragma once

#include <cstddef>
#include <cstdint>

#include "aggregates.hpp"

namespace holdings {

constexpr unsigned char kLevelsVersion = 1;
constexpr std::size_t kLevelsHeaderLength = 8;
constexpr std::size_t kLevelsItemLength = 20;

// A validated payload, read in place.
struct LevelsView {
    CurrencyCode currency;
    std::uint32_t count;
    const unsigned char* items;  // count * kLevelsItemLength bytes
};

inline std::size_t levels_payload_length(std::uint32_t count) {
    return kLevelsHeaderLength + kLevelsItemLength * static_cast<std::size_t>(count);
}

// Checks everything (version, known currency, count >= 1, exact length, dates
// strictly ascending); throws Error(invalid_binary) naming what is wrong.
LevelsView read_levels(const unsigned char* data, std::size_t len);

// Item i of a validated payload.
DatedLevel level_at(const LevelsView& view, std::uint32_t i) noexcept;

// Writes the header and the items of a payload.
void write_levels_header(unsigned char* out, CurrencyCode currency, std::uint32_t count) noexcept;
void write_level_item(unsigned char* out, const DatedLevel& item) noexcept;

// The text form's length (without a NUL) and the text itself, written into a
// buffer of at least that many bytes plus one.
std::size_t levels_text_length(const LevelsView& view) noexcept;
void format_levels(const LevelsView& view, char* out) noexcept;

// Parses the text form into a payload of levels_payload_length(count) bytes,
// allocated with std::malloc (the caller frees it). Throws Error(invalid_text)
// naming the position; Error(out_of_range) for an amount out of range.
unsigned char* parse_levels(const char* text, std::size_t len, std::size_t* payload_length);

// Level on the earliest date minus level on the latest date.
Holding levels_net_selling(const LevelsView& view);

}  // namespace holdings
