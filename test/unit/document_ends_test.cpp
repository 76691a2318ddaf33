// Every parser against every prefix of a small real document (test/documents,
// lines cut from the shipped files): a prefix is refused (invalid_text) unless
// it is a complete document, and a complete one gives exactly the rows of the
// whole document that it holds. A format with an end marker (the mfhhis01
// footer, the "Notes:" of Tables 3 and 5) is complete only with its marker, so
// every accepted prefix gives all the rows; a format without one (Form S,
// FRED, H.10, ECB) is complete at the newline after a data line, and gives the
// rows of its complete lines. No prefix ever gives a figure the document does
// not print (0.2.0 read "10.2708" cut to "10" as 10).
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "error.hpp"
#include "fx_documents.hpp"
#include "tic_flows.hpp"
#include "tic_mfh.hpp"

using namespace holdings;

namespace {

std::string read_file(const std::string& name) {
    std::ifstream in(std::string(HOLDINGS_SOURCE_DIR "/test/documents/") + name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A parsed row as text, with its line number first.
struct Parsed {
    int line;
    std::string text;
    bool operator==(const Parsed& o) const { return line == o.line && text == o.text; }
};
using Parser = std::function<std::vector<Parsed>(const std::string&)>;

template <typename State, typename Row, typename Start, typename Parse, typename Show>
std::vector<Parsed> run(const std::string& doc, std::size_t capacity, Start start, Parse parse, Show show) {
    State st;
    start(st);
    std::vector<Row> chunk(capacity);
    std::vector<Parsed> out;
    while (!st.done) {
        std::size_t n = parse(doc.data(), doc.size(), st, chunk.data(), capacity, std::size_t(64));
        for (std::size_t i = 0; i < n; ++i) out.push_back(Parsed{chunk[i].line, show(chunk[i])});
    }
    return out;
}

std::vector<Parsed> mfh(const std::string& doc) {
    std::vector<Parsed> out;
    for (const TicFigure& f : parse_tic_mfh(doc.data(), doc.size()))
        out.push_back(Parsed{f.line, f.label + "|" + format_day(f.as_of) + "|" + f.usd_bn + (f.official ? "" : "|c")});
    return out;
}

std::vector<Parsed> form_s(const std::string& doc) {
    return run<FlowParseState, FormSRow>(doc, 4, flow_parse_start, parse_tic_form_s_chunk, [](const FormSRow& r) {
        std::string s = std::string(r.label) + "|" + r.code + "|" + format_day(r.as_of);
        for (const auto& f : r.figures) s += std::string("|") + f;
        return s;
    });
}

std::vector<Parsed> table3(const std::string& doc) {
    return run<FlowParseState, Table3Row>(doc, 4, flow_parse_start, parse_tic_slt_table3_chunk, [](const Table3Row& r) {
        std::string s = std::string(r.label) + "|" + r.code + "|" + format_day(r.as_of);
        for (int i = 0; i < 7; ++i) s += std::string("|") + (r.has[i] ? r.figures[i] : "n.a.");
        return s;
    });
}

std::vector<Parsed> table5(const std::string& doc) {
    return run<FlowParseState, Table5Row>(doc, kMaxTable5Columns, flow_parse_start, parse_tic_slt_table5_chunk,
                                          [](const Table5Row& r) {
                                              return std::string(r.label) + "|" + format_day(r.as_of) + "|" + r.figure;
                                          });
}

std::vector<Parsed> fred(const std::string& doc) {
    return run<FlowParseState, FredRow>(doc, 4, flow_parse_start, parse_fred_csv_chunk, [](const FredRow& r) {
        return format_day(r.as_of) + "|" + (r.has_value ? r.value : "null");
    });
}

std::vector<Parsed> h10(const std::string& doc) {
    return run<FxParseState, H10Row>(doc, 4, fx_parse_start, parse_fed_h10_monthly_chunk, [](const H10Row& r) {
        return std::string(r.label) + "|" + format_day(r.as_of) + "|" + r.per_usd;
    });
}

std::vector<Parsed> ecb(const std::string& doc) {
    return run<FxParseState, EcbRow>(doc, kMaxEcbCurrencies, fx_parse_start, parse_ecb_eurofxref_chunk,
                                     [](const EcbRow& r) {
                                         return format_day(r.as_of) + "|" + r.currency + "|" + r.per_eur;
                                     });
}

struct Outcome {
    std::size_t refused = 0;
    std::size_t accepted = 0;
};

// marker: the end marker's text for a format that has one, else empty.
Outcome check_prefixes(const std::string& file, const Parser& parse, const std::string& marker,
                       std::size_t expected_rows) {
    std::string doc = read_file(file);
    EXPECT_FALSE(doc.empty()) << file;
    std::vector<Parsed> full = parse(doc);
    EXPECT_EQ(full.size(), expected_rows) << file;
    std::size_t marker_end = marker.empty() ? std::string::npos : doc.find("\n" + marker);
    if (!marker.empty()) {
        EXPECT_NE(marker_end, std::string::npos) << file;
        marker_end += 1 + marker.size();
    }
    int first_data_line = full.empty() ? 0 : full.front().line;
    Outcome o;
    for (std::size_t len = 0; len <= doc.size(); ++len) {
        std::string prefix = doc.substr(0, len);
        int lines = 0;
        for (char c : prefix) lines += c == '\n';
        bool complete = marker.empty() ? (len > 0 && prefix.back() == '\n' && lines >= first_data_line)
                                       : len >= marker_end;
        std::vector<Parsed> rows;
        bool refused = false;
        try {
            rows = parse(prefix);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::invalid_text) << file << " prefix " << len << ": " << e.what();
            EXPECT_NE(std::string(e.what()).find(", line "), std::string::npos) << e.what();
            refused = true;
        }
        if (refused) {
            ++o.refused;
            EXPECT_FALSE(complete) << file << ": the complete prefix of " << len << " bytes was refused";
            continue;
        }
        ++o.accepted;
        EXPECT_TRUE(complete) << file << ": the incomplete prefix of " << len << " bytes was accepted";
        std::vector<Parsed> expected;
        for (const Parsed& p : full)
            if (!marker.empty() || p.line <= lines) expected.push_back(p);
        EXPECT_TRUE(rows == expected) << file << ": prefix of " << len << " bytes gave other rows";
    }
    return o;
}

}  // namespace

TEST(DocumentEnds, MfhNeedsItsFooter) {
    Outcome o = check_prefixes("mfhhis01_excerpt.txt", mfh, "Department of the Treasury", 6 * 12);
    EXPECT_EQ(o.accepted, 102u);  // from the footer's "Department of the Treasury" to the end
}

TEST(DocumentEnds, Table3NeedsItsNotes) {
    Outcome o = check_prefixes("slt_table3_excerpt.txt", table3, "Notes:", 5);
    EXPECT_EQ(o.accepted, 240u);
}

TEST(DocumentEnds, Table5NeedsItsNotes) {
    Outcome o = check_prefixes("slt_table5_excerpt.txt", table5, "Notes:", 7 * 13);
    EXPECT_EQ(o.accepted, 154u);
}

TEST(DocumentEnds, FormSEndsWithANewline) {
    Outcome o = check_prefixes("s1_globl_excerpt.txt", form_s, "", 4);
    EXPECT_EQ(o.accepted, 4u);  // after each data line
}

TEST(DocumentEnds, FredEndsWithANewline) {
    Outcome o = check_prefixes("fred_dgs10_excerpt.csv", fred, "", 5);
    EXPECT_EQ(o.accepted, 5u);
}

TEST(DocumentEnds, H10EndsWithANewline) {
    Outcome o = check_prefixes("fed_h10_excerpt.csv", h10, "", 4);
    EXPECT_EQ(o.accepted, 4u);
}

TEST(DocumentEnds, EcbEndsWithANewline) {
    Outcome o = check_prefixes("ecb_excerpt.csv", ecb, "", 2 * 33);
    EXPECT_EQ(o.accepted, 2u);
}

// The cases: a figure cut inside its last cell is not read as a
// shorter figure.
TEST(DocumentEnds, CutFiguresAreRefused) {
    std::string ecb_doc = read_file("ecb_excerpt.csv");
    std::string cut = ecb_doc.substr(0, ecb_doc.find("10.2708") + 2);  // "...,10"
    EXPECT_THROW(ecb(cut), Error);
    std::string t3 = read_file("slt_table3_excerpt.txt");
    EXPECT_THROW(table3(t3.substr(0, t3.find("\t1578\r") + 3)), Error);  // "...\t15"
    std::string mfh_doc = read_file("mfhhis01_excerpt.txt");
    EXPECT_THROW(mfh(mfh_doc.substr(0, mfh_doc.find("\t1079.3") + 5)), Error);  // "...\t1079"
}
