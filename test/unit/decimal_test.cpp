#include <gtest/gtest.h>

#include "decimal.hpp"
#include "test_support.hpp"

using namespace holdings;
using namespace holdings_test;

namespace {
Decimal dec(const std::string& s) { return parse_decimal(s.data(), s.size()); }
}  // namespace

TEST(Decimal, MultiplyRoundsHalfEven) {
    EXPECT_EQ(text(multiply(parse("10 USD"), dec("1.5"))), "15.00 USD");
    EXPECT_EQ(text(multiply(parse("0.00000001 USD"), dec("0.5"))), "0.00 USD");
    EXPECT_EQ(text(multiply(parse("0.00000003 USD"), dec("0.5"))), "0.00000002 USD");
    EXPECT_EQ(text(multiply(parse("-0.00000003 USD"), dec("0.5"))), "-0.00000002 USD");
    EXPECT_EQ(text(multiply(parse("3 USD"), dec("-1000000"))), "-3000000.00 USD");
    EXPECT_EQ(text(multiply(parse("3 USD"), dec("0"))), "0.00 USD");
    EXPECT_EQ(text(multiply(parse("3 USD"), dec("0.000000000000000000000000000001"))), "0.00 USD");
    EXPECT_EQ(error_kind([] { multiply(parse("1e30 USD"), dec("10")); }),
              kind(ErrorKind::out_of_range));
    EXPECT_EQ(error_kind([] { multiply(parse("1 USD"), dec("1" + std::string(60, '0'))); }),
              kind(ErrorKind::out_of_range));
}

TEST(Decimal, DivideRoundsHalfEven) {
    EXPECT_EQ(text(divide(parse("1 USD"), dec("3"))), "0.33333333 USD");
    EXPECT_EQ(text(divide(parse("2 USD"), dec("3"))), "0.66666667 USD");
    EXPECT_EQ(text(divide(parse("0.00000005 USD"), dec("10"))), "0.00 USD");
    EXPECT_EQ(text(divide(parse("0.00000015 USD"), dec("10"))), "0.00000002 USD");
    EXPECT_EQ(text(divide(parse("10 USD"), dec("-0.5"))), "-20.00 USD");
    EXPECT_EQ(text(divide(parse("10 USD"), dec("1" + std::string(50, '0')))), "0.00 USD");
    EXPECT_EQ(error_kind([] { divide(parse("1 USD"), dec("0.000")); }),
              kind(ErrorKind::division_by_zero));
    EXPECT_EQ(error_kind([] { divide(parse("1e30 USD"), dec("0.01")); }),
              kind(ErrorKind::out_of_range));
    EXPECT_EQ(error_kind([] { divide(parse("1 USD"), dec("0." + std::string(80, '0') + "1")); }),
              kind(ErrorKind::out_of_range));
}

TEST(Decimal, ParseSpecials) {
    EXPECT_EQ(error_kind([] { dec("NaN"); }), kind(ErrorKind::invalid_argument));
    EXPECT_EQ(error_kind([] { dec("Infinity"); }), kind(ErrorKind::out_of_range));
    EXPECT_EQ(error_kind([] { dec("-Infinity"); }), kind(ErrorKind::out_of_range));
    EXPECT_EQ(error_kind([] { dec(std::string(3000, '7')); }), kind(ErrorKind::out_of_range));
    Decimal d = dec("-12.3400");
    EXPECT_EQ(d.mantissa, -1234);
    EXPECT_EQ(d.exponent, -2);
}
