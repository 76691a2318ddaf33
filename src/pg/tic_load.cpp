// parse_tic_mfh(document): the TIC mfhhis01 parser as a set-returning function.
// holdings.load_tic_mfh (SQL) maps its rows to holders and loads them.
//
// The core parser runs in chunks (about 64 kB of the document each): between
// chunks this loop checks for interrupts (statement_timeout, cancel,
// pg_terminate_backend) outside run_core, and copies the chunk's figures into
// the tuplestore (which spills to disk past work_mem). The parser state and
// the chunk buffer are palloc'd plain structs, and per-chunk allocations go to
// a context reset after every chunk: memory stays bounded, time linear.
#include "glue.hpp"

#include <cstring>

extern "C" {
#include "miscadmin.h"
}

#include "tic_mfh.hpp"

using holdings_pg::run_core;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_mfh);
}

namespace {
constexpr std::size_t kChunkRows = 512;
constexpr std::size_t kChunkBytes = 64 * 1024;
}  // namespace

extern "C" Datum holdings_parse_tic_mfh(PG_FUNCTION_ARGS) {
    text* document = PG_GETARG_TEXT_PP(0);
    const char* data = VARDATA_ANY(document);
    std::size_t len = VARSIZE_ANY_EXHDR(document);

    InitMaterializedSRF(fcinfo, 0);
    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);

    auto* parser = static_cast<holdings::TicParser*>(palloc0(sizeof(holdings::TicParser)));
    auto* rows = static_cast<holdings::TicRow*>(palloc(sizeof(holdings::TicRow) * kChunkRows));
    MemoryContext chunk_context = AllocSetContextCreate(CurrentMemoryContext, "parse_tic_mfh chunk",
                                                        ALLOCSET_DEFAULT_SIZES);
    while (!parser->done) {
        CHECK_FOR_INTERRUPTS();
        std::size_t count = 0;
        run_core([&] { count = holdings::parse_tic_mfh_step(*parser, data, len, rows, kChunkRows, kChunkBytes); });
        MemoryContext old = MemoryContextSwitchTo(chunk_context);
        for (std::size_t i = 0; i < count; ++i) {
            Datum values[5];
            bool nulls[5] = {false, false, false, false, false};
            values[0] = Int32GetDatum(rows[i].line);
            values[1] = CStringGetTextDatum(rows[i].label);
            values[2] = DateADTGetDatum(rows[i].as_of);
            values[3] = DirectFunctionCall3(numeric_in, CStringGetDatum(rows[i].usd_bn),
                                            ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
            values[4] = BoolGetDatum(rows[i].official);
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        }
        MemoryContextSwitchTo(old);
        MemoryContextReset(chunk_context);
    }
    MemoryContextDelete(chunk_context);
    pfree(rows);
    pfree(parser);
    return (Datum)0;
}
