// parse_fed_h10_monthly and parse_ecb_eurofxref: the parsers of
// src/core/fx_documents.cpp as set-returning functions, run in bounded steps
// by parse_document (document_parse.hpp). load_fed_h10_monthly and
// load_ecb_rates (48_fx_loaders.sql) read their rows.
#include "document_parse.hpp"

#include "fx_documents.hpp"

using holdings_pg::numeric_datum;
using holdings_pg::parse_document;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_fed_h10_monthly);
PG_FUNCTION_INFO_V1(holdings_parse_ecb_eurofxref);
}

namespace {
constexpr std::size_t kChunkRows = 4096;  // >= kMaxEcbCurrencies
static_assert(kChunkRows >= static_cast<std::size_t>(holdings::kMaxEcbCurrencies), "an ECB line must fit a chunk");

void start(holdings::FxParseState& s) { holdings::fx_parse_start(s); }
}  // namespace

extern "C" Datum holdings_parse_fed_h10_monthly(PG_FUNCTION_ARGS) {
    parse_document<holdings::FxParseState, holdings::H10Row>(
        fcinfo, kChunkRows, start,
        [](const char* d, std::size_t l, holdings::FxParseState& s, holdings::H10Row* r, std::size_t c) {
            return holdings::parse_fed_h10_monthly_chunk(d, l, s, r, c, holdings::kStepBytes);
        },
        [](ReturnSetInfo* rsinfo, const holdings::H10Row& r, const holdings::FxParseState&) {
            Datum values[4];
            bool nulls[4] = {false, false, false, false};
            values[0] = Int32GetDatum(r.line);
            values[1] = CStringGetTextDatum(r.label);
            values[2] = DateADTGetDatum(r.as_of);
            values[3] = numeric_datum(r.per_usd);
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        });
    return (Datum)0;
}

extern "C" Datum holdings_parse_ecb_eurofxref(PG_FUNCTION_ARGS) {
    parse_document<holdings::FxParseState, holdings::EcbRow>(
        fcinfo, kChunkRows, start,
        [](const char* d, std::size_t l, holdings::FxParseState& s, holdings::EcbRow* r, std::size_t c) {
            return holdings::parse_ecb_eurofxref_chunk(d, l, s, r, c, holdings::kStepBytes);
        },
        [](ReturnSetInfo* rsinfo, const holdings::EcbRow& r, const holdings::FxParseState&) {
            Datum values[4];
            bool nulls[4] = {false, false, false, false};
            values[0] = Int32GetDatum(r.line);
            values[1] = DateADTGetDatum(r.as_of);
            values[2] = CStringGetTextDatum(r.currency);
            values[3] = numeric_datum(r.per_eur);
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        });
    return (Datum)0;
}
