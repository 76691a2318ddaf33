#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "error.hpp"
#include "tic_table3d.hpp"

using namespace holdings;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Table3DRow> parse(const std::string& doc, std::size_t capacity = 4096, std::size_t budget = kStepBytes) {
    FlowParseState state;
    flow_parse_start(state);
    std::vector<Table3DRow> rows, chunk(capacity);
    while (!state.done) {
        std::size_t n = parse_tic_table3d_chunk(doc.data(), doc.size(), state, chunk.data(), capacity, budget);
        rows.insert(rows.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
    }
    return rows;
}

std::string error_of(const std::string& doc) {
    try {
        parse(doc);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

const std::string kHead = "\"\"\n\"TABLE 3D:  U.S\",\". Treasury Secu\",\"rities Held by\"\n\"\",\"\",\"\",\"----------\"\n";

}  // namespace

TEST(TicTable3D, ShippedFile) {
    std::vector<Table3DRow> rows = parse(read_file(HOLDINGS_SOURCE_DIR "/data/tic/slt3d_globl.csv"));
    ASSERT_EQ(rows.size(), 17234u);
    const Table3DRow& first = rows.front();
    EXPECT_EQ(first.line, 15);
    EXPECT_STREQ(first.label, "Austria");
    EXPECT_STREQ(first.code, "10189");
    EXPECT_EQ(format_day(first.as_of), "2023-01-31");
    EXPECT_STREQ(first.figures[0], "5367");
    EXPECT_STREQ(first.figures[1], "4175");
    EXPECT_STREQ(first.figures[2], "1192");
    const Table3DRow& last = rows.back();
    EXPECT_EQ(last.line, 17248);
    EXPECT_STREQ(last.label, "Grand Total");
    EXPECT_EQ(format_day(last.as_of), "2011-09-30");
    EXPECT_STREQ(last.figures[0], "4912116");
    EXPECT_STREQ(last.figures[2], "635127");
    bool japan = false, gibraltar = false;
    for (const Table3DRow& r : rows) {
        if (r.line == 11603) {
            japan = true;
            EXPECT_STREQ(r.label, "Japan");
            EXPECT_EQ(format_day(r.as_of), "2019-12-31");
            EXPECT_STREQ(r.figures[0], "1155162");
            EXPECT_STREQ(r.figures[1], "1093082");
            EXPECT_STREQ(r.figures[2], "62080");
        }
        if (r.line == 960) {
            gibraltar = true;
            EXPECT_FALSE(r.has[0]);
            EXPECT_TRUE(r.has[1]);
            EXPECT_STREQ(r.figures[1], "43");
            EXPECT_FALSE(r.has[2]);
        }
    }
    EXPECT_TRUE(japan);
    EXPECT_TRUE(gibraltar);
}

TEST(TicTable3D, ChunksGiveTheSameRows) {
    std::string doc = kHead + "\"A\",1,\"2011-09\",\"1,000\",900,100\n\"B, C\",2,\"2011-10\",-5,n.a.,\"n.a.\"\n\"Notes:\"\n";
    std::vector<Table3DRow> all = parse(doc), one = parse(doc, 1), bytes = parse(doc, 4096, 1);
    ASSERT_EQ(all.size(), 2u);
    ASSERT_EQ(one.size(), 2u);
    ASSERT_EQ(bytes.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {  // one line per step: the same rows
        EXPECT_EQ(bytes[i].line, all[i].line);
        EXPECT_EQ(bytes[i].as_of, all[i].as_of);
        EXPECT_STREQ(bytes[i].label, all[i].label);
        EXPECT_STREQ(bytes[i].code, all[i].code);
        for (int k = 0; k < 3; ++k) {
            EXPECT_EQ(bytes[i].has[k], all[i].has[k]);
            EXPECT_STREQ(bytes[i].figures[k], all[i].figures[k]);
        }
    }
    EXPECT_STREQ(one[1].label, "B, C");
    EXPECT_STREQ(one[1].figures[0], "-5");
    EXPECT_FALSE(one[1].has[1]);
    EXPECT_STREQ(all[0].figures[0], "1000");
    EXPECT_EQ(all[1].line, 5);
}

TEST(TicTable3D, Errors) {
    EXPECT_EQ(error_of("\"A\",1,\"2011-09\",1,2,3\n"), "TIC Table 3D document, line 1: no title (expected \"TABLE 3D\")");
    EXPECT_EQ(error_of(kHead + "\"Notes:\"\n"),
              "TIC Table 3D document, line 4: no data line (\"Country\",code,\"YYYY-MM\",total,long-term,short-term)");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-13\",1,2,3\n"), "TIC Table 3D document, line 4: bad month \"2011-13\"");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",\"1,00\",2,3\n"),
              "TIC Table 3D document, line 4: total is not a figure: \"1,00\"");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2\n"), "TIC Table 3D document, line 4: missing short-term figure");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2,3,4\n"),
              "TIC Table 3D document, line 4: text after the short-term figure");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2,3,\n"),
              "TIC Table 3D document, line 4: text after the short-term figure");
    EXPECT_EQ(error_of(kHead + "\"A\",1x,\"2011-09\",1,2,3\n"), "TIC Table 3D document, line 4: bad country code \"1x\"");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",\"1,2,3\n"), "TIC Table 3D document, line 4: bad quoting");
    EXPECT_EQ(error_of(kHead + std::string("\"A\",1,\"2011-09\",1,2,3\0\n", 24)), "TIC Table 3D document, line 4: NUL byte");
    EXPECT_EQ(error_of(kHead + std::string(5000, 'x') + "\n"),
              "TIC Table 3D document, line 4: line longer than 4096 bytes");
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2," + std::string(30, '9') + "\n"),
              "TIC Table 3D document, line 4: short-term is not a figure: \"999999999999999999999999999999\"");
}

// A truncated document (cut inside a data line) fails on that line, never
// silently drops it.
TEST(TicTable3D, Truncated) {
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2,3\n\"A\",1,\"2011-10\",1"),
              "TIC Table 3D document, line 5: missing long-term figure");
    // Cut inside the last figure: "300" must not load as 30 (every other
    // parser refuses a line without its newline: document.hpp).
    const std::string cut = "TIC Table 3D document, line 5: the document ends inside this line (no newline after it): it is incomplete";
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2,3\n\"A\",1,\"2011-10\",1,2,30"), cut);
    // Cut inside the label of the last line: not skipped as a non-data line.
    EXPECT_EQ(error_of(kHead + "\"A\",1,\"2011-09\",1,2,3\n\"Jap"), cut);
    // Cut in one-byte steps: the same refusal.
    try {
        parse(kHead + "\"A\",1,\"2011-09\",1,2,3\n\"A\",1,\"2011-10\",1,2,30", 1, 1);
        ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), cut);
    }
    // A complete document (final newline) cut at a line boundary reads as a shorter file.
    EXPECT_EQ(parse(kHead + "\"A\",1,\"2011-09\",1,2,3\n").size(), 1u);
}
