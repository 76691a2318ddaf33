// Included last by every core source file: the core must build without
// PostgreSQL, so a PostgreSQL header reaching it is a compile-time error.
#pragma once

#if defined(PG_VERSION_NUM) || defined(POSTGRES_H) || defined(FMGR_H)
#error "src/core must not include PostgreSQL headers; only src/pg may"
#endif
