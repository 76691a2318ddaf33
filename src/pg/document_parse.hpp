// The set-returning parse functions of the official files (flow_parse.cpp,
// fx_parse.cpp, table3d_parse.cpp, tic_load.cpp): one driver, parse_document,
// and one row emitter, ResultRow. The core parser (a ChunkParser,
// src/core/document.hpp) runs in steps of about 64 kB of whole lines, inside
// run_core, writing plain rows into a palloc'd array; between steps this loop
// checks for interrupts (statement_timeout, cancel) and turns the rows into
// tuples in a context reset after every step. All memory is PostgreSQL's and
// bounded: the state and the row array are palloc'd, the core allocates
// nothing but an error's message, and the tuplestore spills to disk past
// work_mem. No C++ object with a destructor is alive when anything here can
// raise an ERROR (the lambdas and ResultRow are plain).
#pragma once

#include <type_traits>

#include "glue.hpp"

extern "C" {
#include "miscadmin.h"
}

#include "document.hpp"

namespace holdings_pg {

// One result row: its columns in order, for tuplestore_putvalues.
class ResultRow {
public:
    ResultRow& int4(int v) { return set(Int32GetDatum(v)); }
    ResultRow& text(const char* s) { return set(CStringGetTextDatum(s)); }
    ResultRow& date(holdings::Day d) { return set(DateADTGetDatum(d)); }
    ResultRow& boolean(bool b) { return set(BoolGetDatum(b)); }
    // Numeric from a plain decimal string the core has checked.
    ResultRow& numeric(const char* digits) {
        return set(DirectFunctionCall3(numeric_in, CStringGetDatum(digits), ObjectIdGetDatum(InvalidOid),
                                       Int32GetDatum(-1)));
    }
    // One numeric column per figure; NULL where has[i] is false.
    template <std::size_t N, std::size_t Size>
    ResultRow& numerics(const char (&figures)[N][Size], const bool* has = nullptr) {
        for (std::size_t i = 0; i < N; ++i) {
            if (has == nullptr || has[i])
                numeric(figures[i]);
            else
                null();
        }
        return *this;
    }
    ResultRow& numeric_or_null(bool has, const char* digits) { return has ? numeric(digits) : null(); }
    void put(ReturnSetInfo* rsinfo) {
        if (count_ != rsinfo->setDesc->natts)
            elog(ERROR, "holdings: a parse function gave %d columns for a result of %d", count_, rsinfo->setDesc->natts);
        tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values_, nulls_);
    }

private:
    static constexpr int kMaxColumns = 16;
    ResultRow& set(Datum v) {
        if (count_ == kMaxColumns) elog(ERROR, "holdings: more than %d columns in a parse function's row", kMaxColumns);
        values_[count_] = v;
        nulls_[count_++] = false;
        return *this;
    }
    ResultRow& null() {
        set((Datum)0);
        nulls_[count_ - 1] = true;
        return *this;
    }
    Datum values_[kMaxColumns];
    bool nulls_[kMaxColumns];
    int count_ = 0;
};
static_assert(std::is_trivially_destructible<ResultRow>::value, "ResultRow is alive while PostgreSQL may raise");

constexpr std::size_t kChunkRows = 4096;  // rows of one step, >= the most one line gives (64 .. 128)

// The parse function of one format: parses argument 0 (the document) with the
// core's parse (after start(state)) until state.done, and returns each row as
// columns(row_out, row, state) lists it (one overload per row type, beside
// its entry point).
template <typename State, typename Row>
Datum parse_document(FunctionCallInfo fcinfo, void (*start)(State&), holdings::ChunkParser<State, Row>* parse) {
    text* document = PG_GETARG_TEXT_PP(0);
    const char* data = VARDATA_ANY(document);
    std::size_t len = VARSIZE_ANY_EXHDR(document);

    InitMaterializedSRF(fcinfo, 0);
    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
    auto* state = static_cast<State*>(palloc0(sizeof(State)));
    auto* rows = static_cast<Row*>(palloc(sizeof(Row) * kChunkRows));
    MemoryContext per_step = AllocSetContextCreate(CurrentMemoryContext, "holdings document parser", ALLOCSET_DEFAULT_SIZES);
    run_core([&] { start(*state); });
    while (!state->done) {
        CHECK_FOR_INTERRUPTS();
        std::size_t count = 0;
        run_core([&] { count = parse(data, len, *state, rows, kChunkRows, holdings::kStepBytes); });
        MemoryContext old = MemoryContextSwitchTo(per_step);
        for (std::size_t i = 0; i < count; ++i) {
            ResultRow out;
            columns(out, rows[i], *state);
            out.put(rsinfo);
        }
        MemoryContextSwitchTo(old);
        MemoryContextReset(per_step);
    }
    MemoryContextDelete(per_step);
    pfree(rows);
    pfree(state);
    return (Datum)0;
}

}  // namespace holdings_pg
