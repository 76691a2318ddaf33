// parse_tic_table3d: the TIC Table 3D parser of src/core/tic_table3d.cpp as a
// set-returning function. Rows of each chunk are written by core code into a
// palloc'd array of plain structs (inside run_core), then turned into tuples;
// interrupts are checked between chunks.
#include "glue.hpp"

extern "C" {
#include "miscadmin.h"
}

#include "tic_table3d.hpp"

using holdings_pg::run_core;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_table3d);
}

namespace {

constexpr std::size_t kChunkRows = 4096;

Datum numeric_datum(const char* digits) {
    return DirectFunctionCall3(numeric_in, CStringGetDatum(digits), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

}  // namespace

// parse_tic_table3d(document) -> (line, label, country_code, as_of, holdings,
// long_term_holdings, short_term_holdings), millions of USD, NULL for "n.a.".
extern "C" Datum holdings_parse_tic_table3d(PG_FUNCTION_ARGS) {
    text* document = PG_GETARG_TEXT_PP(0);
    const char* data = VARDATA_ANY(document);
    std::size_t len = VARSIZE_ANY_EXHDR(document);
    InitMaterializedSRF(fcinfo, 0);
    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
    auto* rows = static_cast<holdings::Table3DRow*>(palloc(sizeof(holdings::Table3DRow) * kChunkRows));
    MemoryContext per_chunk = AllocSetContextCreate(CurrentMemoryContext, "holdings table 3d parser", ALLOCSET_DEFAULT_SIZES);
    holdings::FlowParseState state;
    holdings::flow_parse_start(state);
    while (!state.done) {
        CHECK_FOR_INTERRUPTS();
        std::size_t count = 0;
        run_core([&] { count = holdings::parse_tic_table3d_chunk(data, len, state, rows, kChunkRows); });
        MemoryContext old = MemoryContextSwitchTo(per_chunk);
        for (std::size_t i = 0; i < count; ++i) {
            const holdings::Table3DRow& r = rows[i];
            Datum values[7];
            bool nulls[7] = {false};
            values[0] = Int32GetDatum(r.line);
            values[1] = CStringGetTextDatum(r.label);
            values[2] = CStringGetTextDatum(r.code);
            values[3] = DateADTGetDatum(r.as_of);
            for (int k = 0; k < 3; ++k) {
                nulls[4 + k] = !r.has[k];
                values[4 + k] = r.has[k] ? numeric_datum(r.figures[k]) : (Datum)0;
            }
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        }
        MemoryContextSwitchTo(old);
        MemoryContextReset(per_chunk);
    }
    MemoryContextDelete(per_chunk);
    pfree(rows);
    return (Datum)0;
}
