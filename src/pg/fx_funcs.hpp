// What fx_funcs.cpp shares with the two-step aggregates (two_step.cpp): the
// steps of the FX-adjusted aggregates and the fx_decomposition row.
#pragma once

#include "glue.hpp"

extern "C" {
// The steps of net_foreign_selling(h, d, ccy) and fx_decompose(h, d, ccy).
Datum holdings_fx_levels_accum_code(PG_FUNCTION_ARGS);
Datum holdings_fx_levels_combine(PG_FUNCTION_ARGS);
Datum holdings_fx_levels_serialize(PG_FUNCTION_ARGS);
Datum holdings_fx_levels_deserialize(PG_FUNCTION_ARGS);
}

namespace holdings_pg {

// The fx_decomposition row (start_value, end_value, total_change, flow_effect,
// fx_effect) of a decomposition, in `report`.
Datum fx_decomposition_datum(FunctionCallInfo fcinfo, const holdings::Decomposition& d,
                             holdings::CurrencyCode report);

}  // namespace holdings_pg
