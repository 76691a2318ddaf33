#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "error.hpp"
#include "tic_flows.hpp"

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
    FlowParseState state;
    flow_parse_start(state);
    std::vector<Row> rows, chunk(capacity);
    while (!state.done) {
        std::size_t n = parse(doc.data(), doc.size(), state, chunk.data(), capacity, budget);
        rows.insert(rows.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
    }
    return rows;
}

std::vector<FormSRow> form_s(const std::string& doc, std::size_t capacity = 4096) {
    return parse_all<FormSRow>(doc, parse_tic_form_s_chunk, capacity);
}
std::vector<Table3Row> table3(const std::string& doc) { return parse_all<Table3Row>(doc, parse_tic_slt_table3_chunk); }
std::vector<Table5Row> table5(const std::string& doc) { return parse_all<Table5Row>(doc, parse_tic_slt_table5_chunk); }
std::vector<FredRow> fred(const std::string& doc) { return parse_all<FredRow>(doc, parse_fred_csv_chunk); }

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

const std::string kFormSHeader =
    "title\r\n"
    "name\tcode\tmonth\t[1]\t[2]\t[3]\t[4]\t[5]\t[6]\t[7]\t[8]\t[9]\t[10]\t[11]\t[12]\r\n"
    " ----\t ----\t ----\r\n";

long long millions(const char* s) { return std::stoll(s); }

}  // namespace

TEST(TicFormS, ParsesTheShippedFile) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/tic/s1_globl.txt");
    ASSERT_FALSE(doc.empty());
    std::vector<FormSRow> rows = form_s(doc);
    EXPECT_EQ(rows.size(), 41519u);
    std::map<std::string, long long> net_by_year;
    for (const FormSRow& r : rows) {
        std::string key = std::string(r.label) + "@" + format_day(r.as_of).substr(0, 4);
        net_by_year[key] += millions(r.figures[0]) - millions(r.figures[6]);
    }
    EXPECT_EQ(net_by_year["Japan@2022"], -127290);   // -127.3 bn
    EXPECT_EQ(net_by_year["China, Mainland@2016"], -155203);  // -155.2 bn
    // The first data row: Austria 2023-01, "1,480"-style figures without separators.
    EXPECT_STREQ(rows[0].label, "Austria");
    EXPECT_STREQ(rows[0].code, "10189");
    EXPECT_EQ(format_day(rows[0].as_of), "2023-01-31");
    EXPECT_STREQ(rows[0].figures[0], "42");
    EXPECT_STREQ(rows[4].figures[4], "1480");
}

TEST(TicFormS, ChunksGiveTheSameRows) {
    std::string doc = kFormSHeader + "Japan\t42609\t2022-12\t\"12,636\"\t1\t2\t3\t4\t5\t\"22,060\"\t6\t7\t8\t9\t10\r\n" +
                      "\r\n\"Korea, South\"\t43001\t2022-11\t-5\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\r\n";
    std::vector<FormSRow> a = form_s(doc), b = form_s(doc, 1);
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_STREQ(a[0].figures[0], "12636");
    EXPECT_STREQ(a[0].figures[6], "22060");
    EXPECT_STREQ(a[1].label, "Korea, South");
    EXPECT_STREQ(a[1].figures[0], "-5");
    EXPECT_EQ(a[1].line, 6);
    EXPECT_STREQ(b[1].label, "Korea, South");
    EXPECT_EQ(format_day(b[1].as_of), "2022-11-30");
}

