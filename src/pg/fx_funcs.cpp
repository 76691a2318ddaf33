// FX valuation functions and the FX-adjusted aggregates.
#include "glue.hpp"

#include <cstring>

#include "aggregates.hpp"
#include "dated_series.hpp"
#include "fx_cache.hpp"
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
PG_FUNCTION_INFO_V1(holdings_fx_levels_combine);
PG_FUNCTION_INFO_V1(holdings_fx_levels_serialize);
PG_FUNCTION_INFO_V1(holdings_fx_levels_deserialize);
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
    Holding r;
    run_core([&] { r = holdings::convert(*h, to, day, table); });
    return holding_datum(r);
}

// ---- net_foreign_selling(holding, date): constant-size state --------------

extern "C" Datum holdings_net_selling_accum(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "net_selling_accum");
    auto* span = PG_ARGISNULL(0) ? nullptr : reinterpret_cast<LevelSpan*>(PG_GETARG_POINTER(0));
    if (PG_ARGISNULL(1) || PG_ARGISNULL(2)) {
        if (span == nullptr) PG_RETURN_NULL();
        PG_RETURN_POINTER(span);
    }
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

// Serialized: currency, first date, last date (4 bytes each), then the first
// and last levels as high and low 8-byte halves.
extern "C" Datum holdings_net_selling_serialize(PG_FUNCTION_ARGS) {
    aggregate_context(fcinfo, "net_selling_serialize");
    const auto* span = reinterpret_cast<const LevelSpan*>(PG_GETARG_POINTER(0));
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendint32(&buf, span->currency);
    pq_sendint32(&buf, static_cast<uint32>(span->first_date));
    pq_sendint32(&buf, static_cast<uint32>(span->last_date));
    send_raw128(&buf, span->first_level);
    send_raw128(&buf, span->last_level);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

extern "C" Datum holdings_net_selling_deserialize(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "net_selling_deserialize");
    bytea* bytes = PG_GETARG_BYTEA_PP(0);
    const auto* data = reinterpret_cast<const unsigned char*>(VARDATA_ANY(bytes));
    std::size_t len = VARSIZE_ANY_EXHDR(bytes);
    auto* span = static_cast<LevelSpan*>(MemoryContextAllocZero(context, sizeof(LevelSpan)));
    // Validated in the core (currency, dates, levels, length): 22P03 otherwise.
    run_core([&] { *span = holdings::decode_level_span(data, len); });
    PG_RETURN_POINTER(span);
}

extern "C" Datum holdings_net_selling_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    const auto* span = reinterpret_cast<const LevelSpan*>(PG_GETARG_POINTER(0));
    Holding r;
    run_core([&] { r = holdings::level_span_net_selling(*span); });
    return holding_datum(r);
}

// ---- FX-adjusted aggregates: one level per distinct date --------------------

namespace {

using LevelSeries = DatedSeries<DatedLevel>;

LevelSeries* new_series(MemoryContext context, CurrencyCode currency, CurrencyCode report,
                        uint32 capacity) {
    return new_dated_series<DatedLevel>(context, currency, report, capacity);
}

// Every row and partial state of a group shares the holding's currency (22U01)
// and the report currency.
void check_group(const LevelSeries* s, CurrencyCode currency, bool same_report) {
    if (currency != s->currency) {
        CurrencyCode a = s->currency, b = currency;
        run_core([&] { holdings::fail_currency_mismatch(a, b); });
    }
    if (!same_report)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("report currency must be the same for every row of a group")));
}

}  // namespace

// Transition for net_foreign_selling(h, d, ccy) and fx_decompose(h, d, ccy).
extern "C" Datum holdings_fx_levels_accum(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "fx_levels_accum");
    auto* s = PG_ARGISNULL(0) ? nullptr : reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    if (PG_ARGISNULL(1) || PG_ARGISNULL(2)) {
        if (s == nullptr) PG_RETURN_NULL();
        PG_RETURN_POINTER(s);
    }
    if (PG_ARGISNULL(3))
        ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                        errmsg("report currency must not be null")));
    const Holding* row = arg_holding(fcinfo, 1);
    DateADT day = PG_GETARG_DATEADT(2);
    if (s == nullptr) {
        CurrencyCode report = currency_argument(PG_GETARG_TEXT_PP(3));
        s = new_series(context, row->currency, report, kInitialCapacity);
    } else {
        check_group(s, row->currency, same_code(PG_GETARG_TEXT_PP(3), s->report));
        // Rows of one date usually arrive together: add to the last level in place.
        if (s->count > 0 && s->items[s->count - 1].date == day) {
            holdings::Raw128& level = s->items[s->count - 1].level;
            holdings::int128 raw = row->raw();
            run_core([&] { level.set(holdings::checked_add(level.get(), raw)); });
            PG_RETURN_POINTER(s);
        }
    }
    reserve(s, 1);
    DatedLevel& item = s->items[s->count++];
    item.level.set(row->raw());
    item.date = day;
    item.reserved = 0;
    PG_RETURN_POINTER(s);
}

