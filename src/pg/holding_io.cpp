// Type I/O, constructors, accessors and casts of holding.
#include "glue.hpp"

#include <cstring>

#include "decimal.hpp"

using holdings::Holding;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_holding_in);
PG_FUNCTION_INFO_V1(holdings_holding_out);
PG_FUNCTION_INFO_V1(holdings_holding_recv);
PG_FUNCTION_INFO_V1(holdings_holding_send);
PG_FUNCTION_INFO_V1(holdings_holding);
PG_FUNCTION_INFO_V1(holdings_amount);
PG_FUNCTION_INFO_V1(holdings_currency);
PG_FUNCTION_INFO_V1(holdings_holding_currencies);
}

// Text input: '1.116T USD', 'USD 1,234.56', '10 trillion JPY', ...
extern "C" Datum holdings_holding_in(PG_FUNCTION_ARGS) {
    const char* str = PG_GETARG_CSTRING(0);
    std::size_t len = strlen(str);
    Holding result;
    run_core([&] { result = holdings::parse_holding(str, len); });
    return holding_datum(result);
}

// Text output: '<amount> <CCY>', exact, at least the currency's minor units.
extern "C" Datum holdings_holding_out(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    char* out = static_cast<char*>(palloc(holdings::kMaxTextLength));
    std::size_t n = holdings::format_holding(*h, out);
    out[n] = '\0';
    PG_RETURN_CSTRING(out);
}

// Binary input: version byte 1, three ASCII code letters, 16-byte big-endian
// two's complement amount in units of 10^-8. Anything else is 22P03.
extern "C" Datum holdings_holding_recv(PG_FUNCTION_ARGS) {
    StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
    const auto* data = reinterpret_cast<const unsigned char*>(buf->data + buf->cursor);
    std::size_t len = static_cast<std::size_t>(buf->len - buf->cursor);
    Holding result;
    run_core([&] { result = holdings::decode_holding(data, len); });
    buf->cursor = buf->len;
    return holding_datum(result);
}

// Binary output, the layout holding_recv reads.
extern "C" Datum holdings_holding_send(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    unsigned char bytes[holdings::kBinaryLength];
    holdings::encode_holding(*h, bytes);
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendbytes(&buf, reinterpret_cast<const char*>(bytes), sizeof bytes);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

// holding(amount numeric, currency text)
extern "C" Datum holdings_holding(PG_FUNCTION_ARGS) {
    char* amount = numeric_text(PG_GETARG_DATUM(0));
    holdings::CurrencyCode code = currency_argument(PG_GETARG_TEXT_PP(1));
    std::size_t len = strlen(amount);
    Holding result;
    run_core([&] {
        result = holdings::holding_from_decimal(holdings::parse_decimal(amount, len), code);
    });
    return holding_datum(result);
}

// amount(holding) and holding::numeric: the exact amount.
extern "C" Datum holdings_amount(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    return amount_to_numeric(h->raw(), holdings::display_minor_units(h->currency));
}

// currency(holding): the ISO 4217 code.
extern "C" Datum holdings_currency(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    char code[4];
    holdings::unpack_code(h->currency, code);
    PG_RETURN_TEXT_P(cstring_to_text_with_len(code, 3));
}

// holding_currencies(): the compiled-in ISO 4217 list, one row per code.
extern "C" Datum holdings_holding_currencies(PG_FUNCTION_ARGS) {
    FuncCallContext* call;
    if (SRF_IS_FIRSTCALL()) {
        call = SRF_FIRSTCALL_INIT();
        MemoryContext old = MemoryContextSwitchTo(call->multi_call_memory_ctx);
        TupleDesc desc;
        if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
            elog(ERROR, "holding_currencies must return a record");
        call->tuple_desc = BlessTupleDesc(desc);
        call->max_calls = holdings::currency_count();
        MemoryContextSwitchTo(old);
    }
    call = SRF_PERCALL_SETUP();
    if (call->call_cntr >= call->max_calls) SRF_RETURN_DONE(call);
    const holdings::CurrencyInfo& info = holdings::currency_at(call->call_cntr);
    Datum values[5];
    bool nulls[5] = {false, info.numeric_code == 0, info.minor_units < 0, false, false};
    values[0] = CStringGetTextDatum(info.code);
    values[1] = Int32GetDatum(info.numeric_code);
    values[2] = Int32GetDatum(info.minor_units);
    values[3] = BoolGetDatum(info.current);
    values[4] = CStringGetTextDatum(info.name);
    SRF_RETURN_NEXT(call, HeapTupleGetDatum(heap_form_tuple(call->tuple_desc, values, nulls)));
}