TEST(TicFormS, ErrorsNameTheLine) {
    auto row = [](const std::string& r) { return kFormSHeader + r + "\r\n"; };
    EXPECT_EQ(error_of([&] { form_s(row("Japan\t42609\t2022-13\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1")); }),
              "TIC Form S document, line 4: bad month \"2022-13\"");
    EXPECT_EQ(error_of([&] { form_s(row("Japan\t42609\t2022-12\t1,23\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1")); }),
              "TIC Form S document, line 4: column [1] is not a figure: \"1,23\"");
    EXPECT_EQ(error_of([&] { form_s(row("Japan\t42609\t2022-12\t1\t1\t1\t1\t1\t1\tn.a.\t1\t1\t1\t1\t1")); }),
              "TIC Form S document, line 4: column [7] is not a figure: \"n.a.\"");
    EXPECT_EQ(error_of([&] { form_s(row("Japan\t42609\t2022-12\t1\t1")); }),
              "TIC Form S document, line 4: expected 15 tab-separated cells, found 5");
    EXPECT_EQ(error_of([&] { form_s(row("Japan\tJP\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1")); }),
              "TIC Form S document, line 4: bad country code \"JP\"");
    EXPECT_EQ(error_of([&] { form_s(row("\t42609\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1")); }),
              "TIC Form S document, line 4: empty row label");
    EXPECT_EQ(error_of([&] { form_s(row("Japan\t42609\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\tx")); }),
              "TIC Form S document, line 4: text after column [12]");
    EXPECT_EQ(error_of([&] { form_s("just a title\nand more\n"); }),
              "TIC Form S document, line 2: no column header (expected \"name, code, month, [1] .. [12]\")");
    EXPECT_EQ(error_of([&] { form_s("name\tcode\tmonth\t[1]\n"); }), "TIC Form S document, line 1: unexpected column header");
    EXPECT_EQ(error_of([&] { form_s(kFormSHeader + std::string("Ja\0pan\t1\n", 10)); }), "TIC Form S document, line 4: NUL byte");
}

TEST(TicTable3, ParsesTheShippedFile) {
    std::vector<Table3Row> rows = table3(read_file(HOLDINGS_SOURCE_DIR "/data/tic/slt_table3.txt"));
    EXPECT_EQ(rows.size(), 91u * 76u);
    std::map<std::string, const Table3Row*> by_key;
    for (const Table3Row& r : rows) by_key[std::string(r.label) + "@" + format_day(r.as_of)] = &r;
    const Table3Row* jp = by_key["Japan@2026-03-31"];
    ASSERT_NE(jp, nullptr);
    EXPECT_STREQ(jp->figures[0], "1191572");
    EXPECT_STREQ(jp->figures[4], "-17955");
    const Table3Row* gt = by_key["Grand Total@2026-04-30"];
    ASSERT_NE(gt, nullptr);
    EXPECT_STREQ(gt->figures[0], "9352646");
    const Table3Row* old = by_key["Japan@2022-12-31"];
    ASSERT_NE(old, nullptr);
    EXPECT_STREQ(old->figures[0], "1075054");
    EXPECT_FALSE(old->has[1]);
    EXPECT_FALSE(old->has[4]);
    EXPECT_TRUE(old->has[5]);
}

TEST(TicTable3, ErrorsNameTheLine) {
    std::string head =
        "Table 3\r\ncountry\tcountry_code\tdate\tfor_treas_pos\tfor_treas_net\tfor_lt_treas_pos\tfor_lt_treas_net\t"
        "for_lt_treas_valchg\tfor_st_treas_pos\tfor_st_treas_net\r\n";
    // Small countries' holdings are suppressed (n.a.).
    std::vector<Table3Row> greece =
        table3(head + "Greece\t11207\t2026-04\tn.a.\tn.a.\t2212\t-7\t-1\tn.a.\tn.a.\r\n\r\nNotes:\r\n");
    ASSERT_EQ(greece.size(), 1u);
    EXPECT_FALSE(greece[0].has[0]);
    EXPECT_STREQ(greece[0].figures[2], "2212");
    EXPECT_EQ(error_of([&] { table3(head + "Japan\t42609\t2026-03\t1\t1\t1\t1\t1\t1\r\n"); }),
              "TIC Table 3 document, line 3: expected 10 tab-separated cells, found 9");
    EXPECT_EQ(error_of([&] { table3(head + "Japan\t42609\t2026-03\t1,000\t1\t1\t1\t1\t1\t1\r\n"); }),
              "TIC Table 3 document, line 3: column for_treas_pos is not a figure: \"1,000\"");
    EXPECT_EQ(table3(head + "Japan\t42609\t2026-03\t1\t1\t1\t1\t1\t1\t1\r\nNotes:\r\nnot\ta\trow\r\n").size(), 1u);
    EXPECT_EQ(error_of([&] { table3("country\tcode\n"); }), "TIC Table 3 document, line 1: unexpected column header");
}

