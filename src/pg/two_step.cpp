// Two-step FX aggregates: levels_by_date(h, d) returns a transferable state
// (type dated_levels) that a shard computes and sends; rollup() combines states;
// net_foreign_selling(state[, ccy]) and fx_decompose(state, ccy) finish on the
// server that runs them, with its own rates. The aggregation itself is the one
// of net_foreign_selling(h, d, ccy): the steps below call its C functions.
#include "glue.hpp"

#include <cstdlib>
#include <cstring>

#include "dated_levels.hpp"
#include "fx_cache.hpp"
#include "fx_funcs.hpp"

using holdings::CurrencyCode;
using holdings::DatedLevel;
using holdings::Holding;
using holdings::LevelsView;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_dated_levels_in);
PG_FUNCTION_INFO_V1(holdings_dated_levels_out);
PG_FUNCTION_INFO_V1(holdings_dated_levels_recv);
PG_FUNCTION_INFO_V1(holdings_dated_levels_send);
PG_FUNCTION_INFO_V1(holdings_levels_by_date_accum);
PG_FUNCTION_INFO_V1(holdings_levels_rollup_accum);
PG_FUNCTION_INFO_V1(holdings_levels_by_date_final);
PG_FUNCTION_INFO_V1(holdings_net_foreign_selling_levels);
PG_FUNCTION_INFO_V1(holdings_net_foreign_selling_levels_fx);
PG_FUNCTION_INFO_V1(holdings_fx_decompose_levels);
}

namespace {

// The FX aggregates' state carries a report currency; the two-step state has
// none, so its steps pass XXX ("no currency involved").
constexpr CurrencyCode kNoReport = holdings::pack_code('X', 'X', 'X');

// Calls one of the FX aggregates' C functions with this call's aggregate
// context, so that it allocates and checks exactly as inside its own aggregate.
Datum call_step(PGFunction step, FunctionCallInfo outer, int nargs, const Datum* values,
                const bool* nulls, bool* isnull) {
    LOCAL_FCINFO(call, 4);
    InitFunctionCallInfoData(*call, outer->flinfo, nargs, InvalidOid, outer->context, nullptr);
    for (int i = 0; i < nargs; ++i) {
        call->args[i].value = values[i];
        call->args[i].isnull = nulls[i];
    }
    Datum result = step(call);
    *isnull = call->isnull;
    return result;
}

// A dated_levels argument, detoasted (aligned, 4-byte header) and validated.
LevelsView levels_argument(FunctionCallInfo fcinfo, int n) {
    bytea* value = reinterpret_cast<bytea*>(PG_DETOAST_DATUM(PG_GETARG_DATUM(n)));
    const auto* data = reinterpret_cast<const unsigned char*>(VARDATA(value));
    std::size_t len = VARSIZE(value) - VARHDRSZ;
    LevelsView view{};
    run_core([&] { view = holdings::read_levels(data, len); });
    return view;
}

bytea* new_levels_value(std::size_t payload_length) {
    auto* value = static_cast<bytea*>(palloc(VARHDRSZ + payload_length));
    SET_VARSIZE(value, VARHDRSZ + payload_length);
    return value;
}

// The levels of a view as an aligned array, for the core's decompose().
DatedLevel* levels_array(const LevelsView& view) {
    auto* items = static_cast<DatedLevel*>(palloc(sizeof(DatedLevel) * view.count));
    for (uint32 i = 0; i < view.count; ++i) items[i] = holdings::level_at(view, i);
    return items;
}

// The FX aggregates' serialized state (fx_levels_serialize: currency, report,
// count, then the same 20-byte items) to a dated_levels value and back.
bytea* levels_from_fx_state(bytea* fx_state) {
    StringInfoData buf;
    message_of(fx_state, &buf);
    CurrencyCode currency = pq_getmsgint(&buf, 4);
    pq_getmsgint(&buf, 4);  // the report currency: not part of the two-step state
    uint32 count = pq_getmsgint(&buf, 4);
    std::size_t items_length = static_cast<std::size_t>(buf.len - buf.cursor);
    if (count == 0 || items_length != holdings::kLevelsItemLength * count)
        elog(ERROR, "unexpected FX aggregate state layout");
    bytea* value = new_levels_value(holdings::levels_payload_length(count));
    auto* payload = reinterpret_cast<unsigned char*>(VARDATA(value));
    holdings::write_levels_header(payload, currency, count);
    memcpy(payload + holdings::kLevelsHeaderLength, buf.data + buf.cursor, items_length);
    return value;
}

bytea* fx_state_from_levels(const LevelsView& view) {
    std::size_t items_length = holdings::kLevelsItemLength * view.count;
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendint32(&buf, view.currency);
    pq_sendint32(&buf, kNoReport);
    pq_sendint32(&buf, view.count);
    pq_sendbytes(&buf, reinterpret_cast<const char*>(view.items), static_cast<int>(items_length));
    return pq_endtypsend(&buf);
}

}  // namespace

// ---- type dated_levels -------------------------------------------------------

extern "C" Datum holdings_dated_levels_in(PG_FUNCTION_ARGS) {
    const char* str = PG_GETARG_CSTRING(0);
    std::size_t len = strlen(str);
    unsigned char* parsed = nullptr;
    std::size_t payload_length = 0;
    run_core([&] { parsed = holdings::parse_levels(str, len, &payload_length); });
    bytea* value = new_levels_value(payload_length);
    memcpy(VARDATA(value), parsed, payload_length);
    std::free(parsed);
    PG_RETURN_BYTEA_P(value);
}

