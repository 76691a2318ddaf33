#include "tic_mfh.hpp"

#include <cstring>

#include "error.hpp"

namespace holdings {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return cells;
}

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \r");
    if (b == std::string::npos) return "";
    std::size_t e = s.find_last_not_of(" \r");
    return s.substr(b, e - b + 1);
}

// "United Kingdom 2/" -> "United Kingdom"; "\"Korea, South \"" -> "Korea, South".
std::string clean_label(std::string s) {
    s = trim(s);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = trim(s.substr(1, s.size() - 2));
    std::size_t n = s.size();
    if (n >= 2 && s[n - 1] == '/') {
        std::size_t i = n - 1;
        while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') --i;
        if (i < n - 1 && i > 0 && s[i - 1] == ' ') s = trim(s.substr(0, i));
    }
    return s;
}

int month_number(const std::string& abbrev) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (abbrev == kMonths[i]) return i + 1;
    return 0;
}

bool all_blank(const std::vector<std::string>& cells, std::size_t from) {
    for (std::size_t i = from; i < cells.size(); ++i)
        if (!trim(cells[i]).empty()) return false;
    return true;
}

// A figure as printed: digits with an optional fraction, optional minus.
bool is_figure(const std::string& s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    bool digits = false, point = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') digits = true;
        else if (s[i] == '.' && !point) point = true;
        else return false;
    }
    return digits;
}

[[noreturn]] void bad(int line, const std::string& why) {
    fail(ErrorKind::invalid_text, "TIC document, line " + std::to_string(line) + ": " + why);
}

struct Column {
    int year;
    int month;
    bool official;
};

}  // namespace

std::vector<TicFigure> parse_tic_mfh(const char* text, std::size_t len) {
    std::vector<TicFigure> figures;
    std::vector<Column> columns;
    std::vector<int> months;  // from the month row, waiting for the year row
    int months_line = 0;
    bool in_block = false, seen_block = false;
    std::size_t pos = 0;
    int line_no = 0;
    while (pos < len) {
        std::size_t end = pos;
        while (end < len && text[end] != '\n') ++end;
        std::string line(text + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (std::memchr(line.data(), '\0', line.size()) != nullptr) bad(line_no, "NUL byte");
        std::vector<std::string> cells = split_tabs(line);
        std::string first = trim(cells[0]);

        if (first.rfind("Department of the Treasury", 0) == 0) break;  // footer
        // Month row: blank first cell, then month abbreviations.
        if (first.empty() && cells.size() > 1 && month_number(trim(cells[1])) != 0) {
            months.clear();
            for (std::size_t i = 1; i < cells.size(); ++i) {
                std::string c = trim(cells[i]);
                if (c.empty()) break;
                int m = month_number(c);
                if (m == 0) bad(line_no, "unknown month \"" + c + "\"");
                months.push_back(m);
            }
            if (!all_blank(cells, months.size() + 1)) bad(line_no, "text after the month columns");
            months_line = line_no;
            in_block = false;
            continue;
        }
        if (first == "Country") {
            if (months.empty() || months_line != line_no - 1)
                bad(line_no, "year row without a month row above it");
            columns.clear();
            for (std::size_t i = 0; i < months.size(); ++i) {
                std::string c = i + 1 < cells.size() ? trim(cells[i + 1]) : "";
                if (c.size() != 4 || !is_figure(c)) bad(line_no, "bad year \"" + c + "\"");
                int year = std::stoi(c);
                if (year < 1900 || year > 2999) bad(line_no, "bad year \"" + c + "\"");
                bool repeated = false;
                for (const Column& col : columns)
                    if (col.year == year && col.month == months[i]) repeated = true;
                // At a series break the repeated (right-hand) column is the old series.
                columns.push_back(Column{year, months[i], !repeated});
            }
            if (!all_blank(cells, months.size() + 1)) bad(line_no, "text after the year columns");
            months.clear();
            in_block = true;
            seen_block = true;
            continue;
        }
        if (!in_block) continue;  // titles, series markers above a block
        if (first.empty()) {
            bool figures_found = false, words_found = false;
            for (std::size_t i = 1; i < cells.size(); ++i) {
                std::string c = trim(cells[i]);
                if (c.empty() || c.find_first_not_of('-') == std::string::npos) continue;
                if (is_figure(c)) figures_found = true;
                else words_found = true;
            }
            if (figures_found) bad(line_no, "figures without a row label");
            if (words_found) in_block = false;  // series markers: the next block's header
            continue;  // blank or dashed separator
        }
        if (all_blank(cells, 1)) continue;  // "Of which:"
        std::string label = clean_label(cells[0]);
        if (label.empty()) bad(line_no, "empty row label");
        if (label.size() > 100) bad(line_no, "row label longer than 100 characters");
        if (!all_blank(cells, columns.size() + 1)) bad(line_no, "more figures than columns");
        for (std::size_t i = 0; i < columns.size(); ++i) {
            std::string c = i + 1 < cells.size() ? trim(cells[i + 1]) : "";
            if (c == "n.a." || c == "*") continue;
            if (c.empty()) bad(line_no, "missing figure in column " + std::to_string(i + 1));
            if (!is_figure(c) || c.size() > 20) bad(line_no, "not a figure: \"" + c + "\"");
            const Column& col = columns[i];
            Day first_of_next = col.month == 12 ? make_day(col.year + 1, 1, 1)
                                                : make_day(col.year, static_cast<unsigned>(col.month + 1), 1);
            figures.push_back(TicFigure{line_no, label, first_of_next - 1, c, col.official});
        }
    }
    if (!seen_block) bad(line_no, "no table found (expected a month row and a \"Country\" year row)");
    return figures;
}

}  // namespace holdings

#include "pure.hpp"
