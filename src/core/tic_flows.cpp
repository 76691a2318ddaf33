#include "tic_flows.hpp"

#include <cstring>
#include <string>
#include <string_view>

#include "error.hpp"

namespace holdings {
namespace {

using std::string_view;

// "\"China, Mainland\"" -> "China, Mainland".
string_view unquote(string_view s) {
    s = trim_blanks(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = trim_blanks(s.substr(1, s.size() - 2));
    return s;
}

[[noreturn]] void bad(const char* what, int line, const std::string& why) { document_error(what, line, why); }

bool all_blank(const string_view* cells, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
        if (!trim_blanks(cells[i]).empty()) return false;
    return true;
}

// A line of blanks, tabs and dashes only (a rule or an empty row).
bool blank_or_rule(string_view line) {
    for (char ch : line)
        if (ch != '-' && ch != ' ' && ch != '\t' && ch != '\r') return false;
    return true;
}

bool digits(string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// An integer as TIC prints it (integer_figure), optionally in double quotes.
bool quoted_integer(string_view s, char* out) { return integer_figure(unquote(s), out, kFigureSize); }

// A decimal figure: optional minus, digits, optional fraction.
bool decimal_figure(string_view s, char* out) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    bool before = false, after = false, point = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') (point ? after : before) = true;
        else if (c == '.' && !point) point = true;
        else return false;
    }
    if (!before || (point && !after) || s.size() + 1 > kFigureSize) return false;
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    return true;
}

void copy_label(const char* what, int line, string_view label, char* out) {
    label = unquote(label);
    if (label.empty()) bad(what, line, "empty row label");
    if (label.size() >= kFlowLabelSize) bad(what, line, "row label longer than 100 characters");
    std::memcpy(out, label.data(), label.size());
    out[label.size()] = '\0';
}

void copy_code(const char* what, int line, string_view code, char* out) {
    code = trim_blanks(code);
    if (!digits(code) || code.size() > 10) bad(what, line, "bad country code " + excerpt(code));
    std::memcpy(out, code.data(), code.size());
    out[code.size()] = '\0';
}

// What the four formats' step loops differ in.
struct FlowFormat {
    const char* what;          // the document, in errors
    char separator;            // between cells
    std::size_t cells;         // cells split per line (at most kMaxTable5Columns + 1)
    std::size_t line_rows;     // the most rows one line writes
    bool notes_end;            // ends at the "Notes:" line below the table (else at its final newline)
    const char* no_header;     // the complaint when the text ends before the header
};

constexpr FlowFormat kFormS{"TIC Form S document", '\t', 15, 1, false,
                            "no column header (expected \"name, code, month, [1] .. [12]\")"};
constexpr FlowFormat kTable3{"TIC Table 3 document", '\t', 10, 1, true,
                             "no column header (expected \"country, country_code, date, for_treas_pos, ...\")"};
constexpr FlowFormat kTable5{"TIC Table 5 document", '\t', kMaxTable5Columns + 1, kMaxTable5Columns, true,
                             "no \"Country\" row with the months"};
constexpr FlowFormat kFred{"FRED document", ',', 2, 1, false, "empty document (expected \"observation_date,SERIES\")"};

using Cells = const string_view*;

// One step of a format (parse_lines): every line is split into f.cells
// cells; a line without its newline is refused (but the "Notes:" line); lines
// before the header go to header(cells, count, beyond, line), which sets
// st.header_seen when it has read it; the lines after it go to
// row(cells, count, beyond, line, n), which returns how many rows it wrote at
// out[n..] and counts a data line in st.rows. A document without an end
// marker is complete at its final newline, once it has a data row.
template <typename Header, typename Row>
std::size_t parse_flow(const FlowFormat& f, const char* text, std::size_t len, FlowParseState& st,
                       std::size_t capacity, std::size_t budget, Header header, Row row) {
    string_view cells[kMaxTable5Columns + 1];
    return parse_lines(
        text, len, st, f.what, budget, [&](std::size_t n) { return n + f.line_rows <= capacity; },
        [&] {
            if (!st.header_seen) bad(f.what, st.line, f.no_header);
            if (f.notes_end)
                bad(f.what, st.line, "the document ends before the \"Notes:\" line below the table: it is incomplete");
            if (st.rows == 0) bad(f.what, st.line, "no data rows (the document is incomplete)");
        },
        [&](const DocumentLine& dl, std::size_t n) -> std::size_t {
            bool beyond = false;
            std::size_t count = split_cells(dl.text, f.separator, cells, f.cells, beyond);
            if (f.notes_end && st.header_seen && trim_blanks(cells[0]) == "Notes:") {  // footnotes follow
                st.done = true;
                return 0;
            }
            if (!dl.terminated) document_cut_short(f.what, st.line);
            if (st.header_seen) return row(cells, count, beyond, dl.text, n);
            header(cells, count, beyond, dl.text);
            return 0;
        });
}

// Form S and Table 3: a header naming each of the f.cells columns (the first
// one starts it; the lines above are titles), then one row per country and
// month: label, TIC country code, month, then the figures, which
// figures(cells + 3, row) reads. Blank lines and rules are skipped.
template <typename Row, typename Figures>
std::size_t parse_country_table(const FlowFormat& f, const char* const* columns, const char* after_last,
                                const char* text, std::size_t len, FlowParseState& st, Row* out,
                                std::size_t capacity, std::size_t budget, Figures figures) {
    return parse_flow(
        f, text, len, st, capacity, budget,
        [&](Cells cells, std::size_t count, bool beyond, string_view) {
            if (trim_blanks(cells[0]) != columns[0]) return;  // titles and the column heads above
            bool ok = count >= f.cells;
            for (std::size_t i = 1; ok && i < f.cells; ++i) ok = trim_blanks(cells[i]) == columns[i];
            if (!ok || beyond) bad(f.what, st.line, "unexpected column header");
            st.header_seen = true;
        },
        [&](Cells cells, std::size_t count, bool beyond, string_view line, std::size_t n) -> std::size_t {
            if (blank_or_rule(line)) return 0;
            if (count < f.cells)
                bad(f.what, st.line,
                    "expected " + std::to_string(f.cells) + " tab-separated cells, found " + std::to_string(count));
            if (beyond) bad(f.what, st.line, after_last);
            Row& r = out[n];
            r.line = st.line;
            copy_label(f.what, st.line, cells[0], r.label);
            copy_code(f.what, st.line, cells[1], r.code);
            if (!parse_month_end(trim_blanks(cells[2]), r.as_of))
                bad(f.what, st.line, "bad month " + excerpt(trim_blanks(cells[2])));
            figures(cells + 3, r);
            ++st.rows;
            return 1;
        });
}

}  // namespace

void flow_parse_start(FlowParseState& state) {
    std::memset(&state, 0, sizeof state);
}

std::size_t parse_tic_form_s_chunk(const char* text, std::size_t len, FlowParseState& st, FormSRow* out,
                                   std::size_t capacity, std::size_t budget) {
    static const char* const kColumns[] = {"name", "code", "month", "[1]", "[2]",  "[3]",  "[4]",  "[5]",
                                           "[6]",  "[7]",  "[8]",   "[9]", "[10]", "[11]", "[12]"};
    return parse_country_table(kFormS, kColumns, "text after column [12]", text, len, st, out, capacity, budget,
                               [&](Cells figures, FormSRow& r) {
                                   for (int i = 0; i < 12; ++i)
                                       if (!quoted_integer(figures[i], r.figures[i]))
                                           bad(kFormS.what, st.line,
                                               "column [" + std::to_string(i + 1) + "] is not a figure: " +
                                                   excerpt(trim_blanks(figures[i])));
                               });
}

std::size_t parse_tic_slt_table3_chunk(const char* text, std::size_t len, FlowParseState& st, Table3Row* out,
                                       std::size_t capacity, std::size_t budget) {
    static const char* const kColumns[] = {"country",          "country_code",     "date",
                                           "for_treas_pos",    "for_treas_net",    "for_lt_treas_pos",
                                           "for_lt_treas_net", "for_lt_treas_valchg", "for_st_treas_pos",
                                           "for_st_treas_net"};
    return parse_country_table(kTable3, kColumns, "text after the last column", text, len, st, out, capacity, budget,
                               [&](Cells figures, Table3Row& r) {
                                   for (int i = 0; i < 7; ++i) {
                                       string_view c = trim_blanks(figures[i]);
                                       r.has[i] = c != "n.a.";
                                       if (!r.has[i]) {
                                           r.figures[i][0] = '\0';
                                           continue;
                                       }
                                       if (c.find(',') != string_view::npos || !quoted_integer(c, r.figures[i]))
                                           bad(kTable3.what, st.line,
                                               std::string("column ") + kColumns[3 + i] + " is not a figure: " + excerpt(c));
                                   }
                               });
}

std::size_t parse_tic_slt_table5_chunk(const char* text, std::size_t len, FlowParseState& st, Table5Row* out,
                                       std::size_t capacity, std::size_t budget) {
    const char* what = kTable5.what;
    const std::size_t kCells = kTable5.cells;
    return parse_flow(
        kTable5, text, len, st, capacity, budget,
        [&](Cells cells, std::size_t count, bool beyond, string_view) {
            if (trim_blanks(cells[0]) != "Country") return;
            int columns = 0;
            std::size_t stored = count < kCells ? count : kCells;
            for (std::size_t i = 1; i < stored; ++i) {
                string_view c = trim_blanks(cells[i]);
                if (c.empty()) {
                    if (!all_blank(cells, i, stored) || beyond) bad(what, st.line, "a blank month column");
                    break;
                }
                if (!parse_month_end(c, st.periods[columns])) bad(what, st.line, "bad month " + excerpt(c));
                for (int j = 0; j < columns; ++j)
                    if (st.periods[j] == st.periods[columns]) bad(what, st.line, "month " + excerpt(c) + " printed twice");
                ++columns;
            }
            if (beyond && columns == kMaxTable5Columns) bad(what, st.line, "more than 64 month columns");
            if (columns == 0) bad(what, st.line, "no month columns");
            st.columns = columns;
            st.header_seen = true;
        },
        [&](Cells cells, std::size_t, bool beyond, string_view line, std::size_t n) -> std::size_t {
            if (blank_or_rule(line)) return 0;
            if (beyond || !all_blank(cells, static_cast<std::size_t>(st.columns) + 1, kCells))
                bad(what, st.line, "more figures than months");
            char label[kFlowLabelSize];
            copy_label(what, st.line, cells[0], label);
            std::size_t written = 0;
            for (int i = 0; i < st.columns; ++i) {
                string_view c = trim_blanks(cells[i + 1]);
                if (c == "n.a." || c == "*") continue;
                if (c.empty()) bad(what, st.line, "missing figure in column " + std::to_string(i + 1));
                Table5Row& r = out[n + written];
                if (c.front() == '-' || !decimal_figure(c, r.figure)) bad(what, st.line, "not a figure: " + excerpt(c));
                r.line = st.line;
                r.as_of = st.periods[i];
                std::memcpy(r.label, label, sizeof label);
                ++written;
            }
            ++st.rows;
            return written;
        });
}

std::size_t parse_fred_csv_chunk(const char* text, std::size_t len, FlowParseState& st, FredRow* out,
                                 std::size_t capacity, std::size_t budget) {
    const char* what = kFred.what;
    return parse_flow(
        kFred, text, len, st, capacity, budget,
        [&](Cells cells, std::size_t count, bool, string_view line) {
            string_view head = trim_blanks(cells[0]);
            string_view series = count == 2 ? trim_blanks(cells[1]) : string_view();
            bool ok = (head == "observation_date" || head == "DATE") && !series.empty() && series.size() < sizeof st.series;
            for (char c : series) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
            if (!ok) bad(what, st.line, "expected the header \"observation_date,SERIES\", found " + excerpt(line));
            std::memcpy(st.series, series.data(), series.size());
            st.series[series.size()] = '\0';
            st.header_seen = true;
        },
        [&](Cells cells, std::size_t count, bool, string_view line, std::size_t n) -> std::size_t {
            if (trim_blanks(line).empty()) {
                if (st.pos >= len) return 0;  // a blank last line
                bad(what, st.line, "empty line");
            }
            if (count != 2) bad(what, st.line, "expected 2 comma-separated cells, found " + std::to_string(count));
            FredRow& r = out[n];
            r.line = st.line;
            if (!parse_iso_date(trim_blanks(cells[0]), r.as_of))
                bad(what, st.line, "bad date " + excerpt(trim_blanks(cells[0])));
            string_view v = trim_blanks(cells[1]);
            r.has_value = !(v.empty() || v == ".");
            if (r.has_value) {
                if (!decimal_figure(v, r.value)) bad(what, st.line, "not a number: " + excerpt(v));
            } else {
                r.value[0] = '\0';
            }
            ++st.rows;
            return 1;
        });
}

}  // namespace holdings

#include "pure.hpp"
