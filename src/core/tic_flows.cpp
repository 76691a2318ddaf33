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

// An integer as TIC prints it: optional minus, digits, optional thousands
// separators in groups of three ("1,480"), optionally in double quotes.
// Writes the plain digits; false if it is not one.
bool integer_figure(string_view s, char* out) {
    s = unquote(s);
    std::size_t n = 0, i = 0;
    if (i < s.size() && s[i] == '-') out[n++] = s[i++];
    std::size_t group = 0, digits_seen = 0;
    bool commas = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (n + 1 >= kFigureSize) return false;
            out[n++] = c;
            ++group;
            ++digits_seen;
        } else if (c == ',') {
            if (group == 0 || (commas && group != 3) || (!commas && group > 3)) return false;
            commas = true;
            group = 0;
        } else {
            return false;
        }
    }
    if (digits_seen == 0 || (commas && group != 3)) return false;
    out[n] = '\0';
    return true;
}

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

const char* const kFormS = "TIC Form S document";
const char* const kTable3 = "TIC Table 3 document";
const char* const kTable5 = "TIC Table 5 document";
const char* const kFred = "FRED document";

// The next line, or false at the end of the text; every line but an end
// marker must end with a newline (checked by the caller through `terminated`).
bool next_line(const char* text, std::size_t len, FlowParseState& st, const char* what, DocumentLine& line) {
    std::size_t pos = st.pos;
    bool got = read_document_line(text, len, pos, st.line, what, line);
    st.pos = pos;
    return got;
}

// A document without an end marker is complete at its final newline, once it
// has at least one data row.
void end_without_marker(const char* what, const FlowParseState& st) {
    if (st.rows == 0) bad(what, st.line, "no data rows (the document is incomplete)");
}

}  // namespace

void flow_parse_start(FlowParseState& state) {
    std::memset(&state, 0, sizeof state);
}

std::size_t parse_tic_form_s_chunk(const char* text, std::size_t len, FlowParseState& st, FormSRow* out,
                                   std::size_t capacity, std::size_t budget) {
    string_view cells[15];
    std::size_t n = 0, start = st.pos;
    while (!st.done && n < capacity && (st.pos == start || st.pos - start < budget)) {
        DocumentLine dl;
        if (!next_line(text, len, st, kFormS, dl)) {
            if (!st.header_seen)
                bad(kFormS, st.line, "no column header (expected \"name, code, month, [1] .. [12]\")");
            end_without_marker(kFormS, st);
            st.done = true;
            break;
        }
        if (!dl.terminated) document_cut_short(kFormS, st.line);
        bool beyond = false;
        std::size_t count = split_cells(dl.text, '\t', cells, 15, beyond);
        if (!st.header_seen) {
            if (trim_blanks(cells[0]) != "name") continue;  // titles and the column heads above
            bool ok = count >= 15 && trim_blanks(cells[1]) == "code" && trim_blanks(cells[2]) == "month";
            for (int i = 0; ok && i < 12; ++i)
                ok = trim_blanks(cells[3 + i]) == "[" + std::to_string(i + 1) + "]";
            if (!ok || beyond) bad(kFormS, st.line, "unexpected column header");
            st.header_seen = true;
            continue;
        }
        if (blank_or_rule(dl.text)) continue;
        if (count < 15) bad(kFormS, st.line, "expected 15 tab-separated cells, found " + std::to_string(count));
        if (beyond) bad(kFormS, st.line, "text after column [12]");
        FormSRow& r = out[n];
        r.line = st.line;
        copy_label(kFormS, st.line, cells[0], r.label);
        copy_code(kFormS, st.line, cells[1], r.code);
        if (!parse_month_end(trim_blanks(cells[2]), r.as_of))
            bad(kFormS, st.line, "bad month " + excerpt(trim_blanks(cells[2])));
        for (int i = 0; i < 12; ++i)
            if (!integer_figure(cells[3 + i], r.figures[i]))
                bad(kFormS, st.line,
                    "column [" + std::to_string(i + 1) + "] is not a figure: " + excerpt(trim_blanks(cells[3 + i])));
        ++n;
        ++st.rows;
    }
    return n;
}

