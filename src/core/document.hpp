// What every parser of an official file shares: reading a document line by
// line in bounded steps, splitting a line into cells without allocating, and
// quoting a cell in an error message.
//
// The parsers (tic_mfh, tic_flows, fx_documents) keep their place in a plain
// state struct and write rows into a caller's array of plain structs, so the
// PostgreSQL glue owns all their memory (palloc) and checks for interrupts
// between steps. A step reads whole lines until about `budget` bytes were
// read; a line is at most kMaxLineBytes long, so no step does unbounded work.
// The parsers allocate nothing on the heap except the message of an error.
//
// Where a document ends: a complete document either ends with its format's
// end marker (the mfhhis01 footer, the "Notes:" of TIC Tables 3 and 5) or
// ends with a newline. A line without its newline is refused: the document
// was cut short, and its last figure may be cut too ("10.2708" -> "10").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "calendar.hpp"

namespace holdings {

constexpr std::size_t kMaxLineBytes = std::size_t(1) << 20;  // the longest line any parser reads
constexpr std::size_t kStepBytes = std::size_t(1) << 16;     // about what one step reads
constexpr std::size_t kExcerptBytes = 40;                    // of a cell quoted in a message

// A line of a document, without its '\n' and one trailing '\r'.
struct DocumentLine {
    std::string_view text;
    bool terminated;  // it ended with '\n'
};

// Reads the line at text[pos..len) into out, advances pos past its '\n' and
// counts it in line_no; false (nothing read) when pos >= len. Throws
// Error(invalid_text) "<what>, line N: ..." for a line longer than
// kMaxLineBytes (without scanning further) or one holding a NUL byte.
bool read_document_line(const char* text, std::size_t len, std::size_t& pos, int& line_no, const char* what,
                        DocumentLine& out);

// [[noreturn]] Error(invalid_text): "<what>, line N: why".
[[noreturn]] void document_error(const char* what, int line, const std::string& why);

// The standard complaint about a document that ends inside a line, with a hint
// (psql's backquotes drop a file's final newline).
[[noreturn]] void document_cut_short(const char* what, int line);

// A cell quoted for a message: at most kExcerptBytes bytes, cut on a UTF-8
// character boundary, "..." marking a cut.
std::string excerpt(std::string_view s);

// Without leading and trailing blanks (' ') and carriage returns.
std::string_view trim_blanks(std::string_view s);

// Splits a line on sep: the first `max` cells go to cells[0..max) (the ones
// the line does not have are empty); returns the number of cells, and sets
// text_beyond when a cell after the first `max` is not blank.
std::size_t split_cells(std::string_view line, char sep, std::string_view* cells, std::size_t max,
                        bool& text_beyond);

// "YYYY-MM" (the last day of that month) or "YYYY-MM-DD", years 1900 .. 2999.
bool parse_month_end(std::string_view s, Day& out);
bool parse_iso_date(std::string_view s, Day& out);

}  // namespace holdings
