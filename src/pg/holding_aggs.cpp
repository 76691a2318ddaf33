// sum, avg, min and max over holding.
#include "glue.hpp"

#include "aggregates.hpp"
#include "state_codec.hpp"

using holdings::AverageState;
using holdings::Holding;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_holding_sum_accum);
PG_FUNCTION_INFO_V1(holdings_holding_sum_retract);
PG_FUNCTION_INFO_V1(holdings_holding_smaller);
PG_FUNCTION_INFO_V1(holdings_holding_larger);
PG_FUNCTION_INFO_V1(holdings_holding_avg_accum);
PG_FUNCTION_INFO_V1(holdings_holding_avg_combine);
PG_FUNCTION_INFO_V1(holdings_holding_avg_serialize);
PG_FUNCTION_INFO_V1(holdings_holding_avg_deserialize);
PG_FUNCTION_INFO_V1(holdings_holding_avg_final);
}

// The sum state is a holding. Inside an aggregate it lives in the aggregate's
// memory and is updated in place (no allocation per row); called directly, the
// function returns a new value and leaves its arguments alone.
static Datum sum_step(FunctionCallInfo fcinfo, bool retract) {
    auto* state = reinterpret_cast<Holding*>(PG_GETARG_POINTER(0));
    const Holding* row = arg_holding(fcinfo, 1);
    Holding next = *state;
    run_core([&] {
        if (retract) holdings::sum_retract(next, *row);
        else holdings::sum_accumulate(next, *row);
    });
    // In an aggregate the state is ours to update in place (only once the step
    // succeeded); called as a plain function, the result is a new value.
    if (!AggCheckCallContext(fcinfo, nullptr)) return holding_datum(next);
    *state = next;
    PG_RETURN_POINTER(state);
}

// sum(holding) transition and combine function: state + row.
extern "C" Datum holdings_holding_sum_accum(PG_FUNCTION_ARGS) { return sum_step(fcinfo, false); }

// Inverse transition for moving window frames: state - row.
extern "C" Datum holdings_holding_sum_retract(PG_FUNCTION_ARGS) { return sum_step(fcinfo, true); }

// min/max steps: like any comparison, but values of another currency are an
// error rather than being ordered by their code.
extern "C" Datum holdings_holding_smaller(PG_FUNCTION_ARGS) {
    const Holding* a = arg_holding(fcinfo, 0);
    const Holding* b = arg_holding(fcinfo, 1);
    run_core([&] { holdings::check_currency(a->currency, b->currency); });
    PG_RETURN_POINTER(holdings::compare(*a, *b) <= 0 ? a : b);
}

extern "C" Datum holdings_holding_larger(PG_FUNCTION_ARGS) {
    const Holding* a = arg_holding(fcinfo, 0);
    const Holding* b = arg_holding(fcinfo, 1);
    run_core([&] { holdings::check_currency(a->currency, b->currency); });
    PG_RETURN_POINTER(holdings::compare(*a, *b) >= 0 ? a : b);
}

// avg(holding) transition: the state (internal) is allocated on the first row.
extern "C" Datum holdings_holding_avg_accum(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "holding_avg_accum");
    auto* state = PG_ARGISNULL(0) ? nullptr : reinterpret_cast<AverageState*>(PG_GETARG_POINTER(0));
    if (PG_ARGISNULL(1)) {
        if (state == nullptr) PG_RETURN_NULL();
        PG_RETURN_POINTER(state);
    }
    const Holding* row = arg_holding(fcinfo, 1);
    if (state == nullptr) {
        state = static_cast<AverageState*>(MemoryContextAlloc(context, sizeof(AverageState)));
        holdings::average_start(*state, *row);
        PG_RETURN_POINTER(state);
    }
    run_core([&] { holdings::average_accumulate(*state, *row); });
    PG_RETURN_POINTER(state);
}

extern "C" Datum holdings_holding_avg_combine(PG_FUNCTION_ARGS) {
    return combine_fixed_states<AverageState>(fcinfo, "holding_avg_combine", holdings::average_combine);
}

// Serialized by the core codec (state_codec): currency (4 bytes), count (8),
// sum high (8), sum low (8).
extern "C" Datum holdings_holding_avg_serialize(PG_FUNCTION_ARGS) {
    const auto* state = reinterpret_cast<const AverageState*>(PG_GETARG_POINTER(0));
    return serialized_state(fcinfo, "holding_avg_serialize", [state](StringInfo buf) { send_state(buf, *state); });
}

extern "C" Datum holdings_holding_avg_deserialize(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "holding_avg_deserialize");
    bytea* bytes = PG_GETARG_BYTEA_PP(0);
    const auto* data = reinterpret_cast<const unsigned char*>(VARDATA_ANY(bytes));
    std::size_t len = VARSIZE_ANY_EXHDR(bytes);
    auto* state = static_cast<AverageState*>(MemoryContextAllocZero(context, sizeof(AverageState)));
    // Validated in the core (currency, count >= 1, length): 22P03 otherwise.
    run_core([&] { *state = holdings::decode_state<AverageState>(data, len); });
    PG_RETURN_POINTER(state);
}

extern "C" Datum holdings_holding_avg_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    const auto* state = reinterpret_cast<const AverageState*>(PG_GETARG_POINTER(0));
    return holding_from_core([&] { return holdings::average_result(*state); });
}