std::size_t parse_tic_slt_table3_chunk(const char* text, std::size_t len, FlowParseState& st, Table3Row* out,
                                       std::size_t capacity, std::size_t budget) {
    static const char* const kColumns[] = {"country",          "country_code",     "date",
                                           "for_treas_pos",    "for_treas_net",    "for_lt_treas_pos",
                                           "for_lt_treas_net", "for_lt_treas_valchg", "for_st_treas_pos",
                                           "for_st_treas_net"};
    string_view cells[10];
    std::size_t n = 0, start = st.pos;
    while (!st.done && n < capacity && (st.pos == start || st.pos - start < budget)) {
        DocumentLine dl;
        if (!next_line(text, len, st, kTable3, dl)) {
            if (!st.header_seen)
                bad(kTable3, st.line, "no column header (expected \"country, country_code, date, for_treas_pos, ...\")");
            bad(kTable3, st.line, "the document ends before the \"Notes:\" line below the table: it is incomplete");
        }
        bool beyond = false;
        std::size_t count = split_cells(dl.text, '\t', cells, 10, beyond);
        string_view first = trim_blanks(cells[0]);
        if (st.header_seen && first == "Notes:") {  // footnotes and column definitions follow
            st.done = true;
            break;
        }
        if (!dl.terminated) document_cut_short(kTable3, st.line);
        if (!st.header_seen) {
            if (first != "country") continue;
            bool ok = count >= 10;
            for (int i = 1; ok && i < 10; ++i) ok = trim_blanks(cells[i]) == kColumns[i];
            if (!ok || beyond) bad(kTable3, st.line, "unexpected column header");
            st.header_seen = true;
            continue;
        }
        if (blank_or_rule(dl.text)) continue;
        if (count < 10) bad(kTable3, st.line, "expected 10 tab-separated cells, found " + std::to_string(count));
        if (beyond) bad(kTable3, st.line, "text after the last column");
        Table3Row& r = out[n];
        r.line = st.line;
        copy_label(kTable3, st.line, cells[0], r.label);
        copy_code(kTable3, st.line, cells[1], r.code);
        if (!parse_month_end(trim_blanks(cells[2]), r.as_of))
            bad(kTable3, st.line, "bad month " + excerpt(trim_blanks(cells[2])));
        for (int i = 0; i < 7; ++i) {
            string_view c = trim_blanks(cells[3 + i]);
            r.has[i] = c != "n.a.";
            if (!r.has[i]) {
                r.figures[i][0] = '\0';
                continue;
            }
            if (c.find(',') != string_view::npos || !integer_figure(c, r.figures[i]))
                bad(kTable3, st.line, std::string("column ") + kColumns[3 + i] + " is not a figure: " + excerpt(c));
        }
        ++n;
        ++st.rows;
    }
    return n;
}

