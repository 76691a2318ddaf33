#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "dated_levels.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

namespace {

// Parses a text form into a payload (std::vector) and checks it reads back.
std::vector<unsigned char> payload(const std::string& text) {
    std::size_t len = 0;
    unsigned char* p = parse_levels(text.data(), text.size(), &len);
    std::vector<unsigned char> out(p, p + len);
    std::free(p);
    read_levels(out.data(), out.size());
    return out;
}

std::string formatted(const std::vector<unsigned char>& bytes) {
    LevelsView view = read_levels(bytes.data(), bytes.size());
    std::string out(levels_text_length(view) + 1, '\0');
    format_levels(view, &out[0]);
    out.resize(out.size() - 1);
    EXPECT_EQ(out.find('\0'), std::string::npos);
    return out;
}

}  // namespace

TEST(DatedLevels, TextRoundTripsExactly) {
    for (const char* text : {"USD:2006-01-06=1234.50,2006-01-13=-0.00000001",
                             "JPY:2020-02-29=10000000000000",
                             "USD:-infinity=1.00,1999-12-31=2.00,infinity=3.00",
                             "USD:0044-03-15=-1701411834604692317316873037158.84105727",
                             "JPY:-0206-01-13=-3,-0001-12-31=0,0000-02-29=1,12345-06-07=2"}) {
        EXPECT_EQ(formatted(payload(text)), text);
    }
    EXPECT_EQ(formatted(payload(" usd : 2020-01-01 = 1.5 , 2020-02-01=-2 ")), "USD:2020-01-01=1.50,2020-02-01=-2.00");
}

TEST(DatedLevels, BinaryLayout) {
    std::vector<unsigned char> p = payload("USD:2000-01-02=0.00000001");
    ASSERT_EQ(p.size(), levels_payload_length(1));
    std::vector<unsigned char> expected = {1, 'U', 'S', 'D', 0, 0, 0, 1, 0, 0, 0, 1};
    expected.resize(kLevelsHeaderLength + kLevelsItemLength, 0);
    expected.back() = 1;
    EXPECT_EQ(p, expected);
    LevelsView view = read_levels(p.data(), p.size());
    EXPECT_EQ(level_at(view, 0).date, 1);
    EXPECT_EQ(level_at(view, 0).level.get(), 1);
}

TEST(DatedLevels, MalformedTextIsInvalidText) {
    for (const char* text : {"", "USD", "USD:", "USD 2020-01-01=1", "ZZZ:2020-01-01=1", "USD:2020-02-30=1",
                             "USD:2020-13-01=1", "USD:2020-01-01", "USD:2020-01-01=", "USD:2020-01-01=1,",
                             "USD:2020-01-02=1,2020-01-01=1", "USD:2020-01-01=1,2020-01-01=2",
                             "USD:2020-01-01=1e3", "USD:2020-01-01=1 000", "USD:20-01-01=1"}) {
        std::size_t len = 0;
        EXPECT_EQ(error_kind([&] { parse_levels(text, std::string(text).size(), &len); }),
                  kind(ErrorKind::invalid_text))
            << text;
    }
    std::size_t len = 0;
    std::string huge = "USD:2020-01-01=1" + std::string(40, '0');
    EXPECT_EQ(error_kind([&] { parse_levels(huge.data(), huge.size(), &len); }), kind(ErrorKind::out_of_range));
}

TEST(DatedLevels, LongTokensAreRefusedBeforeTheyAreCopied) {
    for (const std::string& text : {"USD:" + std::string(10000000, '1'),
                                     "USD:2020-01-01=" + std::string(65, '1'),
                                     "USD:2020-01-01=" + std::string(10000000, '1')}) {
        std::size_t len = 0;
        EXPECT_EQ(error_kind([&] { parse_levels(text.data(), text.size(), &len); }), kind(ErrorKind::invalid_text));
    }
}

TEST(DatedLevels, MalformedBinaryIsInvalidBinary) {
    std::vector<unsigned char> good = payload("USD:2020-01-01=1,2020-01-02=2");
    auto rejected = [](std::vector<unsigned char> bytes) {
        return error_kind([&] { read_levels(bytes.data(), bytes.size()); }) == kind(ErrorKind::invalid_binary);
    };
    EXPECT_TRUE(rejected({}));
    std::vector<unsigned char> b = good;
    b[0] = 2;  // version
    EXPECT_TRUE(rejected(b));
    b = good;
    b[1] = 'Z';  // currency
    EXPECT_TRUE(rejected(b));
    b = good;
    b[1] = 'u';  // lower case is not the stored form
    EXPECT_TRUE(rejected(b));
    b = good;
    b[7] = 3;  // count
    EXPECT_TRUE(rejected(b));
    b = good;
    b[7] = 0;
    b.resize(kLevelsHeaderLength);
    EXPECT_TRUE(rejected(b));  // no levels
    b = good;
    b.pop_back();
    EXPECT_TRUE(rejected(b));
    b = good;
    b[kLevelsHeaderLength + kLevelsItemLength + 3] = 1;  // second date = first date
    EXPECT_TRUE(rejected(b));
    b = good;
    b[kLevelsHeaderLength + 4] = 0x80;  // level = -2^127, below the range
    for (std::size_t i = 5; i < 20; ++i) b[kLevelsHeaderLength + i] = 0;
    EXPECT_TRUE(rejected(b));
}

TEST(DatedLevels, NetSellingIsFirstMinusLast) {
    std::vector<unsigned char> p = payload("USD:2020-01-01=100,2020-02-01=70,2020-03-01=80");
    EXPECT_EQ(text(levels_net_selling(read_levels(p.data(), p.size()))), "20.00 USD");
    std::vector<unsigned char> q = payload("USD:2020-01-01=-1701411834604692317316873037158.84105727,2020-02-01=1");
    EXPECT_EQ(error_kind([&] { levels_net_selling(read_levels(q.data(), q.size())); }),
              kind(ErrorKind::out_of_range));
}
