// The in-memory rate sets (fx_cache.cpp, docs/development.md "The rate
// cache"): read from holdings.fx_rate under the statement's snapshot, one
// currency at a time as calls ask for them, and reused across rows, calls and
// queries while the snapshot sees the same version of fx_rate.
#pragma once

#include "glue.hpp"

#include "fx.hpp"

namespace holdings_pg {

// The rate set named by holdings.rate_set with the rates of `a` and `b` loaded
// (SPI, when not loaded yet). Call outside run_core: loading can raise an ERROR.
// The reference is valid until the next call.
const holdings::RateTable& current_rate_table(holdings::CurrencyCode a, holdings::CurrencyCode b);

// The rates a valuation from `from` in `to` needs: an empty table when they are
// the same currency (nothing is read), else current_rate_table(from, to).
const holdings::RateTable& rates_for(holdings::CurrencyCode from, holdings::CurrencyCode to);

// The whole rate set, every currency loaded (one query). For callers that do
// not know their currencies in advance; prefer the forms above.
const holdings::RateTable& current_rate_table();

// Called from _PG_init.
void register_rate_cache();

}  // namespace holdings_pg
