// flow_decompose: a change in holdings split into flows, valuation and FX.
// The state is the dated-series machinery of the FX aggregates with one
// DatedFlow per distinct date; transition, combine and (de)serialisation depend
// on their input only (IMMUTABLE), and only the final step reads rates.
#include "glue.hpp"

#include <cstring>

#include "dated_series.hpp"
#include "flow_decompose.hpp"
#include "fx_cache.hpp"
#include "state_codec.hpp"

using holdings::CurrencyCode;
using holdings::DatedFlow;
using holdings::Holding;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_flow_decompose_accum);
PG_FUNCTION_INFO_V1(holdings_flow_decompose_accum_reported);
PG_FUNCTION_INFO_V1(holdings_flow_decompose_final);
PG_FUNCTION_INFO_V1(holdings_flow_decompose_reported_final);
PG_FUNCTION_INFO_V1(holdings_flow_decompose_accum_instrument);
PG_FUNCTION_INFO_V1(holdings_flow_decompose_instrument_final);
}

namespace {

using FlowSeries = DatedSeries<DatedFlow>;

[[noreturn]] void raise_mismatch(CurrencyCode a, CurrencyCode b) {
    run_core([&] { holdings::fail_currency_mismatch(a, b); });
    pg_unreachable();
}

// The currency of the first of the row's holdings that is not NULL.
inline CurrencyCode row_currency(const Holding* level, const Holding* flows, const Holding* valuation) {
    return level != nullptr ? level->currency : flows != nullptr ? flows->currency : valuation->currency;
}

// Raises 22U01 unless every holding of the row is in `currency`.
inline void check_row_currency(CurrencyCode currency, const Holding* level, const Holding* flows,
                               const Holding* valuation) {
    const Holding* values[3] = {level, flows, valuation};
    for (const Holding* h : values)
        if (h != nullptr && h->currency != currency) raise_mismatch(currency, h->currency);
}

// The maturity flag of a row's net purchases: the instrument form's sixth
// argument, UST-BILLS or UST-NOTES-BONDS (anything else: no maturity).
uint32 maturity_flag(FunctionCallInfo fcinfo, bool with_instrument) {
    if (!with_instrument || PG_ARGISNULL(6)) return 0;
    text* t = PG_GETARG_TEXT_PP(6);
    std::size_t n = VARSIZE_ANY_EXHDR(t);
    const char* p = VARDATA_ANY(t);
    if (n == 9 && memcmp(p, "UST-BILLS", 9) == 0) return holdings::kHasBillsFlows;
    if (n == 15 && memcmp(p, "UST-NOTES-BONDS", 15) == 0) return holdings::kHasLongTermFlows;
    return 0;
}

// Arguments: state, level, as_of, net_purchases, report_ccy[, reported_valuation[, instrument]].
Datum flow_accum(FunctionCallInfo fcinfo, bool with_valuation, bool with_instrument = false) {
    MemoryContext context = aggregate_context(fcinfo, "flow_decompose_accum");
    auto* s = state_arg<FlowSeries>(fcinfo);
    const Holding* level = PG_ARGISNULL(1) ? nullptr : arg_holding(fcinfo, 1);
    const Holding* flows = PG_ARGISNULL(3) ? nullptr : arg_holding(fcinfo, 3);
    const Holding* valuation = with_valuation && !PG_ARGISNULL(5) ? arg_holding(fcinfo, 5) : nullptr;
    // A row without a date, or with nothing reported, says nothing.
    if (PG_ARGISNULL(2) || (level == nullptr && flows == nullptr && valuation == nullptr))
        return unchanged_state(fcinfo);
    check_report_not_null(fcinfo, 4);
    DateADT day = PG_GETARG_DATEADT(2);
    if (s == nullptr) {
        CurrencyCode report = currency_argument(PG_GETARG_TEXT_PP(4));
        s = new_dated_series<DatedFlow>(context, row_currency(level, flows, valuation), report, kInitialCapacity);
    } else {
        check_same_report(same_code(PG_GETARG_TEXT_PP(4), s->report));
    }
    check_row_currency(s->currency, level, flows, valuation);
    const uint32 maturity = flows != nullptr ? maturity_flag(fcinfo, with_instrument) : 0;
    DatedFlow* item = find_dated(s, day);
    if (item != nullptr) {
        // A date the state has: add the row to it in place.
        run_core([&] {
            if (level != nullptr) item->level.set(holdings::checked_add(item->level.get(), level->raw()));
            if (flows != nullptr)
                item->net_purchases.set(holdings::checked_add(item->net_purchases.get(), flows->raw()));
            if (valuation != nullptr)
                item->reported_valuation.set(holdings::checked_add(item->reported_valuation.get(), valuation->raw()));
        });
        item->flags |= (level != nullptr ? holdings::kHasLevel : 0) |
                       (flows != nullptr ? holdings::kHasNetPurchases : 0) |
                       (valuation != nullptr ? holdings::kHasReportedValuation : 0) | maturity;
        PG_RETURN_POINTER(s);
    }
    DatedFlow row{};
    row.date = day;
    if (level != nullptr) {
        row.level.set(level->raw());
        row.flags |= holdings::kHasLevel;
    }
    if (flows != nullptr) {
        row.net_purchases.set(flows->raw());
        row.flags |= holdings::kHasNetPurchases | maturity;
    }
    if (valuation != nullptr) {
        row.reported_valuation.set(valuation->raw());
        row.flags |= holdings::kHasReportedValuation;
    }
    append_dated(s, row);
    PG_RETURN_POINTER(s);
}

// Compacts the state and decomposes it in the report currency.
// Only the rates between the positions' and the report currency are read
// (rates_for: none when they are the same).
holdings::FlowDecomposition decompose_flow_state(FlowSeries* s) {
    return decompose_state<holdings::FlowDecomposition>(
        s, [](const DatedFlow* items, std::size_t count, CurrencyCode from, CurrencyCode to,
              const holdings::RateTable& rates) { return holdings::decompose_flows(items, count, from, to, rates); });
}

// The flow_decomposition row. From the four-argument form, the reported
// valuation, the residual and their period count are NULL; from the four- and
// five-argument forms the bills and long-term counts are NULL (the rows do not
// say which maturity a flow is); the reported valuation and the residual are
// NULL when no period reports a valuation.
enum class Form { plain, reported, instrument };

Datum decomposition_datum(FunctionCallInfo fcinfo, Form form) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    auto* s = reinterpret_cast<FlowSeries*>(PG_GETARG_POINTER(0));
    holdings::FlowDecomposition d = decompose_flow_state(s);
    if (!d.defined) PG_RETURN_NULL();
    TupleDesc desc;
    if (get_call_result_type(fcinfo, nullptr, &desc) != TYPEFUNC_COMPOSITE || desc->natts != 13)
        elog(ERROR, "flow_decompose must return holdings.flow_decomposition");
    desc = BlessTupleDesc(desc);
    holdings::int128 amounts[8] = {d.start_value,      d.end_value, d.total_change,       d.flow_effect,
                                   d.valuation_effect, d.fx_effect, d.reported_valuation, d.valuation_residual};
    Datum values[13];
    bool nulls[13] = {};
    for (int i = 0; i < 8; ++i) values[i] = holding_datum(holdings::make_holding(amounts[i], s->report));
    values[8] = Int32GetDatum(static_cast<int32>(d.periods));
    values[9] = Int32GetDatum(static_cast<int32>(d.periods_without_net_purchases));
    values[10] = Int32GetDatum(static_cast<int32>(d.periods_with_reported_valuation));
    values[11] = Int32GetDatum(static_cast<int32>(d.periods_without_bills_flows));
    values[12] = Int32GetDatum(static_cast<int32>(d.periods_without_long_term_flows));
    if (form == Form::plain) nulls[10] = true;
    if (form != Form::instrument) nulls[11] = nulls[12] = true;
    // No period reported a valuation: reported and residual are unknown, not zero.
    if (form == Form::plain || d.periods_with_reported_valuation == 0) nulls[6] = nulls[7] = true;
    return HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
}

}  // namespace

