#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "error.hpp"
#include "fx_documents.hpp"

using namespace holdings;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

template <typename Row, typename Parse>
std::vector<Row> parse_all(const std::string& doc, Parse parse, std::size_t capacity = 4096,
                           std::size_t budget = kStepBytes) {
    FxParseState state;
    fx_parse_start(state);
    std::vector<Row> rows, chunk(capacity);
    while (!state.done) {
        std::size_t n = parse(doc.data(), doc.size(), state, chunk.data(), capacity, budget);
        rows.insert(rows.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
    }
    return rows;
}

std::vector<H10Row> h10(const std::string& doc, std::size_t capacity = 4096, std::size_t budget = kStepBytes) {
    return parse_all<H10Row>(doc, parse_fed_h10_monthly_chunk, capacity, budget);
}
std::vector<EcbRow> ecb(const std::string& doc, std::size_t capacity = 4096, std::size_t budget = kStepBytes) {
    return parse_all<EcbRow>(doc, parse_ecb_eurofxref_chunk, capacity, budget);
}

template <typename F>
std::string error_of(F f) {
    try {
        f();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::invalid_text);
        return e.what();
    }
    return "no error";
}

const std::string kH10Head = "Date,Country,Exchange rate\r\n";
const std::string kEcbHead = "Date,USD,JPY,CYP,\n";

}  // namespace

TEST(FedH10, ParsesTheShippedFile) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/fx/datasets_exchange-rates_monthly.csv");
    ASSERT_FALSE(doc.empty());
    std::vector<H10Row> rows = h10(doc);
    std::size_t lines = 0;
    for (char c : doc) lines += c == '\n';
    EXPECT_EQ(rows.size(), lines - 1);  // every line but the header
    std::map<std::string, std::string> rate;
    for (const H10Row& r : rows) rate[std::string(r.label) + "@" + format_day(r.as_of)] = r.per_usd;
    EXPECT_EQ(rate["Japan@2024-06-30"], "157.8600");
    EXPECT_EQ(rate["Australia@1971-01-31"], "0.8944");
    EXPECT_EQ(rate["Venezuela@2026-06-30"], "587.2113");
    EXPECT_EQ(rows.back().line, static_cast<int>(lines));
}

TEST(FedH10, ErrorsNameTheLine) {
    auto doc = [](const std::string& line) { return kH10Head + line + "\r\n"; };
    EXPECT_EQ(error_of([&] { h10(doc("2024-13-01,Japan,157.9")); }), "Fed H.10 document, line 2: bad month \"2024-13-01\"");
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-02,Japan,157.9")); }), "Fed H.10 document, line 2: bad month \"2024-06-02\"");
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-01,Japan,-157.9")); }), "Fed H.10 document, line 2: not a rate: \"-157.9\"");
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-01,Japan,0.000")); }), "Fed H.10 document, line 2: not a rate: \"0.000\"");
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-01,Japan,1.5.7")); }), "Fed H.10 document, line 2: not a rate: \"1.5.7\"");
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-01,,1")); }), "Fed H.10 document, line 2: empty country label");
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-01,Japan,1,2")); }),
              "Fed H.10 document, line 2: expected 3 comma-separated cells, found 4");
    EXPECT_EQ(error_of([&] { h10("Date;Country\n"); }), "Fed H.10 document, line 1: expected the header \"Date,Country,Exchange rate\"");
    EXPECT_EQ(error_of([&] { h10(""); }), "Fed H.10 document, line 1: expected the header \"Date,Country,Exchange rate\"");
    // A long cell is quoted in part, cut on a character boundary.
    std::string long_rate = "1" + std::string(38, '0') + "\xC3\xA9" + std::string(1000, '9');
    EXPECT_EQ(error_of([&] { h10(doc("2024-06-01,Japan," + long_rate)); }),
              "Fed H.10 document, line 2: not a rate: \"1" + std::string(38, '0') + "...\"");
}

TEST(FedH10, DocumentEnds) {
    // The last line must end with its newline: a cut figure is not a figure.
    EXPECT_EQ(error_of([&] { h10(kH10Head + "2024-06-01,Japan,157.8600\r\n2024-07-01,Japan,157.5"); }),
              "Fed H.10 document, line 3: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(error_of([&] { h10(kH10Head + "2024-06-01,Japan,157.8600\r"); }),
              "Fed H.10 document, line 2: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(error_of([&] { h10(kH10Head); }), "Fed H.10 document, line 1: no data lines (the document is incomplete)");
    EXPECT_EQ(h10(kH10Head + "2024-06-01,Japan,157.8600\r\n").size(), 1u);
    EXPECT_EQ(h10(kH10Head + "2024-06-01,Japan,157.8600\r\n\r\n").size(), 1u);  // a blank line
}

TEST(FedH10, LongLinesAreRefusedAtOnce) {
    std::string doc = kH10Head + "2024-06-01,Japan," + std::string(kMaxLineBytes, '1') + "\n";
    EXPECT_EQ(error_of([&] { h10(doc); }), "Fed H.10 document, line 2: line longer than 1048576 bytes");
}

TEST(Ecb, ParsesTheShippedFile) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/fx/ecb_eurofxref-hist.csv");
    ASSERT_FALSE(doc.empty());
    std::vector<EcbRow> rows = ecb(doc);
    std::size_t cells = 0, na = 0, lines = 0;
    for (std::size_t i = 0, start = 0; i < doc.size(); ++i)
        if (doc[i] == '\n') {
            if (lines > 0) {
                std::string line = doc.substr(start, i - start);
                for (std::size_t at = line.find(','); at != std::string::npos; at = line.find(',', at + 1)) ++cells;
                --cells;  // the date's comma
                for (std::size_t at = line.find("N/A"); at != std::string::npos; at = line.find("N/A", at + 1)) ++na;
            }
            ++lines;
            start = i + 1;
        }
    // A line: the date, a cell per currency, each followed by ',': one comma
    // per currency, one row per currency cell but N/A.
    EXPECT_EQ(rows.size(), cells - na);
    std::map<std::string, std::string> rate;
    for (const EcbRow& r : rows) rate[std::string(r.currency) + "@" + format_day(r.as_of)] = r.per_eur;
    EXPECT_EQ(rate["ZAR@2012-04-17"], "10.2708");
    EXPECT_EQ(rate["USD@2025-05-09"], "1.1252");
    EXPECT_EQ(rate["USD@1999-01-04"], "1.1789");
    EXPECT_EQ(rate.count("CYP@2025-05-09"), 0u);  // N/A
}

