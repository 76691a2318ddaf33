#include "fx_documents.hpp"

#include <cstring>
#include <string>
#include <string_view>

#include "error.hpp"

namespace holdings {
namespace {

using std::string_view;

const char* const kH10 = "Fed H.10 document";
const char* const kEcb = "ECB document";

// A rate as the 0.2.0 parsers accepted it: digits and at most one '.', some
// digit not zero, at most 24 characters. Copies it as printed.
bool rate_figure(string_view s, char* out) {
    if (s.size() + 1 > kRateSize) return false;
    bool point = false, nonzero = false;
    for (char c : s) {
        if (c == '.') {
            if (point) return false;
            point = true;
        } else if (c >= '1' && c <= '9') {
            nonzero = true;
        } else if (c != '0') {
            return false;
        }
    }
    if (!nonzero) return false;
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    return true;
}

// At the end of the text: complete if the header and a data line were read.
void finish(const char* what, const FxParseState& st, const char* header_message) {
    if (!st.header_seen) document_error(what, st.line > 0 ? st.line : 1, header_message);
    if (st.rows == 0) document_error(what, st.line, "no data lines (the document is incomplete)");
}

bool is_code(string_view s) {
    if (s.size() != 3) return false;
    for (char c : s)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

}  // namespace

void fx_parse_start(FxParseState& state) { std::memset(&state, 0, sizeof state); }

std::size_t parse_fed_h10_monthly_chunk(const char* text, std::size_t len, FxParseState& st, H10Row* out,
                                        std::size_t capacity, std::size_t budget) {
    static const char* const kHeader = "expected the header \"Date,Country,Exchange rate\"";
    string_view cells[3];
    return parse_lines(
        text, len, st, kH10, budget, [&](std::size_t n) { return n < capacity; }, [&] { finish(kH10, st, kHeader); },
        [&](const DocumentLine& dl, std::size_t n) -> std::size_t {
            if (!dl.terminated) document_cut_short(kH10, st.line);
            if (!st.header_seen) {
                if (dl.text != "Date,Country,Exchange rate") document_error(kH10, st.line, kHeader);
                st.header_seen = true;
                return 0;
            }
            if (dl.text.empty()) return 0;  // a blank line
            bool beyond = false;
            std::size_t count = split_cells(dl.text, ',', cells, 3, beyond);
            if (count != 3)
                document_error(kH10, st.line, "expected 3 comma-separated cells, found " + std::to_string(count));
            H10Row& r = out[n];
            r.line = st.line;
            string_view month = cells[0];
            if (month.size() != 10 || month.substr(7) != "-01" || !parse_month_end(month.substr(0, 7), r.as_of))
                document_error(kH10, st.line, "bad month " + excerpt(month));
            if (cells[1].empty()) document_error(kH10, st.line, "empty country label");
            if (cells[1].size() >= kFxLabelSize) document_error(kH10, st.line, "country label longer than 100 bytes");
            std::memcpy(r.label, cells[1].data(), cells[1].size());
            r.label[cells[1].size()] = '\0';
            if (!rate_figure(cells[2], r.per_usd)) document_error(kH10, st.line, "not a rate: " + excerpt(cells[2]));
            ++st.rows;
            return 1;
        });
}

std::size_t parse_ecb_eurofxref_chunk(const char* text, std::size_t len, FxParseState& st, EcbRow* out,
                                      std::size_t capacity, std::size_t budget) {
    static const char* const kHeader = "expected the header \"Date,USD,JPY,...\"";
    if (capacity < static_cast<std::size_t>(kMaxEcbCurrencies))
        fail(ErrorKind::invalid_argument, "ECB parser: output buffer too small");
    return parse_lines(
        text, len, st, kEcb, budget,
        [&](std::size_t n) { return n + static_cast<std::size_t>(st.currencies) <= capacity; },
        [&] { finish(kEcb, st, kHeader); },
        [&](const DocumentLine& dl, std::size_t n) -> std::size_t {
            if (!dl.terminated) document_cut_short(kEcb, st.line);
            string_view rest = dl.text;
            bool more = true;
            // The cells of the line, one at a time.
            auto next_cell = [&]() {
                std::size_t at = rest.find(',');
                string_view cell = rest.substr(0, at);
                if (at == string_view::npos) {
                    more = false;
                    rest = string_view();
                } else {
                    rest.remove_prefix(at + 1);
                }
                return cell;
            };
            if (!st.header_seen) {
                if (next_cell() != "Date" || !more) document_error(kEcb, st.line, kHeader);
                int cells = 1, currencies = 0, usd = -1;
                bool trailing = false;  // past the last currency: only empty cells
                while (more) {
                    string_view code = next_cell();
                    ++cells;
                    if (code.empty()) {
                        trailing = true;
                        continue;
                    }
                    if (trailing)
                        document_error(kEcb, st.line, "empty currency code in column " + std::to_string(cells - 1));
                    if (!is_code(code))
                        document_error(kEcb, st.line,
                                       "bad currency code " + excerpt(code) + " in column " + std::to_string(cells));
                    if (currencies == kMaxEcbCurrencies)
                        document_error(kEcb, st.line, "more than " + std::to_string(kMaxEcbCurrencies) + " currencies");
                    for (int i = 0; i < currencies; ++i)
                        if (std::memcmp(st.codes[i], code.data(), 3) == 0)
                            document_error(kEcb, st.line, "currency " + excerpt(code) + " printed twice");
                    if (code == "USD") usd = currencies;
                    std::memcpy(st.codes[currencies], code.data(), 3);
                    st.codes[currencies][3] = '\0';
                    ++currencies;
                }
                if (currencies == 0) document_error(kEcb, st.line, kHeader);
                if (usd < 0) document_error(kEcb, st.line, "no USD column: load_ecb_rates crosses every rate through USD");
                st.cells = cells;
                st.currencies = currencies;
                st.usd = usd;
                st.header_seen = true;
                return 0;
            }
            if (dl.text.empty()) return 0;  // a blank line
            int cells = 1;
            for (std::size_t i = 0; i < dl.text.size(); ++i) cells += dl.text[i] == ',';
            if (cells != st.cells)
                document_error(kEcb, st.line,
                               "expected " + std::to_string(st.cells) + " comma-separated cells as in the header, found " +
                                   std::to_string(cells));
            string_view date = next_cell();
            Day day = 0;
            if (!parse_iso_date(date, day)) document_error(kEcb, st.line, "bad date " + excerpt(date));
            bool usd_rate = false;
            std::size_t written = 0;
            for (int i = 0; i < st.cells - 1; ++i) {
                string_view v = next_cell();
                if (i >= st.currencies) {
                    if (!v.empty()) document_error(kEcb, st.line, "more rates than currencies in the header");
                    continue;
                }
                if (v == "N/A" || v.empty()) continue;
                EcbRow& r = out[n + written];
                if (!rate_figure(v, r.per_eur))
                    document_error(kEcb, st.line, std::string("not a rate for ") + st.codes[i] + ": " + excerpt(v));
                r.line = st.line;
                r.as_of = day;
                std::memcpy(r.currency, st.codes[i], 4);
                if (i == st.usd) usd_rate = true;
                ++written;
            }
            if (!usd_rate) document_error(kEcb, st.line, "no USD rate: load_ecb_rates crosses every rate through USD");
            ++st.rows;
            return written;
        });
}

}  // namespace holdings

#include "pure.hpp"
