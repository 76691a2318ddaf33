#include "tic_flows.hpp"

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace holdings {
namespace {

using std::string_view;

string_view trim(string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}

// "\"China, Mainland\"" -> "China, Mainland".
string_view unquote(string_view s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = trim(s.substr(1, s.size() - 2));
    return s;
}

void split(string_view line, char sep, std::vector<string_view>& cells) {
    cells.clear();
    std::size_t start = 0;
    while (true) {
        std::size_t at = line.find(sep, start);
        if (at == string_view::npos) {
            cells.push_back(line.substr(start));
            return;
        }
        cells.push_back(line.substr(start, at - start));
        start = at + 1;
    }
}

[[noreturn]] void bad(const char* what, int line, const std::string& why) {
    fail(ErrorKind::invalid_text, std::string(what) + ", line " + std::to_string(line) + ": " + why);
}

std::string shown(string_view s) {
    if (s.size() > 40) return "\"" + std::string(s.substr(0, 40)) + "...\"";
    return "\"" + std::string(s) + "\"";
}

// The next line (without its '\n' and a trailing '\r'); advances the state.
string_view next_line(const char* text, std::size_t len, FlowParseState& st, const char* what) {
    std::size_t end = st.pos;
    while (end < len && text[end] != '\n') ++end;
    string_view line(text + st.pos, end - st.pos);
    st.pos = end + 1;
    ++st.line;
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) bad(what, st.line, "NUL byte");
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool all_blank(const std::vector<string_view>& cells, std::size_t from) {
    for (std::size_t i = from; i < cells.size(); ++i)
        if (!trim(cells[i]).empty()) return false;
    return true;
}

bool blank_or_rule(const std::vector<string_view>& cells) {
    for (string_view c : cells) {
        c = trim(c);
        for (char ch : c)
            if (ch != '-' && ch != ' ') return false;
    }
    return true;
}

bool digits(string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "2022-12" -> last day of the month; false if not a month.
bool parse_month(string_view s, Day& out) {
    if (s.size() != 7 || s[4] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2))) return false;
    int year = std::stoi(std::string(s.substr(0, 4)));
    int month = std::stoi(std::string(s.substr(5, 2)));
    if (year < 1900 || year > 2999 || month < 1 || month > 12) return false;
    out = (month == 12 ? make_day(year + 1, 1, 1) : make_day(year, static_cast<unsigned>(month + 1), 1)) - 1;
    return true;
}

// "2014-03-12" -> the day; false if not a valid date.
bool parse_date(string_view s, Day& out) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) ||
        !digits(s.substr(8, 2)))
        return false;
    int year = std::stoi(std::string(s.substr(0, 4)));
    int month = std::stoi(std::string(s.substr(5, 2)));
    int day = std::stoi(std::string(s.substr(8, 2)));
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
    Day first = make_day(year, static_cast<unsigned>(month), 1);
    Day next = month == 12 ? make_day(year + 1, 1, 1) : make_day(year, static_cast<unsigned>(month + 1), 1);
    if (day > next - first) return false;
    out = first + (day - 1);
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
    code = trim(code);
    if (!digits(code) || code.size() > 10) bad(what, line, "bad country code " + shown(code));
    std::memcpy(out, code.data(), code.size());
    out[code.size()] = '\0';
}

const char* const kFormS = "TIC Form S document";
const char* const kTable3 = "TIC Table 3 document";
const char* const kTable5 = "TIC Table 5 document";
const char* const kFred = "FRED document";

}  // namespace

void flow_parse_start(FlowParseState& state) {
    std::memset(&state, 0, sizeof state);
}

