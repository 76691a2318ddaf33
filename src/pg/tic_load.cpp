// parse_tic_mfh(document): the TIC mfhhis01 parser as a set-returning function,
// run in bounded steps by parse_document (document_parse.hpp).
// holdings.load_tic_mfh (SQL) maps its rows to holders and loads them.
#include "document_parse.hpp"

#include "tic_mfh.hpp"

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_mfh);
}

static_assert(holdings_pg::kChunkRows >= holdings::kTicMaxColumns, "an mfhhis01 line must fit a chunk");

namespace holdings_pg {

// (line, label, as_of, usd_bn, official).
void columns(ResultRow& out, const holdings::TicRow& r, const holdings::TicParser&) {
    out.int4(r.line).text(r.label).date(r.as_of).numeric(r.usd_bn).boolean(r.official);
}

}  // namespace holdings_pg

extern "C" Datum holdings_parse_tic_mfh(PG_FUNCTION_ARGS) {
    return holdings_pg::parse_document(fcinfo, holdings::tic_mfh_start, holdings::parse_tic_mfh_chunk);
}
