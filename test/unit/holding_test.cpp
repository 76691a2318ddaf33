#include <gtest/gtest.h>

#include "holding.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

TEST(Parse, SpecExamples) {
    EXPECT_EQ(roundtrip("1.116T usd"), "1116000000000.00 USD");
    EXPECT_EQ(roundtrip("10 trillion JPY"), "10000000000000 JPY");
    EXPECT_EQ(roundtrip("0.5 JPY"), "0.5 JPY");
}

TEST(Parse, InputForms) {
    EXPECT_EQ(roundtrip("63bn USD"), "63000000000.00 USD");
    EXPECT_EQ(roundtrip("1.116 trillion USD"), "1116000000000.00 USD");
    EXPECT_EQ(roundtrip("USD 1,234,567.891"), "1234567.891 USD");
    EXPECT_EQ(roundtrip("  eur   1_000.5 k  "), "1000500.00 EUR");
    EXPECT_EQ(roundtrip("1.116e12 USD"), "1116000000000.00 USD");
    EXPECT_EQ(roundtrip("1.5E-2 USD"), "0.015 USD");
    EXPECT_EQ(roundtrip("-5 bhd"), "-5.000 BHD");
    EXPECT_EQ(roundtrip("- 5 USD"), "-5.00 USD");
    EXPECT_EQ(roundtrip("+7USD"), "7.00 USD");
    EXPECT_EQ(roundtrip("5EUR"), "5.00 EUR");
    EXPECT_EQ(roundtrip("5e1EUR"), "50.00 EUR");
    EXPECT_EQ(roundtrip(".25 USD"), "0.25 USD");
    EXPECT_EQ(roundtrip("3. USD"), "3.00 USD");
    EXPECT_EQ(roundtrip("2 MM usd"), "2000000.00 USD");
    EXPECT_EQ(roundtrip("2 mn usd"), "2000000.00 USD");
    EXPECT_EQ(roundtrip("2 tn usd"), "2000000000000.00 USD");
    EXPECT_EQ(roundtrip("2 trn usd"), "2000000000000.00 USD");
    EXPECT_EQ(roundtrip("-0 USD"), "0.00 USD");
    EXPECT_EQ(roundtrip("1 XAU"), "1 XAU");
    EXPECT_EQ(roundtrip("0.001 XAU"), "0.001 XAU");
    EXPECT_EQ(roundtrip("12 DEM"), "12 DEM");
    EXPECT_EQ(roundtrip("0e999999999 USD"), "0.00 USD");
}

TEST(Parse, RoundsHalfToEvenAtInternalScale) {
    EXPECT_EQ(roundtrip("0.000000005 USD"), "0.00 USD");
    EXPECT_EQ(roundtrip("0.000000015 USD"), "0.00000002 USD");
    EXPECT_EQ(roundtrip("0.000000025 USD"), "0.00000002 USD");
    EXPECT_EQ(roundtrip("0.0000000250001 USD"), "0.00000003 USD");
    EXPECT_EQ(roundtrip("-0.000000015 USD"), "-0.00000002 USD");
    EXPECT_EQ(roundtrip("1e-9 USD"), "0.00 USD");
    EXPECT_EQ(roundtrip("1e-100000 USD"), "0.00 USD");
}

TEST(Parse, Rejects) {
    const int text = kind(ErrorKind::invalid_text);
    for (const char* bad : {"", "   ", "USD", "1", "1 US", "1 USDX", "1 ABC", "abc 1",
                            "1,2 USD", "1,23 USD", ",123 USD", "1234,567 USD", "1,234, USD",
                            "1__000 USD", "1.2.3 USD", "1 k k USD", "1 zz USD", "USD 1 USD",
                            "1 USD USD", "--1 USD", "1e USD", ". USD", "1 USD;", "$1 USD",
                            "1 USD 2", "1\xc2\xa0USD", "1.000,50 EUR", "1 k", "NaN USD",
                            "Infinity USD", "0x10 USD"}) {
        EXPECT_EQ(error_kind([&] { parse(bad); }), text) << bad;
    }
}

TEST(Parse, RefusesAHugeTextBeforeReadingIt) {
    // issue 18: a 100 MB value took seconds in the parser, past statement_timeout.
    const int text = kind(ErrorKind::invalid_text);
    EXPECT_EQ(error_kind([] { parse(std::string(1001, '1') + " USD"); }), text);
    EXPECT_EQ(error_kind([] { parse(std::string(996, '1') + " USD"); }), kind(ErrorKind::out_of_range));
}

TEST(Parse, OverflowAtTheEdges) {
    const int range = kind(ErrorKind::out_of_range);
    const std::string max = "1701411834604692317316873037158.84105727 USD";
    EXPECT_EQ(roundtrip(max), max);
    EXPECT_EQ(roundtrip("-" + max), "-" + max);
    EXPECT_EQ(error_kind([] { parse("1701411834604692317316873037158.84105728 USD"); }), range);
    EXPECT_EQ(error_kind([] { parse("1e31 USD"); }), range);
    EXPECT_EQ(error_kind([] { parse("1e99999999999 USD"); }), range);
    EXPECT_EQ(error_kind([] { parse("2000000000000000000 trillion USD"); }), range);
    EXPECT_EQ(error_kind([] { parse(std::string(200, '9') + " USD"); }), range);
    EXPECT_EQ(roundtrip("0." + std::string(200, '0') + "1 USD"), "0.00 USD");
}

