// The in-memory rate set: loaded from holdings.fx_rate once, reused across rows,
// calls and queries, and dropped when fx_rate changes (relcache invalidation,
// raised by a statement trigger on the table) or holdings.rate_set changes.
#pragma once

#include "glue.hpp"

#include "fx.hpp"

namespace holdings_pg {

// The rate set named by holdings.rate_set, loading it (SPI) when needed.
// Call outside run_core: loading can raise an ERROR.
const holdings::RateTable& current_rate_table();

// Called from _PG_init.
void register_rate_cache();

}  // namespace holdings_pg
