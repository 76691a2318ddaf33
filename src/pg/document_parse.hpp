// The driver of the set-returning parse functions (flow_parse.cpp,
// fx_parse.cpp): the core parser (src/core/document.hpp) runs in steps of
// about 64 kB of whole lines, inside run_core, writing plain rows into a
// palloc'd array; between steps this loop checks for interrupts
// (statement_timeout, cancel) and turns the rows into tuples in a context
// reset after every step. All memory is PostgreSQL's and bounded: the state
// and the row array are palloc'd, the core allocates nothing but an error's
// message, and the tuplestore spills to disk past work_mem. No C++ object is
// alive when anything here can raise an ERROR.
#pragma once

#include "glue.hpp"

extern "C" {
#include "miscadmin.h"
}

namespace holdings_pg {

// Numeric from a plain decimal string the core has checked.
inline Datum numeric_datum(const char* digits) {
    return DirectFunctionCall3(numeric_in, CStringGetDatum(digits), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

// Parses argument 0 (the document) with parse(data, len, state, rows,
// capacity) until state.done, emitting every row with emit(rsinfo, row, state).
template <typename State, typename Row, typename Start, typename Parse, typename Emit>
void parse_document(FunctionCallInfo fcinfo, std::size_t capacity, Start start, Parse parse, Emit emit) {
    text* document = PG_GETARG_TEXT_PP(0);
    const char* data = VARDATA_ANY(document);
    std::size_t len = VARSIZE_ANY_EXHDR(document);

    InitMaterializedSRF(fcinfo, 0);
    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
    auto* state = static_cast<State*>(palloc0(sizeof(State)));
    auto* rows = static_cast<Row*>(palloc(sizeof(Row) * capacity));
    MemoryContext per_step = AllocSetContextCreate(CurrentMemoryContext, "holdings document parser", ALLOCSET_DEFAULT_SIZES);
    run_core([&] { start(*state); });
    while (!state->done) {
        CHECK_FOR_INTERRUPTS();
        std::size_t count = 0;
        run_core([&] { count = parse(data, len, *state, rows, capacity); });
        MemoryContext old = MemoryContextSwitchTo(per_step);
        for (std::size_t i = 0; i < count; ++i) emit(rsinfo, rows[i], *state);
        MemoryContextSwitchTo(old);
        MemoryContextReset(per_step);
    }
    MemoryContextDelete(per_step);
    pfree(rows);
    pfree(state);
}

}  // namespace holdings_pg