// Transition of flow_decompose(level, as_of, net_purchases, report_ccy).
extern "C" Datum holdings_flow_decompose_accum(PG_FUNCTION_ARGS) { return flow_accum(fcinfo, false); }

// Transition of flow_decompose(level, as_of, net_purchases, report_ccy, reported_valuation).
extern "C" Datum holdings_flow_decompose_accum_reported(PG_FUNCTION_ARGS) { return flow_accum(fcinfo, true); }

// Transition of flow_decompose(level, as_of, net_purchases, report_ccy, reported_valuation, instrument).
extern "C" Datum holdings_flow_decompose_accum_instrument(PG_FUNCTION_ARGS) { return flow_accum(fcinfo, true, true); }

// Serialized by the core codec (state_codec: encode_fixed / decode_dated_items):
// currency, report currency, item count (4 bytes each), then per date in
// ascending order: the date, the flags (1 level, 2 net purchases, 4 reported
// valuation, 8 long-term flows, 16 bills flows) and the level, net purchases
// and reported valuation, each as high and low 8-byte halves. The core decodes
// and checks every field: the length, both currencies, and each item (known
// flags, zero where not reported, amounts in range, dates strictly ascending);
// the header is checked before its count sizes anything.
HOLDINGS_DATED_STATE_FUNCTIONS(flow_decompose, DatedFlow);

// flow_decompose(level, as_of, net_purchases, report_ccy) → flow_decomposition.
extern "C" Datum holdings_flow_decompose_final(PG_FUNCTION_ARGS) { return decomposition_datum(fcinfo, Form::plain); }

// ... with reported_valuation: also splits valuation into reported and residual.
extern "C" Datum holdings_flow_decompose_reported_final(PG_FUNCTION_ARGS) {
    return decomposition_datum(fcinfo, Form::reported);
}

// ... with the instrument of each flow: also counts periods without bills or long-term flows.
extern "C" Datum holdings_flow_decompose_instrument_final(PG_FUNCTION_ARGS) {
    return decomposition_datum(fcinfo, Form::instrument);
}
