#include "tic_mfh.hpp"

#include <cstring>

#include "document.hpp"
#include "error.hpp"

namespace holdings {
namespace {

struct Span {
    const char* b;
    const char* e;
    std::size_t size() const { return static_cast<std::size_t>(e - b); }
    bool empty() const { return b == e; }
    bool is(const char* s) const { return size() == std::strlen(s) && std::memcmp(b, s, size()) == 0; }
    bool starts_with(const char* s) const {
        std::size_t n = std::strlen(s);
        return size() >= n && std::memcmp(b, s, n) == 0;
    }
};

Span trim(Span s) {
    while (s.b < s.e && (*s.b == ' ' || *s.b == '\r')) ++s.b;
    while (s.e > s.b && (s.e[-1] == ' ' || s.e[-1] == '\r')) --s.e;
    return s;
}

// Tab-separated cells of a line, one at a time (no allocation).
struct Cells {
    const char* p;
    const char* e;
    bool more;
    Span next() {
        if (!more) return Span{e, e};
        const char* tab = static_cast<const char*>(std::memchr(p, '\t', static_cast<std::size_t>(e - p)));
        Span s{p, tab != nullptr ? tab : e};
        if (tab != nullptr) p = tab + 1;
        else more = false;
        return s;
    }
    bool rest_blank() {
        while (more)
            if (!trim(next()).empty()) return false;
        return true;
    }
};

// "United Kingdom 2/" -> "United Kingdom"; "\"Korea, South \"" -> "Korea, South".
Span clean_label(Span s) {
    s = trim(s);
    if (s.size() >= 2 && *s.b == '"' && s.e[-1] == '"') s = trim(Span{s.b + 1, s.e - 1});
    std::size_t n = s.size();
    if (n >= 2 && s.e[-1] == '/') {
        const char* i = s.e - 1;
        while (i > s.b && i[-1] >= '0' && i[-1] <= '9') --i;
        if (i < s.e - 1 && i > s.b && i[-1] == ' ') s = trim(Span{s.b, i});
    }
    return s;
}

int month_number(Span s) {
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (s.is(kMonths[i])) return i + 1;
    return 0;
}

// A figure as printed: digits with an optional fraction, optional minus.
bool is_figure(Span s) {
    const char* i = s.b;
    if (i < s.e && *i == '-') ++i;
    bool digits = false, point = false;
    for (; i < s.e; ++i) {
        if (*i >= '0' && *i <= '9') digits = true;
        else if (*i == '.' && !point) point = true;
        else return false;
    }
    return digits;
}

bool all_dashes(Span s) {
    for (const char* i = s.b; i < s.e; ++i)
        if (*i != '-') return false;
    return true;
}

// A cell quoted in a message: at most 40 bytes, cut on a UTF-8 boundary.
std::string quoted(Span s) { return excerpt(std::string_view(s.b, s.size())); }

const char* const kWhat = "TIC document";

[[noreturn]] void bad(int line, const std::string& why) { document_error(kWhat, line, why); }

Day month_end(int year, int month) {
    Day first_of_next = month == 12 ? make_day(year + 1, 1, 1) : make_day(year, static_cast<unsigned>(month + 1), 1);
    return first_of_next - 1;
}

// One line; returns the rows written to out.
std::size_t parse_line(TicParser& p, Span line, TicRow* out) {
    const int n = p.line_no;
    Cells cells{line.b, line.e, true};
    Span raw_first = cells.next();
    Span first = trim(raw_first);

    if (first.starts_with("Department of the Treasury")) {  // footer
        p.done = true;
        return 0;
    }
    // Month row: blank first cell, then month abbreviations.
    if (first.empty() && cells.more) {
        Cells peek = cells;
        if (month_number(trim(peek.next())) != 0) {
            p.month_count = 0;
            while (cells.more) {
                Span c = trim(cells.next());
                if (c.empty()) break;
                int m = month_number(c);
                if (m == 0) bad(n, "unknown month " + quoted(c));
                if (p.month_count == kTicMaxColumns)
                    bad(n, "more than " + std::to_string(kTicMaxColumns) + " month columns");
                p.months[p.month_count++] = m;
            }
            if (!cells.rest_blank()) bad(n, "text after the month columns");
            p.months_line = n;
            p.in_block = false;
            return 0;
        }
    }
    if (first.is("Country")) {
        if (p.month_count == 0 || p.months_line != n - 1) bad(n, "year row without a month row above it");
        p.column_count = 0;
        for (std::size_t i = 0; i < p.month_count; ++i) {
            Span c = trim(cells.next());
            if (c.size() != 4 || !is_figure(c)) bad(n, "bad year " + quoted(c));
            int year = (c.b[0] - '0') * 1000 + (c.b[1] - '0') * 100 + (c.b[2] - '0') * 10 + (c.b[3] - '0');
            if (year < 1900 || year > 2999) bad(n, "bad year " + quoted(c));
            bool repeated = false;
            for (std::size_t j = 0; j < p.column_count; ++j)
                if (p.columns[j].year == year && p.columns[j].month == p.months[i]) repeated = true;
            // At a series break the repeated (right-hand) column is the old series.
            p.columns[p.column_count++] = TicColumn{year, p.months[i], !repeated};
        }
        if (!cells.rest_blank()) bad(n, "text after the year columns");
        p.month_count = 0;
        p.in_block = true;
        p.seen_block = true;
        return 0;
    }
    if (p.month_count > 0 && p.months_line == n - 1)
        bad(n, "expected the \"Country\" year row below the month row, got " + quoted(first));
    if (first.empty()) {
        bool figures_found = false, words_found = false;
        while (cells.more) {
            Span c = trim(cells.next());
            if (c.empty() || all_dashes(c)) continue;
            if (is_figure(c)) figures_found = true;
            else words_found = true;
        }
        if (figures_found) bad(n, "figures without a row label");
        // Titles and series markers (the next block's header) end a block.
        if (words_found) p.in_block = false;
        return 0;  // blank or dashed separator
    }
    if (!p.in_block && !p.seen_block)
        bad(n, "no table found (expected a month row and a \"Country\" year row)");
    if (!p.in_block)
        bad(n, "text outside a table: " + quoted(first) + " (a data row needs a month row and a \"Country\" year row above it)");
    Span label = clean_label(raw_first);
    Cells rest = cells;
    if (rest.rest_blank()) {
        if (label.is("Of which:")) return 0;
        bad(n, "row label without figures: " + quoted(label));
    }
    if (label.empty()) bad(n, "empty row label");
    if (label.size() > kTicMaxLabel) bad(n, "row label longer than " + std::to_string(kTicMaxLabel) + " characters");
    std::size_t written = 0;
    for (std::size_t i = 0; i < p.column_count; ++i) {
        Span c = trim(cells.next());
        if (c.is("n.a.") || c.is("*")) continue;
        if (c.empty()) bad(n, "missing figure in column " + std::to_string(i + 1));
        if (!is_figure(c) || c.size() > kTicMaxFigure) bad(n, "not a figure: " + quoted(c));
        const TicColumn& col = p.columns[i];
        TicRow& r = out[written++];
        r.line = n;
        r.as_of = month_end(col.year, col.month);
        r.official = col.official;
        std::memcpy(r.label, label.b, label.size());
        r.label[label.size()] = '\0';
        std::memcpy(r.usd_bn, c.b, c.size());
        r.usd_bn[c.size()] = '\0';
    }
    if (!cells.rest_blank()) bad(n, "more figures than columns");
    return written;
}

}  // namespace

void tic_mfh_start(TicParser& p) { p = TicParser{}; }

std::size_t parse_tic_mfh_chunk(const char* text, std::size_t len, TicParser& p, TicRow* out, std::size_t capacity,
                                std::size_t budget) {
    if (capacity < kTicMaxColumns) fail(ErrorKind::invalid_argument, "TIC parser: output buffer too small");
    std::size_t written = 0;
    std::size_t start = p.pos;
    while (!p.done) {
        DocumentLine line;
        std::size_t pos = p.pos;
        if (!read_document_line(text, len, pos, p.line_no, kWhat, line)) {
            if (!p.seen_block) bad(p.line_no, "no table found (expected a month row and a \"Country\" year row)");
            bad(p.line_no, "the document ends before the footer \"Department of the Treasury/Federal Reserve Board\" "
                           "below the tables: it is incomplete");
        }
        p.pos = pos;
        std::size_t rows = parse_line(p, Span{line.text.data(), line.text.data() + line.text.size()}, out + written);
        // A line cut short may have lost digits of its last figure; only the
        // footer may end the text without a newline.
        if (!line.terminated && !p.done) document_cut_short(kWhat, p.line_no);
        written += rows;
        if (p.pos - start >= budget || capacity - written < kTicMaxColumns) break;
    }
    if (p.done && !p.seen_block) bad(p.line_no, "no table found (expected a month row and a \"Country\" year row)");
    return written;
}

std::vector<TicFigure> parse_tic_mfh(const char* text, std::size_t len) {
    std::vector<TicFigure> figures;
    TicParser p{};
    std::vector<TicRow> buf(256);
    while (!p.done) {
        std::size_t n = parse_tic_mfh_chunk(text, len, p, buf.data(), buf.size(), kStepBytes);
        for (std::size_t i = 0; i < n; ++i)
            figures.push_back(TicFigure{buf[i].line, buf[i].label, buf[i].as_of, buf[i].usd_bn, buf[i].official});
    }
    return figures;
}

}  // namespace holdings

#include "pure.hpp"
