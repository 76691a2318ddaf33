#include "document.hpp"

#include <cstring>

#include "error.hpp"

namespace holdings {

bool read_document_line(const char* text, std::size_t len, std::size_t& pos, int& line_no, const char* what,
                        DocumentLine& out) {
    if (pos >= len) return false;
    const char* b = text + pos;
    std::size_t left = len - pos;
    std::size_t scan = left < kMaxLineBytes + 1 ? left : kMaxLineBytes + 1;
    const char* nl = static_cast<const char*>(std::memchr(b, '\n', scan));
    ++line_no;
    std::size_t n = nl != nullptr ? static_cast<std::size_t>(nl - b) : scan;
    if (n > kMaxLineBytes)
        document_error(what, line_no, "line longer than " + std::to_string(kMaxLineBytes) + " bytes");
    if (std::memchr(b, '\0', n) != nullptr) document_error(what, line_no, "NUL byte");
    out.terminated = nl != nullptr;
    pos += n + (nl != nullptr ? 1 : 0);
    if (n > 0 && b[n - 1] == '\r') --n;
    out.text = std::string_view(b, n);
    return true;
}

void document_error(const char* what, int line, const std::string& why) {
    fail(ErrorKind::invalid_text, std::string(what) + ", line " + std::to_string(line) + ": " + why);
}

void document_cut_short(const char* what, int line) {
    fail(ErrorKind::invalid_text,
         std::string(what) + ", line " + std::to_string(line) +
             ": the document ends inside this line (no newline after it): it is incomplete",
         "A complete file ends with a newline. psql's \\set NAME `cat FILE` drops it: pass :'NAME' || E'\\n', "
         "or read the file with pg_read_file().");
}

std::string excerpt(std::string_view s) {
    std::size_t keep = s.size() < kExcerptBytes ? s.size() : kExcerptBytes;
    if (keep < s.size())
        while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
    std::string out = "\"";
    out.append(s.data(), keep);
    out += keep < s.size() ? "...\"" : "\"";
    return out;
}

std::string_view trim_blanks(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}

std::size_t split_cells(std::string_view line, char sep, std::string_view* cells, std::size_t max,
                        bool& text_beyond) {
    text_beyond = false;
    std::size_t count = 0, start = 0;
    while (true) {
        const void* at = start < line.size() ? std::memchr(line.data() + start, sep, line.size() - start) : nullptr;
        std::size_t end = at != nullptr ? static_cast<std::size_t>(static_cast<const char*>(at) - line.data())
                                        : line.size();
        std::string_view cell = line.substr(start, end - start);
        if (count < max) cells[count] = cell;
        else if (!text_beyond && !trim_blanks(cell).empty()) text_beyond = true;
        ++count;
        if (at == nullptr) break;
        start = end + 1;
    }
    for (std::size_t i = count; i < max; ++i) cells[i] = std::string_view();
    return count;
}

namespace {

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

Day first_of_next_month(int year, int month) {
    return month == 12 ? make_day(year + 1, 1, 1) : make_day(year, static_cast<unsigned>(month + 1), 1);
}

}  // namespace

bool parse_month_end(std::string_view s, Day& out) {
    if (s.size() != 7 || s[4] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2))) return false;
    int year = number(s.substr(0, 4)), month = number(s.substr(5, 2));
    if (year < 1900 || year > 2999 || month < 1 || month > 12) return false;
    out = first_of_next_month(year, month) - 1;
    return true;
}

bool integer_figure(std::string_view s, char* out, std::size_t size) {
    std::size_t n = 0, i = 0;
    if (i < s.size() && s[i] == '-') out[n++] = s[i++];
    std::size_t group = 0, digits_seen = 0;
    bool commas = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (n + 1 >= size) return false;
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

bool parse_iso_date(std::string_view s, Day& out) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) ||
        !digits(s.substr(8, 2)))
        return false;
    int year = number(s.substr(0, 4)), month = number(s.substr(5, 2)), day = number(s.substr(8, 2));
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
    Day first = make_day(year, static_cast<unsigned>(month), 1);
    if (day > first_of_next_month(year, month) - first) return false;
    out = first + (day - 1);
    return true;
}

}  // namespace holdings

#include "pure.hpp"