extern "C" Datum holdings_fx_levels_combine(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "fx_levels_combine");
    auto* into = PG_ARGISNULL(0) ? nullptr : reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    auto* other = PG_ARGISNULL(1) ? nullptr : reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(1));
    if (other == nullptr) {
        if (into == nullptr) PG_RETURN_NULL();
        PG_RETURN_POINTER(into);
    }
    if (into == nullptr) into = new_series(context, other->currency, other->report, other->count);
    check_group(into, other->currency, into->report == other->report);
    reserve(into, other->count);
    memcpy(into->items + into->count, other->items, sizeof(DatedLevel) * other->count);
    into->count += other->count;
    compact(into);
    PG_RETURN_POINTER(into);
}

// Serialized: currency, report currency, count (4 bytes each), then per date:
// the date (4 bytes) and the level as high and low 8-byte halves.
extern "C" Datum holdings_fx_levels_serialize(PG_FUNCTION_ARGS) {
    aggregate_context(fcinfo, "fx_levels_serialize");
    auto* s = reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    compact(s);
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendint32(&buf, s->currency);
    pq_sendint32(&buf, s->report);
    pq_sendint32(&buf, s->count);
    for (uint32 i = 0; i < s->count; ++i) {
        pq_sendint32(&buf, static_cast<uint32>(s->items[i].date));
        send_raw128(&buf, s->items[i].level);
    }
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

extern "C" Datum holdings_fx_levels_deserialize(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "fx_levels_deserialize");
    bytea* bytes = PG_GETARG_BYTEA_PP(0);
    const auto* data = reinterpret_cast<const unsigned char*>(VARDATA_ANY(bytes));
    std::size_t len = VARSIZE_ANY_EXHDR(bytes);
    // The header is checked (currencies, count >= 1, exact length) before the
    // count sizes an allocation; then every item (ascending dates, levels).
    holdings::LevelsHeader header{};
    run_core([&] { header = holdings::decode_levels_header(data, len); });
    LevelSeries* s = new_series(context, header.currency, header.report, header.count);
    DatedLevel* items = s->items;
    run_core([&] { holdings::decode_levels(data, len, header, items); });
    s->count = header.count;
    PG_RETURN_POINTER(s);
}

namespace {

// Compacts the state and values it in the report currency.
holdings::Decomposition decompose_state(LevelSeries* s) {
    compact(s);
    const holdings::RateTable& rates = rates_for(s->currency, s->report);
    holdings::Decomposition d{};
    run_core([&] { d = holdings::decompose(s->items, s->count, s->currency, s->report, rates); });
    return d;
}

}  // namespace

// net_foreign_selling(h, d, ccy): minus the flow effect.
extern "C" Datum holdings_fx_net_selling_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    auto* s = reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    holdings::Decomposition d = decompose_state(s);
    return holding_datum(holdings::make_holding(-d.flow_effect, s->report));
}

// fx_decompose(h, d, ccy): (start_value, end_value, total_change, flow_effect, fx_effect).
extern "C" Datum holdings_fx_decompose_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    auto* s = reinterpret_cast<LevelSeries*>(PG_GETARG_POINTER(0));
    holdings::Decomposition d = decompose_state(s);
    TupleDesc desc;
    if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE)
        elog(ERROR, "fx_decompose must return a composite type");
    desc = BlessTupleDesc(desc);
    holdings::int128 parts[5] = {d.start_value, d.end_value, d.total_change, d.flow_effect, d.fx_effect};
    Datum values[5];
    bool nulls[5] = {false, false, false, false, false};
    for (int i = 0; i < 5; ++i) values[i] = holding_datum(holdings::make_holding(parts[i], s->report));
    HeapTuple tuple = heap_form_tuple(desc, values, nulls);
    return HeapTupleGetDatum(tuple);
}
