// parse_tic_mfh(document): the TIC mfhhis01 parser as a set-returning function.
// holdings.load_tic_mfh (SQL) maps its rows to holders and upserts them.
#include "glue.hpp"

#include <cstdlib>
#include <cstring>

#include "tic_mfh.hpp"

using holdings_pg::run_core;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_parse_tic_mfh);
}

namespace {

// A parsed figure in plain storage, so no C++ object is alive while the
// tuples are built with PostgreSQL calls.
struct PlainFigure {
    int line;
    holdings::Day as_of;
    bool official;
    char label[104];
    char usd_bn[24];
};

}  // namespace

extern "C" Datum holdings_parse_tic_mfh(PG_FUNCTION_ARGS) {
    text* document = PG_GETARG_TEXT_PP(0);
    const char* data = VARDATA_ANY(document);
    std::size_t len = VARSIZE_ANY_EXHDR(document);

    PlainFigure* figures = nullptr;
    std::size_t count = 0;
    bool out_of_memory = false;
    run_core([&] {
        std::vector<holdings::TicFigure> parsed = holdings::parse_tic_mfh(data, len);
        figures = static_cast<PlainFigure*>(std::malloc(sizeof(PlainFigure) * (parsed.size() + 1)));
        if (figures == nullptr) {
            out_of_memory = true;
            return;
        }
        for (const holdings::TicFigure& f : parsed) {
            PlainFigure& p = figures[count++];
            p.line = f.line;
            p.as_of = f.as_of;
            p.official = f.official;
            strlcpy(p.label, f.label.c_str(), sizeof p.label);
            strlcpy(p.usd_bn, f.usd_bn.c_str(), sizeof p.usd_bn);
        }
    });
    if (out_of_memory) ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));

    // Copy into palloc'd memory so an error below cannot leak the malloc'd block.
    auto* rows = static_cast<PlainFigure*>(palloc(sizeof(PlainFigure) * (count + 1)));
    memcpy(rows, figures, sizeof(PlainFigure) * count);
    std::free(figures);

    InitMaterializedSRF(fcinfo, 0);
    ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
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
    return (Datum)0;
}
