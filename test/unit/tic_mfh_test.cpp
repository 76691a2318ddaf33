#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "document.hpp"
#include "tic_mfh.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

namespace {
std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
std::vector<TicFigure> parse_text(const std::string& s) { return parse_tic_mfh(s.data(), s.size()); }
}  // namespace

TEST(TicMfh, ParsesTheShippedFile) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/tic/mfhhis01_2026-03-18.txt");
    ASSERT_FALSE(doc.empty());
    std::vector<TicFigure> figures = parse_text(doc);
    std::map<std::string, std::string> official;
    int comparisons = 0;
    for (const TicFigure& f : figures) {
        if (!f.official) {
            ++comparisons;
            continue;
        }
        std::string key = f.label + "@" + format_day(f.as_of);
        EXPECT_TRUE(official.emplace(key, f.usd_bn).second) << "duplicate " << key;
    }
    EXPECT_EQ(official["Japan@2025-12-31"], "1185.5");
    EXPECT_EQ(official["Japan@2022-09-30"], "1116.4");
    EXPECT_EQ(official["China, Mainland@2013-11-30"], "1316.7");
    EXPECT_EQ(official["United Kingdom@2000-03-31"], "78.6");  // new series at the 2000 break
    EXPECT_EQ(official["Korea, South@2000-12-31"], "29.6");    // label had a trailing blank
    EXPECT_EQ(official["For. Official@2025-12-31"], "3887");
    EXPECT_EQ(official["T-Bonds & Notes@2000-03-31"], "470.8");
    EXPECT_EQ(official.count("Luxembourg@2002-01-31"), 0u);    // n.a.
    EXPECT_GT(comparisons, 0);
}

TEST(TicMfh, SeriesBreakColumnIsComparison) {
    std::string doc =
        "\tJun\tJun\tMay\n"
        "Country\t2011\t2011\t2011\n"
        "\t------\t------\t------\n"
        "Japan\t881.5\t911.1\t912.4\n"
        "\"China, Mainland\"\t1\tn.a.\t*\n"
        "Department of the Treasury/Federal Reserve Board\n";
    std::vector<TicFigure> f = parse_text(doc);
    ASSERT_EQ(f.size(), 4u);
    EXPECT_TRUE(f[0].official);
    EXPECT_EQ(f[0].usd_bn, "881.5");
    EXPECT_FALSE(f[1].official);
    EXPECT_EQ(f[1].usd_bn, "911.1");
    EXPECT_EQ(format_day(f[2].as_of), "2011-05-31");
    EXPECT_EQ(f[3].label, "China, Mainland");
    EXPECT_EQ(f[3].line, 5);
}

TEST(TicMfh, MalformedDocumentsNameTheLine) {
    const std::string head = "\tDec\tNov\nCountry\t2025\t2025\n";
    struct Case { std::string doc; std::string message; };
    for (const Case& c : std::vector<Case>{
             {"", "line 0: no table found"},
             {"hello\n", "line 1: no table found"},
             {"\ttitle\n", "line 1: no table found"},
             {"\tDec\tNov\nCountri\t2025\t2025\nJapan\t1\t2\n", "line 2: expected the \"Country\" year row"},
             {head + "Japan\t1\t2\nNote: revised\nChina\t1\t2\n", "line 4: row label without figures: \"Note: revised\""},
             {head + "Japan\t1\t2\n\tsee the note\nChina\t1\t2\n", "line 5: text outside a table: \"China\""},
             {head + "Japan\t1\tabc\n", "line 3: not a figure: \"abc\""},
             {head + "Japan\t1\n", "line 3: missing figure in column 2"},
             {head + "Japan\t1\t2\t3\n", "line 3: more figures than columns"},
             {head + "\t1\t2\n", "line 3: figures without a row label"},
             {"\tDec\tFoo\n", "line 1: unknown month \"Foo\""},
             {"\tDec\nCountry\t20x5\n", "line 2: bad year \"20x5\""},
             {"Country\t2025\n", "line 1: year row without a month row above it"}}) {
        try {
            parse_text(c.doc);
            ADD_FAILURE() << "accepted: " << c.doc;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::invalid_text);
            EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
        }
    }
}

// Chunked parsing gives the same figures whatever the budget, and a document of
// n copies of a block takes time linear in n (no quadratic step).
TEST(TicMfh, ChunksAgreeWithOneCall) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/tic/mfhhis01_2026-03-18.txt");
    std::vector<TicFigure> whole = parse_text(doc);
    for (std::size_t budget : {std::size_t(1), std::size_t(100), std::size_t(5000)}) {
        TicParser p{};
        std::vector<TicRow> buf(kTicMaxColumns);
        std::size_t total = 0, calls = 0;
        while (!p.done) {
            std::size_t n = parse_tic_mfh_chunk(doc.data(), doc.size(), p, buf.data(), buf.size(), budget);
            for (std::size_t i = 0; i < n; ++i) {
                ASSERT_LT(total + i, whole.size());
                EXPECT_EQ(whole[total + i].usd_bn, buf[i].usd_bn);
                EXPECT_EQ(whole[total + i].line, buf[i].line);
            }
            total += n;
            ++calls;
        }
        EXPECT_EQ(total, whole.size());
        if (budget == 1) {
            EXPECT_GT(calls, 1000u);
        }
    }
}

TEST(TicMfh, TooManyColumnsIsAnError) {
    std::string months, years;
    for (int i = 0; i < 65; ++i) {
        months += "\tJan";
        years += "\t2000";
    }
    try {
        parse_text(months + "\nCountry" + years + "\n");
        ADD_FAILURE() << "accepted 65 columns";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("line 1: more than 64 month columns"), std::string::npos) << e.what();
    }
}

// A document ends with its footer: without it the last figure may be cut
// ("1079.3" -> "1079"); the footnotes after the footer are not read.
TEST(TicMfh, TheFooterEndsTheDocument) {
    const std::string doc = "\tJan\nCountry\t2025\nJapan\t1079.3\n";
    for (const std::string& cut : {doc, doc.substr(0, doc.size() - 3)}) {
        try {
            parse_text(cut);
            ADD_FAILURE() << "accepted: " << cut;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::invalid_text);
            EXPECT_EQ(std::string(e.what()),
                      cut == doc ? "TIC document, line 3: the document ends before the footer \"Department of the "
                                   "Treasury/Federal Reserve Board\" below the tables: it is incomplete"
                                 : "TIC document, line 3: the document ends inside this line (no newline after it): "
                                   "it is incomplete");
        }
    }
    std::vector<TicFigure> f = parse_text(doc + "Department of the Treasury/Federal Reserve Board\t\t\n1/ a note, cut sho");
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].usd_bn, "1079.3");
}

TEST(TicMfh, LongLinesAreRefusedAtOnce) {
    std::string doc = "\tJan\nCountry\t2025\nJapan\t1" + std::string(kMaxLineBytes, '0') + "\n";
    try {
        parse_text(doc);
        ADD_FAILURE() << "accepted a long line";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "TIC document, line 3: line longer than 1048576 bytes");
    }
    // Cells quoted in messages are cut on a character boundary.
    try {
        parse_text("\tJan\nCountry\t2025\nJapan\t" + std::string(39, 'x') + "\xC3\xA9\n");
        ADD_FAILURE() << "accepted a bad figure";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "TIC document, line 3: not a figure: \"" + std::string(39, 'x') + "...\"");
    }
}
