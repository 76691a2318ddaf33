// sum_in(h, to_ccy, on_date): the sum of holdings of any currencies, each row
// converted to to_ccy at the rates of its on_date (a constant, or the row's own
// date), rounded half to even once per row, then added exactly. Parallel: the
// state is a fixed-size sum in the target currency.
#include "glue.hpp"

#include "aggregates.hpp"
#include "dated_series.hpp"
#include "fx_cache.hpp"

using holdings::CurrencyCode;
using holdings::Holding;
using namespace holdings_pg;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_sum_in_accum);
PG_FUNCTION_INFO_V1(holdings_sum_in_combine);
PG_FUNCTION_INFO_V1(holdings_sum_in_serialize);
PG_FUNCTION_INFO_V1(holdings_sum_in_deserialize);
PG_FUNCTION_INFO_V1(holdings_sum_in_final);
}

namespace {

// The running sum, already in the target currency.
struct ConvertedSum {
    holdings::Raw128 sum;
    CurrencyCode target;
    std::uint32_t reserved;
};

constexpr char kTargetChanged[] = "sum_in: the target currency must be the same for every row of a group";

void check_target(bool same) { check_same_report(same, "sum_in: the target currency"); }

}  // namespace

// Transition: converts the row (same currency: as is) and adds it.
extern "C" Datum holdings_sum_in_accum(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "sum_in_accum");
    auto* state = state_arg<ConvertedSum>(fcinfo);
    // A NULL holding or date is skipped, like NULLs in sum().
    if (PG_ARGISNULL(1) || PG_ARGISNULL(3)) return unchanged_state(fcinfo);
    if (PG_ARGISNULL(2))
        ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                        errmsg("sum_in: the target currency must not be null")));
    const Holding* row = arg_holding(fcinfo, 1);
    DateADT day = PG_GETARG_DATEADT(3);
    if (state == nullptr) {
        CurrencyCode target = currency_argument(PG_GETARG_TEXT_PP(2));
        state = static_cast<ConvertedSum*>(MemoryContextAllocZero(context, sizeof(ConvertedSum)));
        state->target = target;
    } else {
        check_target(same_code(PG_GETARG_TEXT_PP(2), state->target));
    }
    // The rate set is loaded (SPI) outside run_core, and only when a row needs it.
    const holdings::RateTable* table =
        row->currency == state->target ? nullptr : &current_rate_table(row->currency, state->target);
    holdings::Raw128 next = state->sum;
    CurrencyCode target = state->target;
    run_core([&] {
        holdings::int128 raw =
            table == nullptr ? row->raw() : holdings::convert(*row, target, day, *table).raw();
        next.set(holdings::checked_add(next.get(), raw));
    });
    state->sum = next;  // only once the step succeeded
    PG_RETURN_POINTER(state);
}

extern "C" Datum holdings_sum_in_combine(PG_FUNCTION_ARGS) {
    return combine_fixed_states<ConvertedSum>(fcinfo, "sum_in_combine", [](ConvertedSum& into,
                                                                          const ConvertedSum& other) {
        if (into.target != other.target) holdings::fail(holdings::ErrorKind::invalid_argument, kTargetChanged);
        into.sum.set(holdings::checked_add(into.sum.get(), other.sum.get()));
    });
}

// Serialized: the target currency (4 bytes), then the sum as high and low 8-byte halves.
extern "C" Datum holdings_sum_in_serialize(PG_FUNCTION_ARGS) {
    const auto* state = state_arg<const ConvertedSum>(fcinfo);
    return serialized_state(fcinfo, "sum_in_serialize", [state](StringInfo buf) {
        pq_sendint32(buf, state->target);
        send_raw128(buf, state->sum);
    });
}

extern "C" Datum holdings_sum_in_deserialize(PG_FUNCTION_ARGS) {
    MemoryContext context = aggregate_context(fcinfo, "sum_in_deserialize");
    StringInfoData buf;
    message_of(PG_GETARG_BYTEA_PP(0), &buf);
    auto* state = static_cast<ConvertedSum*>(MemoryContextAllocZero(context, sizeof(ConvertedSum)));
    state->target = pq_getmsgint(&buf, 4);
    get_raw128(&buf, &state->sum);
    pq_getmsgend(&buf);
    PG_RETURN_POINTER(state);
}

extern "C" Datum holdings_sum_in_final(PG_FUNCTION_ARGS) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    const auto* state = reinterpret_cast<const ConvertedSum*>(PG_GETARG_POINTER(0));
    return holding_datum(holdings::make_holding(state->sum.get(), state->target));
}