std::size_t parse_tic_slt_table5_chunk(const char* text, std::size_t len, FlowParseState& st, Table5Row* out,
                                       std::size_t capacity, std::size_t budget) {
    constexpr std::size_t kCells = kMaxTable5Columns + 1;
    string_view cells[kCells];
    std::size_t n = 0, start = st.pos;
    while (!st.done && n + kMaxTable5Columns <= capacity && (st.pos == start || st.pos - start < budget)) {
        DocumentLine dl;
        if (!next_line(text, len, st, kTable5, dl)) {
            if (!st.header_seen) bad(kTable5, st.line, "no \"Country\" row with the months");
            bad(kTable5, st.line, "the document ends before the \"Notes:\" line below the table: it is incomplete");
        }
        bool beyond = false;
        std::size_t count = split_cells(dl.text, '\t', cells, kCells, beyond);
        string_view first = trim_blanks(cells[0]);
        if (st.header_seen && first == "Notes:") {
            st.done = true;
            break;
        }
        if (!dl.terminated) document_cut_short(kTable5, st.line);
        if (!st.header_seen) {
            if (first != "Country") continue;
            int columns = 0;
            std::size_t stored = count < kCells ? count : kCells;
            for (std::size_t i = 1; i < stored; ++i) {
                string_view c = trim_blanks(cells[i]);
                if (c.empty()) {
                    if (!all_blank(cells, i, stored) || beyond) bad(kTable5, st.line, "a blank month column");
                    break;
                }
                if (!parse_month_end(c, st.periods[columns])) bad(kTable5, st.line, "bad month " + excerpt(c));
                for (int j = 0; j < columns; ++j)
                    if (st.periods[j] == st.periods[columns])
                        bad(kTable5, st.line, "month " + excerpt(c) + " printed twice");
                ++columns;
            }
            if (beyond && columns == kMaxTable5Columns) bad(kTable5, st.line, "more than 64 month columns");
            if (columns == 0) bad(kTable5, st.line, "no month columns");
            st.columns = columns;
            st.header_seen = true;
            continue;
        }
        if (blank_or_rule(dl.text)) continue;
        if (beyond || !all_blank(cells, static_cast<std::size_t>(st.columns) + 1, kCells))
            bad(kTable5, st.line, "more figures than months");
        char label[kFlowLabelSize];
        copy_label(kTable5, st.line, cells[0], label);
        for (int i = 0; i < st.columns; ++i) {
            string_view c = trim_blanks(cells[i + 1]);
            if (c == "n.a." || c == "*") continue;
            if (c.empty()) bad(kTable5, st.line, "missing figure in column " + std::to_string(i + 1));
            Table5Row& r = out[n];
            if (c.front() == '-' || !decimal_figure(c, r.figure)) bad(kTable5, st.line, "not a figure: " + excerpt(c));
            r.line = st.line;
            r.as_of = st.periods[i];
            std::memcpy(r.label, label, sizeof label);
            ++n;
        }
        ++st.rows;
    }
    return n;
}

std::size_t parse_fred_csv_chunk(const char* text, std::size_t len, FlowParseState& st, FredRow* out,
                                 std::size_t capacity, std::size_t budget) {
    string_view cells[2];
    std::size_t n = 0, start = st.pos;
    while (!st.done && n < capacity && (st.pos == start || st.pos - start < budget)) {
        DocumentLine dl;
        if (!next_line(text, len, st, kFred, dl)) {
            if (!st.header_seen) bad(kFred, st.line, "empty document (expected \"observation_date,SERIES\")");
            end_without_marker(kFred, st);
            st.done = true;
            break;
        }
        if (!dl.terminated) document_cut_short(kFred, st.line);
        string_view line = dl.text;
        bool beyond = false;
        std::size_t count = split_cells(line, ',', cells, 2, beyond);
        if (!st.header_seen) {
            string_view head = trim_blanks(cells[0]);
            string_view series = count == 2 ? trim_blanks(cells[1]) : string_view();
            bool ok = (head == "observation_date" || head == "DATE") && !series.empty() && series.size() < sizeof st.series;
            for (char c : series)
                ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
            if (!ok) bad(kFred, st.line, "expected the header \"observation_date,SERIES\", found " + excerpt(line));
            std::memcpy(st.series, series.data(), series.size());
            st.series[series.size()] = '\0';
            st.header_seen = true;
            continue;
        }
        if (trim_blanks(line).empty()) {
            if (st.pos >= len) continue;  // a blank last line
            bad(kFred, st.line, "empty line");
        }
        if (count != 2) bad(kFred, st.line, "expected 2 comma-separated cells, found " + std::to_string(count));
        FredRow& r = out[n];
        r.line = st.line;
        if (!parse_iso_date(trim_blanks(cells[0]), r.as_of)) bad(kFred, st.line, "bad date " + excerpt(trim_blanks(cells[0])));
        string_view v = trim_blanks(cells[1]);
        r.has_value = !(v.empty() || v == ".");
        if (r.has_value) {
            if (!decimal_figure(v, r.value)) bad(kFred, st.line, "not a number: " + excerpt(v));
        } else {
            r.value[0] = '\0';
        }
        ++n;
        ++st.rows;
    }
    return n;
}

}  // namespace holdings

#include "pure.hpp"
