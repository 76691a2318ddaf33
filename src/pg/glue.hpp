// The boundary between PostgreSQL and the C++ core. Every src/pg file includes
// this first. It brings in the PostgreSQL headers inside extern "C", undoes the
// macros that clash with the C++ library, and provides run_core(), which calls
// core code and turns any C++ exception into an ereport with its SQLSTATE,
// raised only after the handler has been left and no C++ object is alive.
#pragma once

extern "C" {
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/guc.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/sortsupport.h"
#include "utils/tuplestore.h"
}

// port.h maps these to pg_* versions; the C++ library wants its own.
#undef snprintf
#undef vsnprintf
#undef sprintf
#undef vsprintf
#undef fprintf
#undef printf
#undef strerror

#include <exception>
#include <new>

#include "aggregates.hpp"
#include "error.hpp"
#include "holding.hpp"
#include "state_codec.hpp"

namespace holdings_pg {

// SQLSTATEs of our own (class 22, implementation-defined subclass U).
constexpr int kCurrencyMismatch = MAKE_SQLSTATE('2', '2', 'U', '0', '1');
constexpr int kUnknownCurrency = MAKE_SQLSTATE('2', '2', 'U', '0', '2');
constexpr int kNoFxRate = MAKE_SQLSTATE('2', '2', 'U', '0', '3');

// A failure copied out of a catch handler: plain storage, no destructor.
struct CoreFailure {
    bool failed;
    int sqlstate;
    char message[512];
    char hint[256];
};

// Copies message and hint (may be null), clipped on UTF-8 character boundaries.
void record_failure(CoreFailure& failure, int sqlstate, const char* message,
                    const char* hint = nullptr) noexcept;
int sqlstate_for(holdings::ErrorKind kind) noexcept;
[[noreturn]] void raise_failure(const CoreFailure& failure);

// Runs core code. The callable must not call PostgreSQL functions that can
// raise an ERROR (palloc, detoasting, SPI): do those before or after.
template <typename F>
inline void run_core(F&& body) {
    CoreFailure failure;
    failure.failed = false;
    try {
        body();
    } catch (const holdings::Error& e) {
        record_failure(failure, sqlstate_for(e.kind()), e.what(), e.hint().c_str());
    } catch (const std::bad_alloc&) {
        record_failure(failure, ERRCODE_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        record_failure(failure, ERRCODE_INTERNAL_ERROR, e.what());
    } catch (...) {
        record_failure(failure, ERRCODE_INTERNAL_ERROR, "unexpected C++ exception");
    }
    if (failure.failed) raise_failure(failure);
}

inline const holdings::Holding* arg_holding(FunctionCallInfo fcinfo, int n) {
    return reinterpret_cast<const holdings::Holding*>(PG_GETARG_POINTER(n));
}

// A palloc'd copy of a core value, to return as a Datum.
inline Datum holding_datum(const holdings::Holding& h) {
    auto* out = static_cast<holdings::Holding*>(palloc(sizeof(holdings::Holding)));
    *out = h;
    return PointerGetDatum(out);
}

// A holding computed by core code (compute() inside run_core), returned as
// its palloc'd copy.
template <typename F>
inline Datum holding_from_core(F&& compute) {
    holdings::Holding r;
    run_core([&] { r = compute(); });
    return holding_datum(r);
}

// Reads a currency code given as a function argument; raises 22U02 if unknown.
holdings::CurrencyCode currency_argument(text* code);

// The aggregate's memory context; an ERROR when not called as an aggregate.
MemoryContext aggregate_context(FunctionCallInfo fcinfo, const char* name);

// A bytea argument as a read-only message buffer (no copy), for deserialisers.
void message_of(bytea* bytes, StringInfoData* buf);

// An aggregate's internal state argument, or nullptr when it is NULL.
template <typename State>
inline State* state_arg(FunctionCallInfo fcinfo, int n = 0) {
    return PG_ARGISNULL(n) ? nullptr : reinterpret_cast<State*>(PG_GETARG_POINTER(n));
}

// A transition that skips its row: the state as it was (NULL if none yet).
inline Datum unchanged_state(FunctionCallInfo fcinfo) {
    if (PG_ARGISNULL(0)) PG_RETURN_NULL();
    PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}

// A serial function: write(&buf) fills the bytes of the state.
template <typename Write>
Datum serialized_state(FunctionCallInfo fcinfo, const char* name, Write write) {
    aggregate_context(fcinfo, name);
    StringInfoData buf;
    pq_begintypsend(&buf);
    write(&buf);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

// A fixed-size state's bytes as the core encodes them (state_codec.hpp).
template <typename State>
inline void send_state(StringInfo buf, const State& state) {
    unsigned char bytes[holdings::kEncodedBytes<State>];
    holdings::encode_fixed(state, bytes);
    pq_sendbytes(buf, reinterpret_cast<const char*>(bytes), sizeof bytes);
}

// A serialized state argument's bytes, read in place (for the core's decoders).
struct StateBytes {
    const unsigned char* data;
    std::size_t len;
};
inline StateBytes state_bytes(FunctionCallInfo fcinfo, int n = 0) {
    bytea* bytes = PG_GETARG_BYTEA_PP(n);
    return StateBytes{reinterpret_cast<const unsigned char*>(VARDATA_ANY(bytes)), VARSIZE_ANY_EXHDR(bytes)};
}

// The combine function of a fixed-size internal state: the NULL cases, then
// merge(into, other) through run_core. The state lives in the aggregate context.
template <typename State, typename Merge>
Datum combine_fixed_states(FunctionCallInfo fcinfo, const char* name, Merge merge) {
    MemoryContext context = aggregate_context(fcinfo, name);
    auto* into = PG_ARGISNULL(0) ? nullptr : reinterpret_cast<State*>(PG_GETARG_POINTER(0));
    auto* other = PG_ARGISNULL(1) ? nullptr : reinterpret_cast<State*>(PG_GETARG_POINTER(1));
    if (other == nullptr) {
        if (into == nullptr) PG_RETURN_NULL();
        PG_RETURN_POINTER(into);
    }
    if (into == nullptr) {
        into = static_cast<State*>(MemoryContextAlloc(context, sizeof(State)));
        *into = *other;
        PG_RETURN_POINTER(into);
    }
    run_core([&] { merge(*into, *other); });
    PG_RETURN_POINTER(into);
}

// A 128-bit level in a serialized aggregate state: high, then low 8 bytes.
inline void send_raw128(StringInfo buf, const holdings::Raw128& v) {
    pq_sendint64(buf, v.hi);
    pq_sendint64(buf, static_cast<int64>(v.lo));
}
inline void get_raw128(StringInfo buf, holdings::Raw128* v) {
    v->hi = pq_getmsgint64(buf);
    v->lo = static_cast<uint64>(pq_getmsgint64(buf));
}

// numeric <-> core conversions (they call PostgreSQL, so they live here).
Datum amount_to_numeric(holdings::int128 raw, int min_fraction_digits);
// The text form of a numeric argument, palloc'd.
char* numeric_text(Datum numeric);

}  // namespace holdings_pg