std::size_t parse_tic_form_s_chunk(const char* text, std::size_t len, FlowParseState& st, FormSRow* out,
                                   std::size_t capacity) {
    std::vector<string_view> cells;
    std::size_t n = 0;
    while (!st.done && n < capacity) {
        if (st.pos >= len) {
            if (!st.header_seen)
                bad(kFormS, st.line, "no column header (expected \"name, code, month, [1] .. [12]\")");
            st.done = true;
            break;
        }
        string_view line = next_line(text, len, st, kFormS);
        split(line, '\t', cells);
        if (!st.header_seen) {
            if (trim(cells[0]) != "name") continue;  // titles and the column heads above
            bool ok = cells.size() >= 15 && trim(cells[1]) == "code" && trim(cells[2]) == "month";
            for (int i = 0; ok && i < 12; ++i) ok = trim(cells[3 + i]) == "[" + std::to_string(i + 1) + "]";
            if (!ok || !all_blank(cells, 15)) bad(kFormS, st.line, "unexpected column header");
            st.header_seen = true;
            continue;
        }
        if (blank_or_rule(cells)) continue;
        if (cells.size() < 15) bad(kFormS, st.line, "expected 15 tab-separated cells, found " + std::to_string(cells.size()));
        if (!all_blank(cells, 15)) bad(kFormS, st.line, "text after column [12]");
        FormSRow& r = out[n];
        r.line = st.line;
        copy_label(kFormS, st.line, cells[0], r.label);
        copy_code(kFormS, st.line, cells[1], r.code);
        if (!parse_month(trim(cells[2]), r.as_of)) bad(kFormS, st.line, "bad month " + shown(trim(cells[2])));
        for (int i = 0; i < 12; ++i)
            if (!integer_figure(cells[3 + i], r.figures[i]))
                bad(kFormS, st.line, "column [" + std::to_string(i + 1) + "] is not a figure: " + shown(trim(cells[3 + i])));
        ++n;
    }
    return n;
}

std::size_t parse_tic_slt_table3_chunk(const char* text, std::size_t len, FlowParseState& st, Table3Row* out,
                                       std::size_t capacity) {
    static const char* const kColumns[] = {"country",          "country_code",     "date",
                                           "for_treas_pos",    "for_treas_net",    "for_lt_treas_pos",
                                           "for_lt_treas_net", "for_lt_treas_valchg", "for_st_treas_pos",
                                           "for_st_treas_net"};
    std::vector<string_view> cells;
    std::size_t n = 0;
    while (!st.done && n < capacity) {
        if (st.pos >= len) {
            if (!st.header_seen)
                bad(kTable3, st.line, "no column header (expected \"country, country_code, date, for_treas_pos, ...\")");
            st.done = true;
            break;
        }
        string_view line = next_line(text, len, st, kTable3);
        split(line, '\t', cells);
        if (!st.header_seen) {
            if (trim(cells[0]) != "country") continue;
            bool ok = cells.size() >= 10;
            for (int i = 1; ok && i < 10; ++i) ok = trim(cells[i]) == kColumns[i];
            if (!ok || !all_blank(cells, 10)) bad(kTable3, st.line, "unexpected column header");
            st.header_seen = true;
            continue;
        }
        string_view first = trim(cells[0]);
        if (first == "Notes:") {  // footnotes and column definitions follow
            st.done = true;
            break;
        }
        if (blank_or_rule(cells)) continue;
        if (cells.size() < 10) bad(kTable3, st.line, "expected 10 tab-separated cells, found " + std::to_string(cells.size()));
        if (!all_blank(cells, 10)) bad(kTable3, st.line, "text after the last column");
        Table3Row& r = out[n];
        r.line = st.line;
        copy_label(kTable3, st.line, cells[0], r.label);
        copy_code(kTable3, st.line, cells[1], r.code);
        if (!parse_month(trim(cells[2]), r.as_of)) bad(kTable3, st.line, "bad month " + shown(trim(cells[2])));
        for (int i = 0; i < 7; ++i) {
            string_view c = trim(cells[3 + i]);
            r.has[i] = c != "n.a.";
            if (!r.has[i]) {
                r.figures[i][0] = '\0';
                continue;
            }
            if (c.find(',') != string_view::npos || !integer_figure(c, r.figures[i]))
                bad(kTable3, st.line, std::string("column ") + kColumns[3 + i] + " is not a figure: " + shown(c));
        }
        ++n;
    }
    return n;
}