TEST(TicTable5, ParsesTheShippedFile) {
    std::vector<Table5Row> rows = table5(read_file(HOLDINGS_SOURCE_DIR "/data/tic/slt_table5.txt"));
    EXPECT_EQ(rows.size(), 25u * 13u);
    std::map<std::string, std::string> fig;
    for (const Table5Row& r : rows) fig[std::string(r.label) + "@" + format_day(r.as_of)] = r.figure;
    EXPECT_EQ(fig["Norway@2026-04-30"], "214.7");
    EXPECT_EQ(fig["Japan@2025-04-30"], "1134.5");
    EXPECT_EQ(fig["Grand Total@2026-04-30"], "9352.6");
    EXPECT_EQ(fig["Of Which: Foreign Official Treasury Bills@2025-12-31"], "388.5");
}

TEST(TicTable5, ErrorsNameTheLine) {
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\t2026-04\n"); }), "TIC Table 5 document, line 1: month \"2026-04\" printed twice");
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\nJapan\t-1.0\n"); }), "TIC Table 5 document, line 2: not a figure: \"-1.0\"");
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\nJapan\t1\t2\n"); }), "TIC Table 5 document, line 2: more figures than months");
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\t2026-03\nJapan\t1\n"); }),
              "TIC Table 5 document, line 2: missing figure in column 2");
    EXPECT_EQ(error_of([&] { table5("Title\n"); }), "TIC Table 5 document, line 1: no \"Country\" row with the months");
}

TEST(Fred, ParsesTheShippedFiles) {
    std::vector<FredRow> rows = fred(read_file(HOLDINGS_SOURCE_DIR "/data/fed/fred_wmtsecl1.csv"));
    EXPECT_EQ(rows.size(), 1228u);
    std::map<std::string, std::string> v;
    for (const FredRow& r : rows) v[format_day(r.as_of)] = r.value;
    EXPECT_EQ(std::stoll(v["2014-03-12"]) - std::stoll(v["2014-03-05"]), -104535);
    std::vector<FredRow> dgs10 = fred(read_file(HOLDINGS_SOURCE_DIR "/data/yields/DGS10.csv"));
    std::map<std::string, const FredRow*> y;
    for (const FredRow& r : dgs10) y[format_day(r.as_of)] = &r;
    EXPECT_STREQ(y["2021-12-31"]->value, "1.52");
    EXPECT_STREQ(y["2022-12-30"]->value, "3.88");
    EXPECT_FALSE(y["1962-02-12"]->has_value);
}

TEST(Fred, ErrorsNameTheLine) {
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n2022-02-30,1.0\n"); }), "FRED document, line 2: bad date \"2022-02-30\"");
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n2022-02-28,1.0x\n"); }), "FRED document, line 2: not a number: \"1.0x\"");
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n2022-02-28\n"); }),
              "FRED document, line 2: expected 2 comma-separated cells, found 1");
    EXPECT_EQ(error_of([&] { fred("date;value\n"); }), "FRED document, line 1: expected the header \"observation_date,SERIES\", found \"date;value\"");
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n\n2022-02-28,1\n"); }), "FRED document, line 2: empty line");
    EXPECT_EQ(error_of([&] { fred(""); }), "FRED document, line 0: empty document (expected \"observation_date,SERIES\")");
}

