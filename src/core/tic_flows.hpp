// Parsers of the official files behind holdings.transaction and the dated
// series: TIC Form S (s1_globl.txt), TIC Table 3 (slt_table3.txt), TIC Table 5
// (slt_table5.txt) and FRED series exports (fredgraph.csv).
//
// Every parser is a ChunkParser (document.hpp): it works in steps over plain
// (destructor-free) state and writes its rows into a caller-provided array of
// plain structs, so the PostgreSQL glue keeps the rows in its own memory and
// checks for interrupts between steps, with no C++ object alive. A call parses
// whole lines until the document ends, about `budget` bytes were read, or
// `capacity` rows are written (it stops before a line whose rows might not
// fit: every parser writes at most kMaxTable5Columns rows per line). Work is linear in the
// document's length, lines are at most kMaxLineBytes long, and nothing is
// allocated but an error's message.
//
// Where each document ends (a shorter document is refused, 22P02):
//   Table 3, Table 5: the "Notes:" line below the table;
//   Form S, FRED: the newline of the last line, after at least one data row
//   (the formats have no end marker: a file cut exactly after a line reads as
//   a shorter, complete file).
//
// Errors: Error(invalid_text) naming the 1-based line ("... line N: ...").
#pragma once

#include <cstddef>

#include "calendar.hpp"
#include "document.hpp"

namespace holdings {

constexpr std::size_t kFlowLabelSize = 104;  // row labels: at most 100 bytes, NUL-terminated
constexpr std::size_t kFigureSize = 24;      // a figure as a plain decimal string, NUL-terminated
constexpr int kMaxTable5Columns = 64;

// Where a parser stands in the document between chunks (plain data).
struct FlowParseState {
    std::size_t pos;      // byte offset of the next line
    int line;             // lines consumed so far
    bool header_seen;     // the column header (Form S, Table 3, FRED) or the Country row (Table 5) was read
    bool in_data;         // Table 5: inside the table body; Form S: past the dashed rule
    bool done;            // the document is consumed
    int columns;          // Table 5: number of month columns
    Day periods[kMaxTable5Columns];  // Table 5: the month of each column
    char series[32];      // FRED: the series id of the header
    std::size_t rows;     // data rows read so far
};

void flow_parse_start(FlowParseState& state);

// TIC Form S: one row per country and month. Figures in millions of USD,
// thousands separators removed.
struct FormSRow {
    int line;
    Day as_of;                       // last day of the month
    char label[kFlowLabelSize];
    char code[16];                   // TIC country code
    char figures[12][kFigureSize];   // columns [1] .. [12]
};
ChunkParser<FlowParseState, FormSRow> parse_tic_form_s_chunk;

// TIC Table 3: one row per country and month; has_* false for "n.a.".
struct Table3Row {
    int line;
    Day as_of;
    char label[kFlowLabelSize];
    char code[16];
    char figures[7][kFigureSize];  // total holdings, total net, LT holdings, LT net, LT valuation, ST holdings, ST net
    bool has[7];
};
ChunkParser<FlowParseState, Table3Row> parse_tic_slt_table3_chunk;

// TIC Table 5: one row per printed figure (billions of USD).
struct Table5Row {
    int line;
    Day as_of;
    char label[kFlowLabelSize];
    char figure[kFigureSize];
};
ChunkParser<FlowParseState, Table5Row> parse_tic_slt_table5_chunk;

// FRED fredgraph.csv export: "observation_date,SERIES" then "YYYY-MM-DD,value";
// blank or "." values (holidays) give rows with has_value = false.
struct FredRow {
    int line;
    Day as_of;
    bool has_value;
    char value[kFigureSize];
};
ChunkParser<FlowParseState, FredRow> parse_fred_csv_chunk;

}  // namespace holdings