std::size_t parse_tic_slt_table5_chunk(const char* text, std::size_t len, FlowParseState& st, Table5Row* out,
                                       std::size_t capacity) {
    std::vector<string_view> cells;
    std::size_t n = 0;
    while (!st.done && n + kMaxTable5Columns <= capacity) {
        if (st.pos >= len) {
            if (!st.header_seen) bad(kTable5, st.line, "no \"Country\" row with the months");
            st.done = true;
            break;
        }
        string_view line = next_line(text, len, st, kTable5);
        split(line, '\t', cells);
        string_view first = trim(cells[0]);
        if (!st.header_seen) {
            if (first != "Country") continue;
            int columns = 0;
            for (std::size_t i = 1; i < cells.size(); ++i) {
                string_view c = trim(cells[i]);
                if (c.empty()) {
                    if (!all_blank(cells, i)) bad(kTable5, st.line, "a blank month column");
                    break;
                }
                if (columns == kMaxTable5Columns) bad(kTable5, st.line, "more than 64 month columns");
                if (!parse_month(c, st.periods[columns])) bad(kTable5, st.line, "bad month " + shown(c));
                for (int j = 0; j < columns; ++j)
                    if (st.periods[j] == st.periods[columns]) bad(kTable5, st.line, "month " + shown(c) + " printed twice");
                ++columns;
            }
            if (columns == 0) bad(kTable5, st.line, "no month columns");
            st.columns = columns;
            st.header_seen = true;
            continue;
        }
        if (first == "Notes:") {
            st.done = true;
            break;
        }
        if (blank_or_rule(cells)) continue;
        if (!all_blank(cells, static_cast<std::size_t>(st.columns) + 1)) bad(kTable5, st.line, "more figures than months");
        char label[kFlowLabelSize];
        copy_label(kTable5, st.line, cells[0], label);
        for (int i = 0; i < st.columns; ++i) {
            string_view c = static_cast<std::size_t>(i) + 1 < cells.size() ? trim(cells[i + 1]) : string_view();
            if (c == "n.a." || c == "*") continue;
            if (c.empty()) bad(kTable5, st.line, "missing figure in column " + std::to_string(i + 1));
            Table5Row& r = out[n];
            if (c.front() == '-' || !decimal_figure(c, r.figure))
                bad(kTable5, st.line, "not a figure: " + shown(c));
            r.line = st.line;
            r.as_of = st.periods[i];
            std::memcpy(r.label, label, sizeof label);
            ++n;
        }
    }
    return n;
}

std::size_t parse_fred_csv_chunk(const char* text, std::size_t len, FlowParseState& st, FredRow* out,
                                 std::size_t capacity) {
    std::vector<string_view> cells;
    std::size_t n = 0;
    while (!st.done && n < capacity) {
        if (st.pos >= len) {
            if (!st.header_seen) bad(kFred, st.line, "empty document (expected \"observation_date,SERIES\")");
            st.done = true;
            break;
        }
        string_view line = next_line(text, len, st, kFred);
        split(line, ',', cells);
        if (!st.header_seen) {
            string_view head = trim(cells[0]);
            string_view series = cells.size() == 2 ? trim(cells[1]) : string_view();
            bool ok = (head == "observation_date" || head == "DATE") && !series.empty() && series.size() < sizeof st.series;
            for (char c : series)
                ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
            if (!ok) bad(kFred, st.line, "expected the header \"observation_date,SERIES\", found " + shown(line));
            std::memcpy(st.series, series.data(), series.size());
            st.series[series.size()] = '\0';
            st.header_seen = true;
            continue;
        }
        if (trim(line).empty()) {
            if (st.pos >= len) continue;  // the final newline
            bad(kFred, st.line, "empty line");
        }
        if (cells.size() != 2) bad(kFred, st.line, "expected 2 comma-separated cells, found " + std::to_string(cells.size()));
        FredRow& r = out[n];
        r.line = st.line;
        if (!parse_date(trim(cells[0]), r.as_of)) bad(kFred, st.line, "bad date " + shown(trim(cells[0])));
        string_view v = trim(cells[1]);
        r.has_value = !(v.empty() || v == ".");
        if (r.has_value) {
            if (!decimal_figure(v, r.value)) bad(kFred, st.line, "not a number: " + shown(v));
        } else {
            r.value[0] = '\0';
        }
        ++n;
    }
    return n;
}

}  // namespace holdings

#include "pure.hpp"