TEST(Format, MinorUnitsAndExactDigits) {
    EXPECT_EQ(text(make_holding(1, pack_code('U', 'S', 'D'))), "0.00000001 USD");
    EXPECT_EQ(text(make_holding(-150000000, pack_code('J', 'P', 'Y'))), "-1.5 JPY");
    EXPECT_EQ(text(make_holding(0, pack_code('B', 'H', 'D'))), "0.000 BHD");
    EXPECT_EQ(text(make_holding(kMinRaw, pack_code('E', 'U', 'R'))),
              "-1701411834604692317316873037158.84105727 EUR");
}

TEST(Binary, RoundTripAndValidation) {
    Holding h = parse("-1234.5678 USD");
    unsigned char buf[kBinaryLength];
    encode_holding(h, buf);
    EXPECT_EQ(buf[0], 1);
    EXPECT_EQ(buf[1], 'U');
    EXPECT_EQ(compare(decode_holding(buf, kBinaryLength), h), 0);
    const int bin = kind(ErrorKind::invalid_binary);
    EXPECT_EQ(error_kind([&] { decode_holding(buf, kBinaryLength - 1); }), bin);
    unsigned char bad[kBinaryLength];
    std::memcpy(bad, buf, sizeof bad);
    bad[0] = 2;
    EXPECT_EQ(error_kind([&] { decode_holding(bad, kBinaryLength); }), bin);
    std::memcpy(bad, buf, sizeof bad);
    bad[1] = 'u';
    EXPECT_EQ(error_kind([&] { decode_holding(bad, kBinaryLength); }), bin);
    std::memcpy(bad, buf, sizeof bad);
    bad[1] = 'Q';
    bad[2] = 'Q';
    bad[3] = 'Q';
    EXPECT_EQ(error_kind([&] { decode_holding(bad, kBinaryLength); }), bin);
    std::memcpy(bad, buf, sizeof bad);
    bad[4] = 0x80;
    for (int i = 5; i < 20; ++i) bad[i] = 0;
    EXPECT_EQ(error_kind([&] { decode_holding(bad, kBinaryLength); }), bin);
}

TEST(Arithmetic, AddSubtractChecked) {
    EXPECT_EQ(text(add(parse("1.10 USD"), parse("2.205 USD"))), "3.305 USD");
    EXPECT_EQ(text(subtract(parse("1 USD"), parse("2 USD"))), "-1.00 USD");
    EXPECT_EQ(error_kind([] { add(parse("1 USD"), parse("1 EUR")); }),
              kind(ErrorKind::currency_mismatch));
    Holding max = make_holding(kMaxRaw, pack_code('U', 'S', 'D'));
    Holding unit = make_holding(1, pack_code('U', 'S', 'D'));
    EXPECT_EQ(error_kind([&] { add(max, unit); }), kind(ErrorKind::out_of_range));
    EXPECT_EQ(error_kind([&] { subtract(negate(max), unit); }), kind(ErrorKind::out_of_range));
    EXPECT_EQ(compare(subtract(max, unit), make_holding(kMaxRaw - 1, max.currency)), 0);
    EXPECT_EQ(text(absolute(parse("-3 JPY"))), "3 JPY");
}

TEST(Arithmetic, RoundHalfAwayFromZero) {
    EXPECT_EQ(text(round_to_minor_units(parse("2.345 USD"))), "2.35 USD");
    EXPECT_EQ(text(round_to_minor_units(parse("-2.345 USD"))), "-2.35 USD");
    EXPECT_EQ(text(round_to_minor_units(parse("2.5 JPY"))), "3 JPY");
    EXPECT_EQ(text(round_to_minor_units(parse("0.1234 XAU"))), "0.1234 XAU");
    EXPECT_EQ(text(round_to(parse("1234.5 USD"), -2)), "1200.00 USD");
    EXPECT_EQ(text(round_to(parse("1250 USD"), -2)), "1300.00 USD");
    EXPECT_EQ(text(round_to(parse("1250 USD"), -100)), "0.00 USD");
    EXPECT_EQ(text(round_to(parse("0.123456789 USD"), 20)), "0.12345679 USD");
    Holding max = make_holding(kMaxRaw, pack_code('U', 'S', 'D'));
    EXPECT_EQ(error_kind([&] { round_to(max, 0); }), kind(ErrorKind::out_of_range));
}

TEST(Compare, TotalOrderByCurrencyThenAmount) {
    EXPECT_LT(compare(parse("100 EUR"), parse("1 USD")), 0);
    EXPECT_GT(compare(parse("2 USD"), parse("1 USD")), 0);
    EXPECT_EQ(compare(parse("1.0 USD"), parse("1 usd")), 0);
    EXPECT_NE(compare(parse("0 EUR"), parse("0 USD")), 0);
}

TEST(Format, ScaledDecimalsOfAnyScale) {
    auto scaled = [](uint128 m, int scale, int min_fraction) {
        char buf[64];
        return std::string(buf, format_scaled(m, scale, min_fraction, buf));
    };
    EXPECT_EQ(scaled(0, 0, 0), "0");
    EXPECT_EQ(scaled(0, 3, 0), "0");
    EXPECT_EQ(scaled(0, 3, 3), "0.000");
    EXPECT_EQ(scaled(15786, 2, 2), "157.86");
    EXPECT_EQ(scaled(5, 20, 20), "0.00000000000000000005");
    EXPECT_EQ(scaled(120, 3, 1), "0.12");
    // 39 digits: the three-chunk path, at the largest scale.
    uint128 big = uint128(10000000000000000000ull) * 10000000000000000000ull * 3 + 7;
    EXPECT_EQ(scaled(big, 38, 38), "3.00000000000000000000000000000000000007");
    EXPECT_EQ(scaled(big, 0, 0), "300000000000000000000000000000000000007");
    EXPECT_EQ(scaled(uint128(10000000000000000000ull) * 5, 20, 0), "0.5");
}
