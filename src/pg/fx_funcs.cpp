// FX valuation functions and the FX-adjusted aggregates.
#include "glue.hpp"

#include <cstring>

#include "aggregates.hpp"
#include "dated_series.hpp"
#include "fx_cache.hpp"
#include "fx_funcs.hpp"
#include "state_codec.hpp"

using holdings::CurrencyCode;
using holdings::DatedLevel;
using holdings::Holding;
using holdings::LevelSpan;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_fx_rate);
PG_FUNCTION_INFO_V1(holdings_fx_convert);
PG_FUNCTION_INFO_V1(holdings_net_selling_accum);
PG_FUNCTION_INFO_V1(holdings_net_selling_combine);
PG_FUNCTION_INFO_V1(holdings_net_selling_serialize);
PG_FUNCTION_INFO_V1(holdings_net_selling_deserialize);
PG_FUNCTION_INFO_V1(holdings_net_selling_final);
PG_FUNCTION_INFO_V1(holdings_fx_levels_accum);
PG_FUNCTION_INFO_V1(holdings_fx_levels_accum_code);
PG_FUNCTION_INFO_V1(holdings_currency_code_in);
PG_FUNCTION_INFO_V1(holdings_currency_code_out);
PG_FUNCTION_INFO_V1(holdings_currency_code_recv);
PG_FUNCTION_INFO_V1(holdings_currency_code_send);
PG_FUNCTION_INFO_V1(holdings_currency_code);
PG_FUNCTION_INFO_V1(holdings_fx_net_selling_final);
PG_FUNCTION_INFO_V1(holdings_fx_decompose_final);
}

namespace {

Datum rate_numeric(const holdings::Rate& rate) {
    char text[48];
    text[holdings::format_scaled(rate.mantissa(), rate.scale, rate.scale, text)] = '\0';
    return DirectFunctionCall3(numeric_in, CStringGetDatum(text), ObjectIdGetDatum(InvalidOid),
                               Int32GetDatum(-1));
}

}  // namespace

// fx_rate(from, to, on_date): units of `to` per unit of `from`.
extern "C" Datum holdings_fx_rate(PG_FUNCTION_ARGS) {
    CurrencyCode from = currency_argument(PG_GETARG_TEXT_PP(0));
    CurrencyCode to = currency_argument(PG_GETARG_TEXT_PP(1));
    DateADT day = PG_GETARG_DATEADT(2);
    if (from == to) return DirectFunctionCall1(int4_numeric, Int32GetDatum(1));
    const holdings::RateTable& table = current_rate_table(from, to);
    const holdings::Rate* from_rate = nullptr;
    const holdings::Rate* to_rate = nullptr;
    run_core([&] {
        from_rate = &holdings::require_rate(table, from, day);
        to_rate = &holdings::require_rate(table, to, day);
    });
    return DirectFunctionCall2(numeric_div, rate_numeric(*to_rate), rate_numeric(*from_rate));
}

// fx_convert(h, to, on_date): h valued in `to`, rounded half to even once.
extern "C" Datum holdings_fx_convert(PG_FUNCTION_ARGS) {
    const Holding* h = arg_holding(fcinfo, 0);
    CurrencyCode to = currency_argument(PG_GETARG_TEXT_PP(1));
    DateADT day = PG_GETARG_DATEADT(2);
    if (h->currency == to) return holding_datum(*h);
    const holdings::RateTable& table = current_rate_table(h->currency, to);
    return holding_from_core([&] { return holdings::convert(*h, to, day, table); });
}

// ---- net_foreign_selling(holding, date): constant-size state --------------

extern "C" Datum holdings_net_selling_accum(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "net_selling_accum");
    auto* span = state_arg<LevelSpan>(fcinfo);
    if (PG_ARGISNULL(1) || PG_ARGISNULL(2)) return unchanged_state(fcinfo);
    const Holding* row = arg_holding(fcinfo, 1);
    DateADT day = PG_GETARG_DATEADT(2);
    if (span == nullptr) {
        span = static_cast<LevelSpan*>(MemoryContextAlloc(context, sizeof(LevelSpan)));
        holdings::level_span_start(*span, *row, day);
        PG_RETURN_POINTER(span);
    }
    run_core([&] { holdings::level_span_add(*span, *row, day); });
    PG_RETURN_POINTER(span);
}

