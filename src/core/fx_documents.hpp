// Parsers of the two exchange-rate files the extension ships: the Federal
// Reserve H.10/G.5 monthly averages in the datasets/exchange-rates layout
// ("Date,Country,Exchange rate", one rate per line, units per USD) and the
// ECB euro reference rates history (eurofxref-hist.csv: "Date,USD,JPY,...",
// one line per day, units per EUR).
//
// Same design as the TIC parsers (document.hpp, tic_flows.hpp): plain state,
// rows written into a caller's array of plain structs, steps of about
// `budget` bytes, lines of at most kMaxLineBytes, no allocation but an
// error's message, Error(invalid_text) naming the 1-based line.
//
// Where a document ends: neither format has an end marker, so a complete
// document ends with the newline of its last line and has at least one data
// row (a file cut exactly after a line reads as a shorter, complete file).
// ECB lines must also have exactly the header's number of cells (the ECB
// ends every line with a comma), and every day a USD rate (load_ecb_rates
// crosses every rate through USD).
//
// Rates are checked as the plpgsql parsers of 0.2.0 checked them: digits with
// at most one decimal point, not zero, at most 24 characters.
#pragma once

#include <cstddef>

#include "calendar.hpp"
#include "document.hpp"

namespace holdings {

constexpr std::size_t kFxLabelSize = 104;   // H.10 country labels: at most 100 bytes, NUL-terminated
constexpr std::size_t kRateSize = 25;       // a rate as printed: at most 24 characters, NUL-terminated
constexpr int kMaxEcbCurrencies = 128;      // currency columns of an ECB header

struct FxParseState {
    std::size_t pos;     // byte offset of the next line
    int line;            // lines consumed so far
    bool header_seen;
    bool done;           // the document is consumed
    std::size_t rows;    // data lines read so far
    // ECB: the header's cells (with the empty one after a final comma), its
    // currency columns (cells 1 .. currencies) and the USD column.
    int cells;
    int currencies;
    int usd;
    char codes[kMaxEcbCurrencies][4];
};

void fx_parse_start(FxParseState& state);

// One H.10 line: the label as printed, the last day of the month, the rate.
struct H10Row {
    int line;
    Day as_of;
    char label[kFxLabelSize];
    char per_usd[kRateSize];
};
ChunkParser<FxParseState, H10Row> parse_fed_h10_monthly_chunk;

// One ECB rate: the day, the currency of its column, the rate. "N/A" and empty
// cells carry no rate and give no row. At most kMaxEcbCurrencies rows per line;
// capacity must be at least that.
struct EcbRow {
    int line;
    Day as_of;
    char currency[4];
    char per_eur[kRateSize];
};
ChunkParser<FxParseState, EcbRow> parse_ecb_eurofxref_chunk;

}  // namespace holdings
