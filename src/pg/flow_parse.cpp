// parse_tic_form_s, parse_tic_slt_table3, parse_tic_slt_table5, parse_fred_csv:
// the parsers of src/core/tic_flows.cpp as set-returning functions, run in
// bounded steps by parse_document (document_parse.hpp).
#include "document_parse.hpp"

#include <cstring>

#include "tic_flows.hpp"

using holdings_pg::numeric_datum;
using holdings_pg::parse_document;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_form_s);
PG_FUNCTION_INFO_V1(holdings_parse_tic_slt_table3);
PG_FUNCTION_INFO_V1(holdings_parse_tic_slt_table5);
PG_FUNCTION_INFO_V1(holdings_parse_fred_csv);
}

namespace {

constexpr std::size_t kChunkRows = 4096;  // >= kMaxTable5Columns

template <typename Row, typename Parse, typename Emit>
void parse_flow_document(FunctionCallInfo fcinfo, Parse parse, Emit emit) {
    parse_document<holdings::FlowParseState, Row>(
        fcinfo, kChunkRows, [](holdings::FlowParseState& s) { holdings::flow_parse_start(s); },
        [&](const char* d, std::size_t l, holdings::FlowParseState& s, Row* r, std::size_t c) {
            return parse(d, l, s, r, c, holdings::kStepBytes);
        },
        emit);
}

}  // namespace

extern "C" Datum holdings_parse_tic_form_s(PG_FUNCTION_ARGS) {
    parse_flow_document<holdings::FormSRow>(
        fcinfo,
        holdings::parse_tic_form_s_chunk,
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
    parse_flow_document<holdings::Table3Row>(
        fcinfo,
        holdings::parse_tic_slt_table3_chunk,
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
    parse_flow_document<holdings::Table5Row>(
        fcinfo,
        holdings::parse_tic_slt_table5_chunk,
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
    parse_flow_document<holdings::FredRow>(
        fcinfo,
        holdings::parse_fred_csv_chunk,
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