extern "C" Datum holdings_net_selling_combine(PG_FUNCTION_ARGS) {
    return combine_fixed_states<LevelSpan>(fcinfo, "net_selling_combine", holdings::level_span_combine);
}

// Serialized by the core codec (state_codec): currency, first date, last date
// (4 bytes each), then the first and last levels as high and low 8-byte halves.
extern "C" Datum holdings_net_selling_serialize(PG_FUNCTION_ARGS) {
    const auto* span = state_arg<const LevelSpan>(fcinfo);
    return serialized_state(fcinfo, "net_selling_serialize", [span](StringInfo buf) { send_state(buf, *span); });
}

extern "C" Datum holdings_net_selling_deserialize(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "net_selling_deserialize");
    StateBytes in = state_bytes(fcinfo);
    auto* span = static_cast<LevelSpan*>(MemoryContextAllocZero(context, sizeof(LevelSpan)));
    // Validated in the core (currency, dates, levels, length): 22P03 otherwise.
    run_core([&] { *span = holdings::decode_state<LevelSpan>(in.data, in.len); });
    PG_RETURN_POINTER(span);
}

extern "C" Datum holdings_net_selling_final(PG_FUNCTION_ARGS) {
    const auto* span = state_arg<const LevelSpan>(fcinfo);
    if (span == nullptr) PG_RETURN_NULL();
    return holding_from_core([&] { return holdings::level_span_net_selling(*span); });
}

// ---- type currency_code ------------------------------------------------------
// An ISO 4217 code as the packed 4-byte value of the core (by value, no
// collation). A report currency of this type leaves the FX aggregates without
// an input collation, so postgres_fdw can send them to a shard.

namespace {

inline Datum code_datum(CurrencyCode code) { return Int32GetDatum(static_cast<int32>(code)); }
inline CurrencyCode code_arg(FunctionCallInfo fcinfo, int n) {
    return static_cast<CurrencyCode>(PG_GETARG_INT32(n));
}

}  // namespace

// Text input: a known code, any case ('jpy' is JPY); 22U02 otherwise.
extern "C" Datum holdings_currency_code_in(PG_FUNCTION_ARGS) {
    return code_datum(currency_argument(cstring_to_text(PG_GETARG_CSTRING(0))));
}

extern "C" Datum holdings_currency_code_out(PG_FUNCTION_ARGS) {
    char* out = static_cast<char*>(palloc(4));
    holdings::unpack_code(code_arg(fcinfo, 0), out);
    PG_RETURN_CSTRING(out);
}

// Binary form: the three upper-case ASCII letters. Anything else is 22P03.
extern "C" Datum holdings_currency_code_recv(PG_FUNCTION_ARGS) {
    StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
    int len = buf->len - buf->cursor;
    const char* letters = pq_getmsgbytes(buf, len);
    CurrencyCode code = 0;
    if (len != 3 || !holdings::lookup_currency(letters, 3, &code) || letters[0] < 'A' || letters[0] > 'Z' ||
        letters[1] < 'A' || letters[1] > 'Z' || letters[2] < 'A' || letters[2] > 'Z')
        ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                        errmsg("invalid binary currency_code: %d bytes, expected a known upper-case ISO 4217 code",
                               len)));
    return code_datum(code);
}

