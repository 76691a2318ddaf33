// parse_tic_form_s, parse_tic_slt_table3, parse_tic_slt_table5, parse_fred_csv:
// the parsers of src/core/tic_flows.cpp as set-returning functions. The rows
// of each chunk are written by core code into a palloc'd array of plain
// structs (inside run_core, no allocation there that PostgreSQL must know
// of), then turned into tuples; interrupts are checked between chunks.
#include "glue.hpp"

extern "C" {
#include "miscadmin.h"
}

#include <cstring>

#include "tic_flows.hpp"

using holdings_pg::run_core;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_form_s);
PG_FUNCTION_INFO_V1(holdings_parse_tic_slt_table3);
PG_FUNCTION_INFO_V1(holdings_parse_tic_slt_table5);
PG_FUNCTION_INFO_V1(holdings_parse_fred_csv);
}

namespace {

constexpr std::size_t kChunkRows = 4096;  // >= kMaxTable5Columns

Datum numeric_datum(const char* digits) {
    return DirectFunctionCall3(numeric_in, CStringGetDatum(digits), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

// Runs parse(state, rows, capacity) chunk by chunk and emits every row.
template <typename Row, typename Parse, typename Emit>
void parse_document(FunctionCallInfo fcinfo, Parse parse, Emit emit) {
    text* document = PG_GETARG_TEXT_PP(0);
    const char* data = VARDATA_ANY(document);
    std::size_t len = VARSIZE_ANY_EXHDR(document);

    InitMaterializedSRF(fcinfo, 0);
    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
    auto* rows = static_cast<Row*>(palloc(sizeof(Row) * kChunkRows));
    MemoryContext per_chunk = AllocSetContextCreate(CurrentMemoryContext, "holdings flow parser", ALLOCSET_DEFAULT_SIZES);
    holdings::FlowParseState state;
    holdings::flow_parse_start(state);
    while (!state.done) {
        CHECK_FOR_INTERRUPTS();
        std::size_t count = 0;
        run_core([&] { count = parse(data, len, state, rows, kChunkRows); });
        MemoryContext old = MemoryContextSwitchTo(per_chunk);
        for (std::size_t i = 0; i < count; ++i) emit(rsinfo, rows[i], state);
        MemoryContextSwitchTo(old);
        MemoryContextReset(per_chunk);
    }
    MemoryContextDelete(per_chunk);
    pfree(rows);
}

}  // namespace

extern "C" Datum holdings_parse_tic_form_s(PG_FUNCTION_ARGS) {
    parse_document<holdings::FormSRow>(
        fcinfo,
        [](const char* d, std::size_t l, holdings::FlowParseState& s, holdings::FormSRow* r, std::size_t c) {
            return holdings::parse_tic_form_s_chunk(d, l, s, r, c);
        },
        [](ReturnSetInfo* rsinfo, const holdings::FormSRow& r, const holdings::FlowParseState&) {
            Datum values[16];
            bool nulls[16] = {false};
            values[0] = Int32GetDatum(r.line);
            values[1] = CStringGetTextDatum(r.label);
            values[2] = CStringGetTextDatum(r.code);
            values[3] = DateADTGetDatum(r.as_of);
            for (int i = 0; i < 12; ++i) values[4 + i] = numeric_datum(r.figures[i]);
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        });
    return (Datum)0;
}

extern "C" Datum holdings_parse_tic_slt_table3(PG_FUNCTION_ARGS) {
    parse_document<holdings::Table3Row>(
        fcinfo,
        [](const char* d, std::size_t l, holdings::FlowParseState& s, holdings::Table3Row* r, std::size_t c) {
            return holdings::parse_tic_slt_table3_chunk(d, l, s, r, c);
        },
        [](ReturnSetInfo* rsinfo, const holdings::Table3Row& r, const holdings::FlowParseState&) {
            Datum values[11];
            bool nulls[11] = {false};
            values[0] = Int32GetDatum(r.line);
            values[1] = CStringGetTextDatum(r.label);
            values[2] = CStringGetTextDatum(r.code);
            values[3] = DateADTGetDatum(r.as_of);
            for (int i = 0; i < 7; ++i) {
                nulls[4 + i] = !r.has[i];
                values[4 + i] = r.has[i] ? numeric_datum(r.figures[i]) : (Datum)0;
            }
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        });
    return (Datum)0;
}

extern "C" Datum holdings_parse_tic_slt_table5(PG_FUNCTION_ARGS) {
    parse_document<holdings::Table5Row>(
        fcinfo,
        [](const char* d, std::size_t l, holdings::FlowParseState& s, holdings::Table5Row* r, std::size_t c) {
            return holdings::parse_tic_slt_table5_chunk(d, l, s, r, c);
        },
        [](ReturnSetInfo* rsinfo, const holdings::Table5Row& r, const holdings::FlowParseState&) {
            Datum values[4];
            bool nulls[4] = {false, false, false, false};
            values[0] = Int32GetDatum(r.line);
            values[1] = CStringGetTextDatum(r.label);
            values[2] = DateADTGetDatum(r.as_of);
            values[3] = numeric_datum(r.figure);
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        });
    return (Datum)0;
}

extern "C" Datum holdings_parse_fred_csv(PG_FUNCTION_ARGS) {
    parse_document<holdings::FredRow>(
        fcinfo,
        [](const char* d, std::size_t l, holdings::FlowParseState& s, holdings::FredRow* r, std::size_t c) {
            return holdings::parse_fred_csv_chunk(d, l, s, r, c);
        },
        [](ReturnSetInfo* rsinfo, const holdings::FredRow& r, const holdings::FlowParseState& s) {
            Datum values[4];
            bool nulls[4] = {false, false, false, false};
            values[0] = Int32GetDatum(r.line);
            values[1] = CStringGetTextDatum(s.series);
            values[2] = DateADTGetDatum(r.as_of);
            nulls[3] = !r.has_value;
            values[3] = r.has_value ? numeric_datum(r.value) : (Datum)0;
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        });
    return (Datum)0;
}
