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

// An integer as the TIC files print it: optional minus, digits, optional
// thousands separators in groups of three ("1,480"). Writes the plain digits,
// NUL-terminated, into out (size bytes); false if it is not one or does not fit.
bool integer_figure(std::string_view s, char* out, std::size_t size);

// The signature every chunked parser of an official file has (tic_flows,
// tic_table3d, fx_documents): reads whole lines from text[state.pos..len)
// until the document ends (state.done), about `budget` bytes were read (at
// least one line), or `out` might not hold another line's rows; returns the
// number of rows written to out[0..capacity). Start with the format's
// *_parse_start(state).
template <typename State, typename Row>
using ChunkParser = std::size_t(const char* text, std::size_t len, State& state, Row* out, std::size_t capacity,
                                std::size_t budget);

// The step loop of the line-by-line parsers, over a state with pos, line,
// done and rows: while the document is not done, fits(n) (the rows of one
// more line fit after the n written) and the step is within its budget, reads
// the next line (read_document_line, errors naming `what`) and calls
// on_line(line, n), which returns how many rows it wrote at out[n..] (it may
// set state.done: an end marker). At the end of the text it calls at_end(),
// which throws if the document is incomplete; the document is then done.
// Returns the rows written.
template <typename State, typename Fits, typename AtEnd, typename OnLine>
std::size_t parse_lines(const char* text, std::size_t len, State& st, const char* what, std::size_t budget,
                        Fits fits, AtEnd at_end, OnLine on_line) {
    std::size_t n = 0, start = st.pos;
    while (!st.done && fits(n) && (st.pos == start || st.pos - start < budget)) {
        DocumentLine line;
        std::size_t pos = st.pos;
        bool got = read_document_line(text, len, pos, st.line, what, line);
        st.pos = pos;
        if (!got) {
            at_end();
            st.done = true;
        } else {
            n += on_line(line, n);
        }
    }
    return n;
}

}  // namespace holdings