// Where each document ends (the prefix test is document_ends_test.cpp).
TEST(FlowDocuments, EndsAreChecked) {
    const std::string t3head =
        "country\tcountry_code\tdate\tfor_treas_pos\tfor_treas_net\tfor_lt_treas_pos\tfor_lt_treas_net\t"
        "for_lt_treas_valchg\tfor_st_treas_pos\tfor_st_treas_net\r\n";
    const std::string t3row = "Japan\t42609\t2026-04\t1209889\t16283\t1056542\t14705\t-3238\t153347\t1578\r\n";
    EXPECT_EQ(error_of([&] { table3(t3head + t3row); }),
              "TIC Table 3 document, line 2: the document ends before the \"Notes:\" line below the table: it is incomplete");
    EXPECT_EQ(error_of([&] { table3(t3head + t3row.substr(0, t3row.size() - 4)); }),
              "TIC Table 3 document, line 2: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(table3(t3head + t3row + "Notes:").size(), 1u);
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\nJapan\t1209.9\n"); }),
              "TIC Table 5 document, line 2: the document ends before the \"Notes:\" line below the table: it is incomplete");
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\nJapan\t1209"); }),
              "TIC Table 5 document, line 2: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(table5("Country\t2026-04\nJapan\t1209.9\nNotes:\n").size(), 1u);
    const std::string row = "Japan\t42609\t2022-12\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t198";
    EXPECT_EQ(error_of([&] { form_s(kFormSHeader + row.substr(0, row.size() - 1)); }),
              "TIC Form S document, line 4: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(error_of([&] { form_s(kFormSHeader + row + "\r"); }),
              "TIC Form S document, line 4: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(error_of([&] { form_s(kFormSHeader); }), "TIC Form S document, line 3: no data rows (the document is incomplete)");
    EXPECT_STREQ(form_s(kFormSHeader + row + "\r\n")[0].figures[11], "198");
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n2022-12-30,3.8"); }),
              "FRED document, line 2: the document ends inside this line (no newline after it): it is incomplete");
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n"); }), "FRED document, line 1: no data rows (the document is incomplete)");
}

// One line of separators is refused at the line limit, after reading at most
// kMaxLineBytes + 1 bytes of it (0.2.0 split it into 200 million cells).
TEST(FlowDocuments, LongLinesAreRefusedAtOnce) {
    std::string tabs(kMaxLineBytes + 1, '\t'), commas(kMaxLineBytes + 1, ',');
    EXPECT_EQ(error_of([&] { form_s(tabs); }), "TIC Form S document, line 1: line longer than 1048576 bytes");
    EXPECT_EQ(error_of([&] { table3(tabs); }), "TIC Table 3 document, line 1: line longer than 1048576 bytes");
    EXPECT_EQ(error_of([&] { table5(tabs); }), "TIC Table 5 document, line 1: line longer than 1048576 bytes");
    EXPECT_EQ(error_of([&] { fred(commas); }), "FRED document, line 1: line longer than 1048576 bytes");
    // A line of exactly the limit is read (and refused for what it is).
    EXPECT_EQ(error_of([&] { fred(std::string(kMaxLineBytes, ',') + "\n"); }),
              "FRED document, line 1: expected the header \"observation_date,SERIES\", found \"" + std::string(40, ',') + "...\"");
}

// Quoted cells are cut on a UTF-8 character boundary (0.2.0 cut "é" in half).
TEST(FlowDocuments, ExcerptsKeepWholeCharacters) {
    std::string cell = std::string(39, 'x') + "\xC3\xA9" + "yyyy";
    EXPECT_EQ(error_of([&] { fred("observation_date,DGS10\n2022-12-30," + cell + "\n"); }),
              "FRED document, line 2: not a number: \"" + std::string(39, 'x') + "...\"");
    EXPECT_EQ(error_of([&] { form_s(kFormSHeader + "Japan\t42609\t" + cell + "\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\t1\r\n"); }),
              "TIC Form S document, line 4: bad month \"" + std::string(39, 'x') + "...\"");
    EXPECT_EQ(error_of([&] { table5("Country\t2026-04\nJapan\t" + cell + "\n"); }),
              "TIC Table 5 document, line 2: not a figure: \"" + std::string(39, 'x') + "...\"");
}

TEST(FlowDocuments, StepsOfOneByteGiveTheSameRows) {
    std::string doc = read_file(HOLDINGS_SOURCE_DIR "/data/yields/DGS10.csv").substr(0, 3000);
    doc = doc.substr(0, doc.rfind('\n') + 1);
    std::vector<FredRow> a = parse_all<FredRow>(doc, parse_fred_csv_chunk),
                         b = parse_all<FredRow>(doc, parse_fred_csv_chunk, 4096, 1);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_STREQ(a[i].value, b[i].value);
}
