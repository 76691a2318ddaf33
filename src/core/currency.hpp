// The ISO 4217 currency list, compiled in so that type I/O depends on nothing
// but its input. A currency code is packed into 24 bits ('U'<<16|'S'<<8|'D'),
// so comparing packed codes orders currencies alphabetically.
#pragma once

#include <cstddef>
#include <cstdint>

namespace holdings {

using CurrencyCode = std::uint32_t;

struct CurrencyInfo {
    const char* code;   // three upper-case letters
    int numeric_code;   // ISO 4217 numeric code, 0 when none is given
    int minor_units;    // -1 where ISO 4217 gives none (metals, funds, withdrawn codes)
    bool current;       // false for withdrawn codes
    const char* name;
};

constexpr CurrencyCode pack_code(char a, char b, char c) {
    return (CurrencyCode(static_cast<unsigned char>(a)) << 16) |
           (CurrencyCode(static_cast<unsigned char>(b)) << 8) |
           CurrencyCode(static_cast<unsigned char>(c));
}

// Writes the three letters and a terminating NUL.
inline void unpack_code(CurrencyCode code, char out[4]) {
    out[0] = static_cast<char>((code >> 16) & 0xff);
    out[1] = static_cast<char>((code >> 8) & 0xff);
    out[2] = static_cast<char>(code & 0xff);
    out[3] = '\0';
}

// The entry for a packed code, or nullptr when the code is not in the list.
const CurrencyInfo* find_currency(CurrencyCode code) noexcept;

// Parses exactly `len` characters as a known code, case-insensitively.
// Returns false (and leaves *out alone) when it is not one.
bool lookup_currency(const char* text, std::size_t len, CurrencyCode* out) noexcept;

// The whole list, sorted by code.
std::size_t currency_count() noexcept;
const CurrencyInfo& currency_at(std::size_t index) noexcept;

// Minor units used for display and round(): 0 where ISO gives none.
int display_minor_units(CurrencyCode code) noexcept;

}  // namespace holdings
