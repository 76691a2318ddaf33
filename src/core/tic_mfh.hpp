// Parser of the US Treasury TIC "Major Foreign Holders of Treasury Securities"
// history layout (mfhhis01.txt): tab-separated yearly blocks, newest month
// first; at a series break a month is printed twice and the right-hand
// column is the old series, "shown for comparison only".
//
// The parser is incremental and linear: parse_tic_mfh_chunk (a ChunkParser,
// document.hpp) reads whole lines up to a byte budget and writes the figures
// into a caller's buffer of plain structs, keeping its state in a plain
// struct. The PostgreSQL glue calls it in chunks, checks for interrupts between them and copies each chunk into a
// tuplestore, so no C++ object lives across a PostgreSQL call and memory stays
// bounded whatever the document's size (document.hpp: lines of at most
// kMaxLineBytes).
//
// A complete document ends with the footer line "Department of the
// Treasury/Federal Reserve Board" below its tables (the footnotes after it are
// not read): a document without it was cut short and is refused, since its
// last figure may have lost digits ("1079.3" -> "1079").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "document.hpp"

namespace holdings {

constexpr std::size_t kTicMaxColumns = 64;   // month columns of one block
constexpr std::size_t kTicMaxLabel = 100;    // bytes of a row label
constexpr std::size_t kTicMaxFigure = 20;    // characters of a printed figure

// One figure, in plain storage.
struct TicRow {
    int line;          // 1-based line of the document
    Day as_of;         // last day of the month
    bool official;     // false for a series-break comparison value
    char label[kTicMaxLabel + 1];    // without quotes and footnote markers
    char usd_bn[kTicMaxFigure + 1];  // as printed, billions of USD
};

struct TicColumn {
    int year;
    int month;
    bool official;
};

// Parser state: tic_mfh_start(p) (or value-initialize, TicParser{}) starts
// at the beginning.
struct TicParser {
    std::size_t pos;
    int line_no;
    int months_line;
    bool in_block;
    bool seen_block;
    bool done;  // the footer was read
    std::size_t month_count;
    std::size_t column_count;
    int months[kTicMaxColumns];
    TicColumn columns[kTicMaxColumns];
};
void tic_mfh_start(TicParser& p);

// Reads whole lines from text[p.pos..len) until about `budget` bytes were read,
// the footer, or until `out` (capacity >= kTicMaxColumns) might not
// hold another line's figures; returns the number of rows written to out.
// Throws Error(invalid_text) naming the line for anything it cannot read: any
// non-blank line that is not a title, a month row, a "Country" year row, a
// data row, an "Of which:" line or the footer, a line without its newline
// (but the footer), and the end of the text before the footer. Cells printed "n.a." (not
// available) or "*" (less than $50 million) carry no figure and are skipped.
ChunkParser<TicParser, TicRow> parse_tic_mfh_chunk;

struct TicFigure {
    int line;
    std::string label;
    Day as_of;
    std::string usd_bn;
    bool official;
};

// The whole document at once (tests, tools).
std::vector<TicFigure> parse_tic_mfh(const char* text, std::size_t len);

}  // namespace holdings