extern "C" Datum holdings_currency_code_send(PG_FUNCTION_ARGS) {
    char letters[4];
    holdings::unpack_code(code_arg(fcinfo, 0), letters);
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendbytes(&buf, letters, 3);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

// currency_code(text): the implicit cast from text and varchar.
extern "C" Datum holdings_currency_code(PG_FUNCTION_ARGS) {
    return code_datum(currency_argument(PG_GETARG_TEXT_PP(0)));
}

// ---- FX-adjusted aggregates: one level per distinct date --------------------

namespace {

using LevelSeries = DatedSeries<DatedLevel>;

// The transition, with the report currency read by report_of(fcinfo) on a
// group's first row and compared by same_report(fcinfo, code) on the others.
template <typename ReportOf, typename SameReport>
Datum levels_accum(FunctionCallInfo fcinfo, ReportOf report_of, SameReport same_report) {
    MemoryContext context = aggregate_context(fcinfo, "fx_levels_accum");
    auto* s = state_arg<LevelSeries>(fcinfo);
    if (PG_ARGISNULL(1) || PG_ARGISNULL(2)) return unchanged_state(fcinfo);
    check_report_not_null(fcinfo, 3);
    const Holding* row = arg_holding(fcinfo, 1);
    DateADT day = PG_GETARG_DATEADT(2);
    if (s == nullptr)
        s = new_dated_series<DatedLevel>(context, row->currency, report_of(fcinfo), kInitialCapacity);
    else
        check_group(s, row->currency, same_report(fcinfo, s->report));
    // A date the state has (rows of one date usually arrive together): add in place.
    DatedLevel* item = find_dated(s, day);
    if (item != nullptr) {
        holdings::Raw128& level = item->level;
        holdings::int128 raw = row->raw();
        run_core([&] { level.set(holdings::checked_add(level.get(), raw)); });
        PG_RETURN_POINTER(s);
    }
    DatedLevel level{};
    level.level.set(row->raw());
    level.date = day;
    append_dated(s, level);
    PG_RETURN_POINTER(s);
}

}  // namespace

// Transition for net_foreign_selling(h, d, currency_code) and fx_decompose(h, d, currency_code).
extern "C" Datum holdings_fx_levels_accum_code(PG_FUNCTION_ARGS) {
    return levels_accum(
        fcinfo, [](FunctionCallInfo f) { return code_arg(f, 3); },
        [](FunctionCallInfo f, CurrencyCode report) { return code_arg(f, 3) == report; });
}

// The same with a text report currency: the steps of 0.1.0 and 0.2.0, whose
// scripts bind it (a database not yet updated keeps working with this library).
extern "C" Datum holdings_fx_levels_accum(PG_FUNCTION_ARGS) {
    return levels_accum(
        fcinfo, [](FunctionCallInfo fcinfo) { return currency_argument(PG_GETARG_TEXT_PP(3)); },
        [](FunctionCallInfo fcinfo, CurrencyCode report) { return same_code(PG_GETARG_TEXT_PP(3), report); });
}

// Serialized by the core codec (state_codec): currency, report currency,
// count (4 bytes each), then per date: the date (4 bytes) and the level as
// high and low 8-byte halves. The header is checked (currencies, count >= 1,
// exact length) before the count sizes an allocation; then every item
// (ascending dates, levels).
HOLDINGS_DATED_STATE_FUNCTIONS(fx_levels, DatedLevel);

namespace {

holdings::Decomposition decompose_levels(LevelSeries* s) {
    return decompose_state<holdings::Decomposition>(
        s, [](const DatedLevel* items, std::size_t count, CurrencyCode from, CurrencyCode to,
              const holdings::RateTable& rates) { return holdings::decompose(items, count, from, to, rates); });
}

}  // namespace

Datum holdings_pg::fx_decomposition_datum(FunctionCallInfo fcinfo, const holdings::Decomposition& d,
                                          CurrencyCode report) {
    TupleDesc desc;
    if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
        elog(ERROR, "fx_decompose must return a composite type");
    desc = BlessTupleDesc(desc);
    holdings::int128 parts[5] = {d.start_value, d.end_value, d.total_change, d.flow_effect, d.fx_effect};
    Datum values[5];
    bool nulls[5] = {false, false, false, false, false};
    for (int i = 0; i < 5; ++i) values[i] = holding_datum(holdings::make_holding(parts[i], report));
    return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

// net_foreign_selling(h, d, ccy): minus the flow effect.
extern "C" Datum holdings_fx_net_selling_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    auto* s = reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    holdings::Decomposition d = decompose_levels(s);
    return holding_from_core(
        [&] { return holdings::make_holding(holdings::checked_sub(0, d.flow_effect), s->report); });
}

// fx_decompose(h, d, ccy): (start_value, end_value, total_change, flow_effect, fx_effect).
extern "C" Datum holdings_fx_decompose_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    auto* s = reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    return fx_decomposition_datum(fcinfo, decompose_levels(s), s->report);
}
