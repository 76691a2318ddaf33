#include "glue.hpp"

#include <cstring>

extern "C" {
PG_MODULE_MAGIC;
}

namespace holdings_pg {

namespace {

// Copies at most size - 1 bytes of src, cut on a UTF-8 character boundary.
void copy_clipped(char* dst, std::size_t size, const char* src) noexcept {
    std::size_t len = strlen(src);
    if (len >= size) {
        len = size - 1;
        while (len > 0 && (static_cast<unsigned char>(src[len]) & 0xC0) == 0x80) --len;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

}  // namespace

void record_failure(CoreFailure& failure, int sqlstate, const char* message, const char* hint) noexcept {
    failure.failed = true;
    failure.sqlstate = sqlstate;
    copy_clipped(failure.message, sizeof failure.message, message);
    copy_clipped(failure.hint, sizeof failure.hint, hint != nullptr ? hint : "");
}

int sqlstate_for(holdings::ErrorKind kind) noexcept {
    using holdings::ErrorKind;
    switch (kind) {
        case ErrorKind::invalid_text: return ERRCODE_INVALID_TEXT_REPRESENTATION;
        case ErrorKind::out_of_range: return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
        case ErrorKind::division_by_zero: return ERRCODE_DIVISION_BY_ZERO;
        case ErrorKind::currency_mismatch: return kCurrencyMismatch;
        case ErrorKind::unknown_currency: return kUnknownCurrency;
        case ErrorKind::no_fx_rate: return kNoFxRate;
        case ErrorKind::invalid_binary: return ERRCODE_INVALID_BINARY_REPRESENTATION;
        case ErrorKind::invalid_argument: return ERRCODE_INVALID_PARAMETER_VALUE;
    }
    return ERRCODE_INTERNAL_ERROR;
}

void raise_failure(const CoreFailure& failure) {
    if (failure.hint[0] != '\0')
        ereport(ERROR, (errcode(failure.sqlstate), errmsg("%s", failure.message), errhint("%s", failure.hint)));
    ereport(ERROR, (errcode(failure.sqlstate), errmsg("%s", failure.message)));
    pg_unreachable();
}

holdings::CurrencyCode currency_argument(text* code) {
    holdings::CurrencyCode c = 0;
    if (!holdings::lookup_currency(VARDATA_ANY(code), VARSIZE_ANY_EXHDR(code), &c)) {
        ereport(ERROR, (errcode(kUnknownCurrency),
                        errmsg("unknown currency code \"%s\"", text_to_cstring(code)),
                        errhint("Use an ISO 4217 alphabetic code such as USD, EUR or JPY.")));
    }
    return c;
}

Datum amount_to_numeric(holdings::int128 raw, int min_fraction_digits) {
    char buf[holdings::kMaxTextLength];
    std::size_t n = holdings::format_amount(raw, min_fraction_digits, buf);
    buf[n] = '\0';
    return DirectFunctionCall3(numeric_in, CStringGetDatum(buf), ObjectIdGetDatum(InvalidOid),
                               Int32GetDatum(-1));
}

MemoryContext aggregate_context(FunctionCallInfo fcinfo, const char* name) {
    MemoryContext context;
    if (!AggCheckCallContext(fcinfo, &context))
        elog(ERROR, "%s called in non-aggregate context", name);
    return context;
}

void message_of(bytea* bytes, StringInfoData* buf) {
    buf->data = VARDATA_ANY(bytes);
    buf->len = static_cast<int>(VARSIZE_ANY_EXHDR(bytes));
    buf->maxlen = buf->len;
    buf->cursor = 0;
}

char* numeric_text(Datum numeric) {
    return DatumGetCString(DirectFunctionCall1(numeric_out, numeric));
}

}  // namespace holdings_pg
