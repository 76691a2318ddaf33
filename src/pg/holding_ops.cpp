// Arithmetic, comparison and hashing of holding.
#include "glue.hpp"

#include <cstring>

#include "decimal.hpp"

using holdings::Holding;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_holding_add);
PG_FUNCTION_INFO_V1(holdings_holding_sub);
PG_FUNCTION_INFO_V1(holdings_holding_neg);
PG_FUNCTION_INFO_V1(holdings_abs);
PG_FUNCTION_INFO_V1(holdings_holding_mul_numeric);
PG_FUNCTION_INFO_V1(holdings_numeric_mul_holding);
PG_FUNCTION_INFO_V1(holdings_holding_div_numeric);
PG_FUNCTION_INFO_V1(holdings_holding_div_holding);
PG_FUNCTION_INFO_V1(holdings_round);
PG_FUNCTION_INFO_V1(holdings_round_digits);
PG_FUNCTION_INFO_V1(holdings_holding_cmp);
PG_FUNCTION_INFO_V1(holdings_holding_eq);
PG_FUNCTION_INFO_V1(holdings_holding_ne);
PG_FUNCTION_INFO_V1(holdings_holding_lt);
PG_FUNCTION_INFO_V1(holdings_holding_le);
PG_FUNCTION_INFO_V1(holdings_holding_gt);
PG_FUNCTION_INFO_V1(holdings_holding_ge);
PG_FUNCTION_INFO_V1(holdings_holding_sortsupport);
PG_FUNCTION_INFO_V1(holdings_holding_hash);
PG_FUNCTION_INFO_V1(holdings_holding_hash_extended);
}

// holding (op) holding, same currency, overflow checked by the core.
static Datum binary(FunctionCallInfo fcinfo, holdings::Holding (*op)(const Holding&, const Holding&)) {
    const Holding* a = arg_holding(fcinfo, 0);
    const Holding* b = arg_holding(fcinfo, 1);
    return holding_from_core([&] { return op(*a, *b); });
}

extern "C" Datum holdings_holding_add(PG_FUNCTION_ARGS) { return binary(fcinfo, holdings::add); }
extern "C" Datum holdings_holding_sub(PG_FUNCTION_ARGS) { return binary(fcinfo, holdings::subtract); }

extern "C" Datum holdings_holding_neg(PG_FUNCTION_ARGS) {
    return holding_datum(holdings::negate(*arg_holding(fcinfo, 0)));
}

extern "C" Datum holdings_abs(PG_FUNCTION_ARGS) {
    return holding_datum(holdings::absolute(*arg_holding(fcinfo, 0)));
}

// holding (op) numeric: the numeric's text parsed by the core, the result
// rounded half to even at the internal scale.
static Datum by_numeric(const Holding* h, Datum number,
                        holdings::Holding (*op)(const Holding&, const holdings::Decimal&)) {
    char* text = numeric_text(number);
    std::size_t len = strlen(text);
    return holding_from_core([&] { return op(*h, holdings::parse_decimal(text, len)); });
}

// holding * numeric and numeric * holding.
extern "C" Datum holdings_holding_mul_numeric(PG_FUNCTION_ARGS) {
    return by_numeric(arg_holding(fcinfo, 0), PG_GETARG_DATUM(1), holdings::multiply);
}

extern "C" Datum holdings_numeric_mul_holding(PG_FUNCTION_ARGS) {
    return by_numeric(arg_holding(fcinfo, 1), PG_GETARG_DATUM(0), holdings::multiply);
}

// holding / numeric.
extern "C" Datum holdings_holding_div_numeric(PG_FUNCTION_ARGS) {
    return by_numeric(arg_holding(fcinfo, 0), PG_GETARG_DATUM(1), holdings::divide);
}

// holding / holding (same currency): the ratio as numeric, by numeric division.
extern "C" Datum holdings_holding_div_holding(PG_FUNCTION_ARGS) {
    const Holding* a = arg_holding(fcinfo, 0);
    const Holding* b = arg_holding(fcinfo, 1);
    run_core([&] { holdings::require_same_currency(*a, *b); });
    Datum x = amount_to_numeric(a->raw(), 0);
    Datum y = amount_to_numeric(b->raw(), 0);
    return DirectFunctionCall2(numeric_div, x, y);
}

// round(holding): to the currency's minor units, half away from zero.
extern "C" Datum holdings_round(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    return holding_from_core([&] { return holdings::round_to_minor_units(*h); });
}

// round(holding, digits): to `digits` fractional digits (negative: tens, ...).
extern "C" Datum holdings_round_digits(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    int32 digits = PG_GETARG_INT32(1);
    return holding_from_core([&] { return holdings::round_to(*h, digits); });
}

static int compare_args(FunctionCallInfo fcinfo) {
    return holdings::compare(*arg_holding(fcinfo, 0), *arg_holding(fcinfo, 1));
}

extern "C" Datum holdings_holding_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(compare_args(fcinfo)); }
extern "C" Datum holdings_holding_eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(compare_args(fcinfo) == 0); }
extern "C" Datum holdings_holding_ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(compare_args(fcinfo) != 0); }
extern "C" Datum holdings_holding_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(compare_args(fcinfo) < 0); }
extern "C" Datum holdings_holding_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(compare_args(fcinfo) <= 0); }
extern "C" Datum holdings_holding_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(compare_args(fcinfo) > 0); }
extern "C" Datum holdings_holding_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(compare_args(fcinfo) >= 0); }

// Sorting (index builds, ORDER BY) compares through this directly, without a
// function call per comparison.
static int holding_sort_compare(Datum a, Datum b, SortSupport) {
    return holdings::compare(*reinterpret_cast<const Holding*>(DatumGetPointer(a)),
                             *reinterpret_cast<const Holding*>(DatumGetPointer(b)));
}

extern "C" Datum holdings_holding_sortsupport(PG_FUNCTION_ARGS) {
    auto ssup = reinterpret_cast<SortSupport>(PG_GETARG_POINTER(0));
    ssup->comparator = holding_sort_compare;
    PG_RETURN_VOID();
}

// Hashes the amount and the code: equal values (same code, same amount) hash alike.
static void hash_key(const Holding* h, unsigned char key[20]) {
    std::memcpy(key, h->amount_bytes, 16);
    std::memcpy(key + 16, &h->currency, 4);
}

extern "C" Datum holdings_holding_hash(PG_FUNCTION_ARGS) {
    unsigned char key[20];
    hash_key(arg_holding(fcinfo, 0), key);
    return hash_any(key, sizeof key);
}

extern "C" Datum holdings_holding_hash_extended(PG_FUNCTION_ARGS) {
    unsigned char key[20];
    hash_key(arg_holding(fcinfo, 0), key);
    return hash_any_extended(key, sizeof key, PG_GETARG_INT64(1));
}
