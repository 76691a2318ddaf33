#include "fx_cache.hpp"

#include <cstring>

using holdings::Day;
using holdings::Rate;
using holdings::RateSeries;
using holdings::RateTable;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_fx_rate_changed);
}

namespace holdings_pg {
namespace {

char* rate_set_setting = nullptr;

struct CachedRates {
    MemoryContext context;
    bool valid;
    char name[NAMEDATALEN];
    RateTable table;
};

CachedRates cache = {nullptr, false, {0}, {"", nullptr, 0}};
Oid fx_rate_relid = InvalidOid;

void invalidate(Datum, Oid relid) {
    if (relid == InvalidOid || relid == fx_rate_relid) cache.valid = false;
}

const char kLoadQuery[] =
    "SELECT currency, as_of, per_usd::text FROM holdings.fx_rate "
    "WHERE rate_set = $1 AND per_usd IS NOT NULL AND as_of IS NOT NULL "
    "ORDER BY currency COLLATE \"C\", as_of";

void load(const char* name) {
    cache.valid = false;
    if (cache.context == nullptr)
        cache.context = AllocSetContextCreate(TopMemoryContext, "holdings rate cache",
                                              ALLOCSET_DEFAULT_SIZES);
    else
        MemoryContextReset(cache.context);
    cache.table = RateTable{"", nullptr, 0};

    Oid schema = get_namespace_oid("holdings", false);
    fx_rate_relid = get_relname_relid("fx_rate", schema);
    if (!OidIsValid(fx_rate_relid))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE), errmsg("table holdings.fx_rate is missing")));

    if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
    Oid arg_type = TEXTOID;
    Datum arg = CStringGetTextDatum(name);
    if (SPI_execute_with_args(kLoadQuery, 1, &arg_type, &arg, nullptr, true, 0) != SPI_OK_SELECT)
        elog(ERROR, "could not read holdings.fx_rate");

    std::size_t rows = SPI_processed;
    auto* dates = static_cast<Day*>(MemoryContextAlloc(cache.context, sizeof(Day) * (rows + 1)));
    auto* rates = static_cast<Rate*>(MemoryContextAlloc(cache.context, sizeof(Rate) * (rows + 1)));
    auto* series = static_cast<RateSeries*>(MemoryContextAlloc(cache.context, sizeof(RateSeries) * (rows + 1)));
    std::size_t kept = 0, series_count = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        HeapTuple tuple = SPI_tuptable->vals[i];
        TupleDesc desc = SPI_tuptable->tupdesc;
        char* code_text = SPI_getvalue(tuple, desc, 1);
        holdings::CurrencyCode code = 0;
        // A code the type does not know can never be asked for: skip it.
        if (code_text == nullptr || !holdings::lookup_currency(code_text, strlen(code_text), &code))
            continue;
        bool is_null = false;
        Day day = DatumGetDateADT(SPI_getbinval(tuple, desc, 2, &is_null));
        char* rate_text = SPI_getvalue(tuple, desc, 3);
        std::size_t rate_len = strlen(rate_text);
        Rate rate;
        run_core([&] { rate = holdings::parse_rate(rate_text, rate_len); });
        if (series_count == 0 || series[series_count - 1].currency != code) {
            series[series_count++] = RateSeries{code, dates + kept, rates + kept, 0};
        }
        dates[kept] = day;
        rates[kept] = rate;
        ++kept;
        ++series[series_count - 1].count;
    }
    SPI_finish();

    strlcpy(cache.name, name, sizeof cache.name);
    cache.table = RateTable{cache.name, series, series_count};
    cache.valid = true;
}

}  // namespace

const RateTable& current_rate_table() {
    const char* name = rate_set_setting != nullptr ? rate_set_setting : "fed-monthly";
    if (!cache.valid || strcmp(cache.name, name) != 0) load(name);
    return cache.table;
}

void register_rate_cache() {
    DefineCustomStringVariable(
        "holdings.rate_set", "Rate set used by the FX functions and aggregates.",
        "A rate_set value of holdings.fx_rate, such as fed-monthly or ecb-daily.",
        &rate_set_setting, "fed-monthly", PGC_USERSET, 0, nullptr, nullptr, nullptr);
#if PG_VERSION_NUM >= 150000
    MarkGUCPrefixReserved("holdings");
#else
    EmitWarningsOnPlaceholders("holdings");
#endif
    CacheRegisterRelcacheCallback(invalidate, (Datum)0);
}

}  // namespace holdings_pg

// Statement trigger on holdings.fx_rate: any change invalidates every backend's
// cached rate sets (at once in this session, at commit in the others).
extern "C" Datum holdings_fx_rate_changed(PG_FUNCTION_ARGS) {
    if (!CALLED_AS_TRIGGER(fcinfo)) elog(ERROR, "holdings_fx_rate_changed: not called as a trigger");
    auto* trigger = reinterpret_cast<TriggerData*>(fcinfo->context);
    CacheInvalidateRelcache(trigger->tg_relation);
    return PointerGetDatum(nullptr);
}
