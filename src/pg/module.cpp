// Library load: settings and caches.
#include "glue.hpp"

#include "fx_cache.hpp"

extern "C" {
void _PG_init(void);
}

extern "C" void _PG_init(void) { holdings_pg::register_rate_cache(); }
