// parse_tic_form_s, parse_tic_slt_table3, parse_tic_slt_table5, parse_fred_csv:
// the parsers of src/core/tic_flows.cpp as set-returning functions, run in
// bounded steps by parse_document (document_parse.hpp).
#include "document_parse.hpp"

#include "tic_flows.hpp"

using holdings_pg::parse_document;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_form_s);
PG_FUNCTION_INFO_V1(holdings_parse_tic_slt_table3);
PG_FUNCTION_INFO_V1(holdings_parse_tic_slt_table5);
PG_FUNCTION_INFO_V1(holdings_parse_fred_csv);
}

namespace holdings_pg {

// The result columns of each parser, in order.

// Form S: line, label, country code, month end, the figures of columns [1] .. [12].
void columns(ResultRow& out, const holdings::FormSRow& r, const holdings::FlowParseState&) {
    out.int4(r.line).text(r.label).text(r.code).date(r.as_of).numerics(r.figures);
}

// Table 3: line, label, country code, month end, seven figures (NULL for "n.a.").
void columns(ResultRow& out, const holdings::Table3Row& r, const holdings::FlowParseState&) {
    out.int4(r.line).text(r.label).text(r.code).date(r.as_of).numerics(r.figures, r.has);
}

// Table 5: line, label, month end, figure.
void columns(ResultRow& out, const holdings::Table5Row& r, const holdings::FlowParseState&) {
    out.int4(r.line).text(r.label).date(r.as_of).numeric(r.figure);
}

// FRED: line, the series of the header, date, value (NULL for "." or blank).
void columns(ResultRow& out, const holdings::FredRow& r, const holdings::FlowParseState& s) {
    out.int4(r.line).text(s.series).date(r.as_of).numeric_or_null(r.has_value, r.value);
}

}  // namespace holdings_pg

extern "C" Datum holdings_parse_tic_form_s(PG_FUNCTION_ARGS) {
    return parse_document(fcinfo, holdings::flow_parse_start, holdings::parse_tic_form_s_chunk);
}

extern "C" Datum holdings_parse_tic_slt_table3(PG_FUNCTION_ARGS) {
    return parse_document(fcinfo, holdings::flow_parse_start, holdings::parse_tic_slt_table3_chunk);
}

extern "C" Datum holdings_parse_tic_slt_table5(PG_FUNCTION_ARGS) {
    return parse_document(fcinfo, holdings::flow_parse_start, holdings::parse_tic_slt_table5_chunk);
}

extern "C" Datum holdings_parse_fred_csv(PG_FUNCTION_ARGS) {
    return parse_document(fcinfo, holdings::flow_parse_start, holdings::parse_fred_csv_chunk);
}