extern "C" Datum holdings_dated_levels_out(PG_FUNCTION_ARGS) {
    LevelsView view = levels_argument(fcinfo, 0);
    std::size_t len = holdings::levels_text_length(view);
    char* out = static_cast<char*>(palloc(len + 1));
    holdings::format_levels(view, out);
    PG_RETURN_CSTRING(out);
}

// Binary form: the payload itself (documented in src/core/dated_levels.hpp).
extern "C" Datum holdings_dated_levels_recv(PG_FUNCTION_ARGS) {
    StringInfo buf = reinterpret_cast<StringInfo>(PG_GETARG_POINTER(0));
    std::size_t len = static_cast<std::size_t>(buf->len - buf->cursor);
    const auto* data = reinterpret_cast<const unsigned char*>(pq_getmsgbytes(buf, static_cast<int>(len)));
    run_core([&] { holdings::read_levels(data, len); });
    bytea* value = new_levels_value(len);
    memcpy(VARDATA(value), data, len);
    PG_RETURN_BYTEA_P(value);
}

extern "C" Datum holdings_dated_levels_send(PG_FUNCTION_ARGS) {
    LevelsView view = levels_argument(fcinfo, 0);
    StringInfoData buf;
    pq_begintypsend(&buf);
    pq_sendbytes(&buf, reinterpret_cast<const char*>(view.items) - holdings::kLevelsHeaderLength,
                 static_cast<int>(holdings::levels_payload_length(view.count)));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

// ---- the aggregates levels_by_date(h, d) and rollup(dated_levels) ------------

// levels_by_date(h, d) transition: the FX aggregates' step, without a report currency.
extern "C" Datum holdings_levels_by_date_accum(PG_FUNCTION_ARGS) {
    aggregate_context(fcinfo, "levels_by_date_accum");
    Datum values[4] = {PG_GETARG_DATUM(0), PG_GETARG_DATUM(1), PG_GETARG_DATUM(2),
                       Int32GetDatum(static_cast<int32>(kNoReport))};
    bool nulls[4] = {PG_ARGISNULL(0), PG_ARGISNULL(1), PG_ARGISNULL(2), false};
    bool isnull = false;
    Datum state = call_step(holdings_fx_levels_accum_code, fcinfo, 4, values, nulls, &isnull);
    if (isnull) PG_RETURN_NULL();
    return state;
}

// rollup(dated_levels) transition: adds a state's levels to the running state.
extern "C" Datum holdings_levels_rollup_accum(PG_FUNCTION_ARGS) {
    aggregate_context(fcinfo, "levels_rollup_accum");
    if (PG_ARGISNULL(1)) {
        if (PG_ARGISNULL(0)) PG_RETURN_NULL();
        PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    }
    LevelsView view = levels_argument(fcinfo, 1);
    bytea* fx_state = fx_state_from_levels(view);
    Datum args[2] = {PointerGetDatum(fx_state), PointerGetDatum(nullptr)};
    bool arg_nulls[2] = {false, false};
    bool isnull = false;
    Datum other = call_step(holdings_fx_levels_deserialize, fcinfo, 2, args, arg_nulls, &isnull);
    pfree(fx_state);
    Datum pair[2] = {PG_ARGISNULL(0) ? PointerGetDatum(nullptr) : PG_GETARG_DATUM(0), other};
    bool pair_nulls[2] = {PG_ARGISNULL(0), false};
    Datum state = call_step(holdings_fx_levels_combine, fcinfo, 2, pair, pair_nulls, &isnull);
    if (isnull) PG_RETURN_NULL();
    return state;
}

// Final step of both: the state as a dated_levels value (compacted, dates ascending).
extern "C" Datum holdings_levels_by_date_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    Datum args[1] = {PG_GETARG_DATUM(0)};
    bool nulls[1] = {false};
    bool isnull = false;
    Datum fx_state = call_step(holdings_fx_levels_serialize, fcinfo, 1, args, nulls, &isnull);
    PG_RETURN_BYTEA_P(levels_from_fx_state(DatumGetByteaPP(fx_state)));
}

// ---- finishing a state --------------------------------------------------------

// net_foreign_selling(state): level on the earliest date minus the latest.
extern "C" Datum holdings_net_foreign_selling_levels(PG_FUNCTION_ARGS) {
    LevelsView view = levels_argument(fcinfo, 0);
    return holding_from_core([&] { return holdings::levels_net_selling(view); });
}

namespace {

// The decomposition of a state in the report currency, at this server's rates.
holdings::Decomposition decompose_levels(FunctionCallInfo fcinfo, CurrencyCode* report) {
    LevelsView view = levels_argument(fcinfo, 0);
    *report = currency_argument(PG_GETARG_TEXT_PP(1));
    DatedLevel* items = levels_array(view);
    const holdings::RateTable& rates = rates_for(view.currency, *report);
    CurrencyCode from = view.currency, to = *report;
    holdings::Decomposition d{};
    run_core([&] { d = holdings::decompose(items, view.count, from, to, rates); });
    pfree(items);
    return d;
}

}  // namespace

// net_foreign_selling(state, ccy): minus the flow effect, at this server's rates.
extern "C" Datum holdings_net_foreign_selling_levels_fx(PG_FUNCTION_ARGS) {
    CurrencyCode report = 0;
    holdings::Decomposition d = decompose_levels(fcinfo, &report);
    return holding_from_core(
        [&] { return holdings::make_holding(holdings::checked_sub(0, d.flow_effect), report); });
}

// fx_decompose(state, ccy): (start_value, end_value, total_change, flow_effect, fx_effect).
extern "C" Datum holdings_fx_decompose_levels(PG_FUNCTION_ARGS) {
    CurrencyCode report = 0;
    holdings::Decomposition d = decompose_levels(fcinfo, &report);
    return fx_decomposition_datum(fcinfo, d, report);
}
