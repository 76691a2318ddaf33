// Parser of TIC Table 3D (slt3d_globl.csv): U.S. Treasury securities held by
// foreign residents by country, monthly 2011-09 .. 2023-01 (the frozen
// pre-redesign history), millions of USD: total, long-term and short-term
// holdings. Holdings only: no transactions and no valuation change.
//
// Layout: free-text header lines (must include "TABLE 3D"), then one CSV line
// per country and month: "Label",code,"YYYY-MM",total,long_term,short_term,
// each figure either an integer (quoted when it has thousands separators,
// "1,192") or "n.a."; then notes. A data line is one whose first cell is a
// quoted label followed by a numeric code; it must then be exactly right.
//
// Like the parsers of tic_flows.hpp it works in chunks over plain state
// (FlowParseState) and writes plain structs, so the PostgreSQL glue keeps no
// C++ object alive and checks for interrupts between chunks. Lines are bounded
// (kMaxTable3DLine bytes); a document without the title, or without any data
// line, is an error, and so is a line without its newline after the title (the
// document was cut short: its last figure may be cut, document.hpp). Errors: Error(invalid_text) "TIC Table 3D document, line N: ...".
#pragma once

#include <cstddef>

#include "tic_flows.hpp"

namespace holdings {

constexpr std::size_t kMaxTable3DLine = 4096;

struct Table3DRow {
    int line;
    Day as_of;                    // last day of the month
    char label[kFlowLabelSize];
    char code[16];                // TIC country code
    char figures[3][kFigureSize]; // total, long-term, short-term (plain digits, optional minus)
    bool has[3];                  // false where printed "n.a."
};

// Parses whole lines until the document ends, about `budget` bytes were read
// or `capacity` rows are written (one row per line). Call
// flow_parse_start(state) first.
ChunkParser<FlowParseState, Table3DRow> parse_tic_table3d_chunk;

}  // namespace holdings
