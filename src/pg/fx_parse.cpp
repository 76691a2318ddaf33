// parse_fed_h10_monthly and parse_ecb_eurofxref: the parsers of
// src/core/fx_documents.cpp as set-returning functions, run in bounded steps
// by parse_document (document_parse.hpp). load_fed_h10_monthly and
// load_ecb_rates (src/install/47_loaders.sql) read their rows.
#include "document_parse.hpp"

#include "fx_documents.hpp"

using holdings_pg::parse_document;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_fed_h10_monthly);
PG_FUNCTION_INFO_V1(holdings_parse_ecb_eurofxref);
}

static_assert(holdings_pg::kChunkRows >= static_cast<std::size_t>(holdings::kMaxEcbCurrencies),
              "an ECB line must fit a chunk");

namespace holdings_pg {

// H.10: line, country label, month end, units per USD.
void columns(ResultRow& out, const holdings::H10Row& r, const holdings::FxParseState&) {
    out.int4(r.line).text(r.label).date(r.as_of).numeric(r.per_usd);
}

// ECB: line, day, currency, units per EUR.
void columns(ResultRow& out, const holdings::EcbRow& r, const holdings::FxParseState&) {
    out.int4(r.line).date(r.as_of).text(r.currency).numeric(r.per_eur);
}

}  // namespace holdings_pg

extern "C" Datum holdings_parse_fed_h10_monthly(PG_FUNCTION_ARGS) {
    return parse_document(fcinfo, holdings::fx_parse_start, holdings::parse_fed_h10_monthly_chunk);
}

extern "C" Datum holdings_parse_ecb_eurofxref(PG_FUNCTION_ARGS) {
    return parse_document(fcinfo, holdings::fx_parse_start, holdings::parse_ecb_eurofxref_chunk);
}