TEST(Ecb, ErrorsNameTheLine) {
    auto doc = [](const std::string& line) { return kEcbHead + line + "\n"; };
    std::vector<EcbRow> rows = ecb(doc("2025-05-12,1.1000,165.00,N/A,"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_STREQ(rows[1].currency, "JPY");
    EXPECT_STREQ(rows[1].per_eur, "165.00");
    EXPECT_EQ(format_day(rows[1].as_of), "2025-05-12");
    EXPECT_EQ(error_of([&] { ecb(doc("2025-05-12,1.1000,16x5.00,N/A,")); }), "ECB document, line 2: not a rate for JPY: \"16x5.00\"");
    EXPECT_EQ(error_of([&] { ecb(doc("2025-02-30,1.1000,165.00,N/A,")); }), "ECB document, line 2: bad date \"2025-02-30\"");
    EXPECT_EQ(error_of([&] { ecb(doc("12 May 2025,1.1000,165.00,N/A,")); }), "ECB document, line 2: bad date \"12 May 2025\"");
    EXPECT_EQ(error_of([&] { ecb(doc("2025-05-12,1.1000,165.00,N/A,1,")); }),
              "ECB document, line 2: expected 5 comma-separated cells as in the header, found 6");
    EXPECT_EQ(error_of([&] { ecb(doc("2025-05-12,1.1000,165.00,N/A")); }),
              "ECB document, line 2: expected 5 comma-separated cells as in the header, found 4");
    EXPECT_EQ(error_of([&] { ecb(doc("2025-05-12,1.1000,165.00,N/A,7")); }),
              "ECB document, line 2: more rates than currencies in the header");
    EXPECT_EQ(error_of([&] { ecb(doc("2025-05-12,N/A,165.00,N/A,")); }),
              "ECB document, line 2: no USD rate: load_ecb_rates crosses every rate through USD");
    EXPECT_EQ(error_of([&] { ecb("Datum;USD\n"); }), "ECB document, line 1: expected the header \"Date,USD,JPY,...\"");
    EXPECT_EQ(error_of([&] { ecb("Date,JPY,GBP,\n2025-05-12,165.00,0.85,\n"); }),
              "ECB document, line 1: no USD column: load_ecb_rates crosses every rate through USD");
    EXPECT_EQ(error_of([&] { ecb("Date,USD,JPY,USD,\n"); }), "ECB document, line 1: currency \"USD\" printed twice");
    EXPECT_EQ(error_of([&] { ecb("Date,USD,jpy,\n"); }), "ECB document, line 1: bad currency code \"jpy\" in column 3");
    EXPECT_EQ(error_of([&] { ecb("Date,USD,,JPY\n"); }), "ECB document, line 1: empty currency code in column 3");
    std::string cell = std::string(39, '7') + "\xE2\x82\xAC" + std::string(5000, '7');
    EXPECT_EQ(error_of([&] { ecb(doc("2025-05-12,1.1," + cell + ",N/A,")); }),
              "ECB document, line 2: not a rate for JPY: \"" + std::string(39, '7') + "...\"");
}

TEST(Ecb, DocumentEnds) {
    EXPECT_EQ(error_of([&] { ecb(kEcbHead + "2025-05-12,1.1000,165.00,N/A,\n2025-05-09,1.1252,163.3"); }),
              "ECB document, line 3: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(error_of([&] { ecb(kEcbHead); }), "ECB document, line 1: no data lines (the document is incomplete)");
    EXPECT_EQ(error_of([&] { ecb(""); }), "ECB document, line 1: expected the header \"Date,USD,JPY,...\"");
}

TEST(FxDocuments, StepsGiveTheSameRows) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/fx/ecb_eurofxref-hist.csv").substr(0, 20000);
    doc = doc.substr(0, doc.rfind('\n') + 1);
    std::vector<EcbRow> a = ecb(doc), b = ecb(doc, kMaxEcbCurrencies, 1);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].line, b[i].line);
        EXPECT_STREQ(a[i].per_eur, b[i].per_eur);
    }
    std::string h = read_file(HOLDINGS_SOURCE_DIR "/data/fx/datasets_exchange-rates_monthly.csv").substr(0, 5000);
    h = h.substr(0, h.rfind('\n') + 1);
    std::vector<H10Row> c = h10(h), d = h10(h, 1, 1);
    ASSERT_EQ(c.size(), d.size());
    for (std::size_t i = 0; i < c.size(); ++i) EXPECT_STREQ(c[i].per_usd, d[i].per_usd);
}

// A document cut short says how psql users lose the final newline.
TEST(FxDocuments, CutShortHasAHint) {
    try {
        h10(kH10Head + "2024-06-01,Japan,157.8600");
        ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.hint(), "A complete file ends with a newline. psql's \\set NAME `cat FILE` drops it: pass :'NAME' || "
                            "E'\\n', or read the file with pg_read_file().");
    }
}
