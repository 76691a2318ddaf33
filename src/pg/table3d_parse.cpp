// parse_tic_table3d: the TIC Table 3D parser of src/core/tic_table3d.cpp as a
// set-returning function, run in bounded steps by parse_document
// (document_parse.hpp).
#include "document_parse.hpp"

#include "tic_table3d.hpp"

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_table3d);
}

namespace holdings_pg {

// (line, label, country_code, as_of, holdings, long_term_holdings,
// short_term_holdings), millions of USD, NULL for "n.a.".
void columns(ResultRow& out, const holdings::Table3DRow& r, const holdings::FlowParseState&) {
    out.int4(r.line).text(r.label).text(r.code).date(r.as_of).numerics(r.figures, r.has);
}

}  // namespace holdings_pg

extern "C" Datum holdings_parse_tic_table3d(PG_FUNCTION_ARGS) {
    return holdings_pg::parse_document(fcinfo, holdings::flow_parse_start, holdings::parse_tic_table3d_chunk);
}
