#include "tic_table3d.hpp"

#include <cstring>
#include <string>
#include <string_view>

#include "document.hpp"
#include "error.hpp"

namespace holdings {
namespace {

using std::string_view;

constexpr const char* kWhat = "TIC Table 3D document";

[[noreturn]] void bad(int line, const std::string& why) {
    fail(ErrorKind::invalid_text, std::string(kWhat) + ", line " + std::to_string(line) + ": " + why);
}

std::string shown(string_view s) {
    if (s.size() > 40) return "\"" + std::string(s.substr(0, 40)) + "...\"";
    return "\"" + std::string(s) + "\"";
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One CSV cell from `pos`: quoted ("..." with "" for a quote) or bare up to
// the next comma. Returns false on an unterminated quote or text after the
// closing quote. `quoted` tells which it was; pos ends past the comma (or at
// the end of the line).
bool next_cell(string_view line, std::size_t& pos, std::string& cell, bool& quoted) {
    cell.clear();
    quoted = pos < line.size() && line[pos] == '"';
    if (quoted) {
        ++pos;
        while (true) {
            if (pos >= line.size()) return false;
            char c = line[pos++];
            if (c == '"') {
                if (pos < line.size() && line[pos] == '"') {
                    cell.push_back('"');
                    ++pos;
                    continue;
                }
                break;
            }
            cell.push_back(c);
        }
        if (pos < line.size() && line[pos] != ',') return false;
    } else {
        while (pos < line.size() && line[pos] != ',') cell.push_back(line[pos++]);
    }
    if (pos < line.size()) ++pos;  // the comma
    return true;
}

// Is this a data line: a quoted, non-empty label, then a bare numeric code?
bool data_line(string_view line) {
    if (line.size() < 4 || line[0] != '"' || line[1] == '"') return false;
    std::size_t close = 1;
    while (close < line.size() && line[close] != '"') ++close;
    if (close + 2 >= line.size() || line[close + 1] != ',') return false;
    return is_digit(line[close + 2]);
}

}  // namespace

std::size_t parse_tic_table3d_chunk(const char* text, std::size_t len, FlowParseState& st, Table3DRow* out,
                                    std::size_t capacity, std::size_t budget) {
    std::size_t n = 0, start = st.pos;
    std::string cell;
    while (!st.done && n < capacity && (st.pos == start || st.pos - start < budget)) {
        if (st.pos >= len) {
            if (!st.header_seen) bad(st.line, "no title (expected \"TABLE 3D\")");
            if (!st.in_data) bad(st.line, "no data line (\"Country\",code,\"YYYY-MM\",total,long-term,short-term)");
            st.done = true;
            break;
        }
        std::size_t end = st.pos;
        while (end < len && text[end] != '\n' && end - st.pos <= kMaxTable3DLine) ++end;
        ++st.line;
        if (end - st.pos > kMaxTable3DLine) bad(st.line, "line longer than " + std::to_string(kMaxTable3DLine) + " bytes");
        string_view line(text + st.pos, end - st.pos);
        bool terminated = end < len;  // a line without its newline: the document was cut short
        st.pos = end + 1;
        if (std::memchr(line.data(), '\0', line.size()) != nullptr) bad(st.line, "NUL byte");
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!st.header_seen) {
            // The title is printed split over cells: "TABLE 3D:  U.S",". Treasury Secu",...
            if (line.find("TABLE 3D") != string_view::npos) st.header_seen = true;
            continue;
        }
        if (!data_line(line)) {  // header, rule, blank or note
            if (!terminated) document_cut_short(kWhat, st.line);
            continue;
        }
        st.in_data = true;
        Table3DRow& r = out[n];
        r.line = st.line;
        std::size_t pos = 0;
        bool quoted = false;
        // Label.
        if (!next_cell(line, pos, cell, quoted)) bad(st.line, "bad quoting");
        if (cell.size() >= kFlowLabelSize) bad(st.line, "label longer than 100 bytes");
        std::memcpy(r.label, cell.c_str(), cell.size() + 1);
        // Code: bare digits.
        if (!next_cell(line, pos, cell, quoted)) bad(st.line, "bad quoting");
        if (quoted || cell.empty() || cell.size() >= sizeof r.code) bad(st.line, "bad country code " + shown(cell));
        for (char c : cell)
            if (!is_digit(c)) bad(st.line, "bad country code " + shown(cell));
        std::memcpy(r.code, cell.c_str(), cell.size() + 1);
        // Month.
        if (pos >= line.size() || !next_cell(line, pos, cell, quoted)) bad(st.line, "missing month");
        if (!parse_month_end(cell, r.as_of)) bad(st.line, "bad month " + shown(cell));
        // Three figures.
        static const char* const kColumns[3] = {"total", "long-term", "short-term"};
        for (int i = 0; i < 3; ++i) {
            if (pos >= line.size())
                bad(st.line, std::string("missing ") + kColumns[i] + " figure");
            if (!next_cell(line, pos, cell, quoted)) bad(st.line, "bad quoting");
            r.has[i] = cell != "n.a.";
            if (!r.has[i]) {
                r.figures[i][0] = '\0';
                continue;
            }
            if (!integer_figure(cell, r.figures[i], kFigureSize)) bad(st.line, std::string(kColumns[i]) + " is not a figure: " + shown(cell));
        }
        if (pos < line.size() || (!line.empty() && line.back() == ',')) bad(st.line, "text after the short-term figure");
        if (!terminated) document_cut_short(kWhat, st.line);  // its last figure may be cut ("300" -> "30")
        ++n;
    }
    return n;
}

}  // namespace holdings

#include "pure.hpp"
