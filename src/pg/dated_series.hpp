// The state of the aggregates that keep one item per distinct date (the
// FX-adjusted aggregates, flow_decompose): the positions' and the report
// currency and a growable array of dated items in the aggregate context.
// Item is a core struct with a `date` and a holdings::merge_same_date overload.
#pragma once

#include "glue.hpp"

#include "fx_cache.hpp"
#include "state_codec.hpp"

namespace holdings_pg {

template <typename Item>
struct DatedSeries {
    holdings::CurrencyCode currency;
    holdings::CurrencyCode report;
    uint32 count;
    uint32 capacity;
    Item* items;
    uint32 sorted;  // items[0, sorted) are ascending and distinct (set by compact)
    uint32 hint;    // where find_dated last found a date of the sorted prefix
};

constexpr uint32 kInitialCapacity = 16;

template <typename Item>
DatedSeries<Item>* new_dated_series(MemoryContext context, holdings::CurrencyCode currency,
                                    holdings::CurrencyCode report, uint32 capacity) {
    auto* s = static_cast<DatedSeries<Item>*>(MemoryContextAlloc(context, sizeof(DatedSeries<Item>)));
    s->currency = currency;
    s->report = report;
    s->count = 0;
    s->sorted = 0;
    s->hint = 0;
    s->capacity = capacity < kInitialCapacity ? kInitialCapacity : capacity;
    s->items = static_cast<Item*>(MemoryContextAlloc(context, sizeof(Item) * s->capacity));
    return s;
}

// Sorts by date and merges the items of one date.
template <typename Item>
void compact(DatedSeries<Item>* s) {
    std::size_t n = 0;
    run_core([&] { n = holdings::compact_dated(s->items, s->count); });
    s->count = static_cast<uint32>(n);
    s->sorted = s->count;
}

// The item of `day` if the state already has one where it can be found without
// sorting: the last item, or one of the sorted prefix (the one after the
// previous hit, else a binary search). Rows of a group that cycle through the
// same dates, in order or not, then merge in place and the state never grows or
// sorts.
template <typename Item>
Item* find_dated(DatedSeries<Item>* s, holdings::Day day) {
    if (s->count == 0) return nullptr;
    Item* last = &s->items[s->count - 1];
    if (last->date == day) return last;
    uint32 n = s->sorted;
    if (n == 0 || day > s->items[n - 1].date) return nullptr;
    uint32 next = s->hint + 1;
    if (next < n && s->items[next].date == day) {
        s->hint = next;
        return &s->items[next];
    }
    uint32 lo = 0, hi = n;
    while (lo < hi) {
        uint32 mid = lo + (hi - lo) / 2;
        if (s->items[mid].date < day) lo = mid + 1; else hi = mid;
    }
    if (lo == n || s->items[lo].date != day) return nullptr;
    s->hint = lo;
    return &s->items[lo];
}

// Appends an item of a date the state has no item for (see find_dated).
template <typename Item>
void append_dated(DatedSeries<Item>* s, const Item& item) {
    reserve(s, 1);
    bool in_order = s->sorted == s->count && (s->count == 0 || s->items[s->count - 1].date < item.date);
    s->items[s->count++] = item;
    if (in_order) s->sorted = s->count;
}

// Room for `extra` more items. Compacting first keeps memory proportional to
// the number of distinct dates; the array doubles only when that is not enough.
template <typename Item>
void reserve(DatedSeries<Item>* s, uint32 extra) {
    if (s->count + extra <= s->capacity) return;
    compact(s);
    uint32 needed = s->count + extra;
    if (needed <= s->capacity && s->count * 2 <= s->capacity) return;
    uint32 capacity = s->capacity;
    while (capacity < needed || s->count * 2 > capacity) {
        if (capacity > (1u << 30)) ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                                                   errmsg("too many dates in one group")));
        capacity *= 2;
    }
    s->items = static_cast<Item*>(repalloc(s->items, sizeof(Item) * capacity));
    s->capacity = capacity;
}

// Appends the items of `other` (a partial state of the same group) and
// compacts: the combine step.
template <typename Item>
void append_series(DatedSeries<Item>* into, const DatedSeries<Item>* other) {
    reserve(into, other->count);
    memcpy(into->items + into->count, other->items, sizeof(Item) * other->count);
    into->count += other->count;
    compact(into);
}

// Whether a text argument names `code` (case-insensitively), without a table
// lookup: the per-row check of the report currency.
inline bool same_code(text* t, holdings::CurrencyCode code) {
    if (VARSIZE_ANY_EXHDR(t) != 3) return false;
    const char* c = VARDATA_ANY(t);
    // Clearing bit 5 upper-cases letters; code's letters are A-Z, so only a
    // letter can match one.
    return holdings::pack_code(static_cast<char>(c[0] & 0xDF), static_cast<char>(c[1] & 0xDF),
                               static_cast<char>(c[2] & 0xDF)) == code;
}

// The report currency of an aggregate's row: never NULL (22004).
inline void check_report_not_null(FunctionCallInfo fcinfo, int n) {
    if (PG_ARGISNULL(n))
        ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("report currency must not be null")));
}

// The report currency stays the same for every row and partial state of a group (22023).
inline void check_same_report(bool same, const char* what = "report currency") {
    if (!same)
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("%s must be the same for every row of a group", what)));
}

// Every row and partial state of a group shares the positions' currency
// (22U01) and the report currency.
template <typename Item>
void check_group(const DatedSeries<Item>* s, holdings::CurrencyCode currency, bool same_report) {
    if (currency != s->currency) {
        holdings::CurrencyCode a = s->currency, b = currency;
        run_core([&] { holdings::fail_currency_mismatch(a, b); });
    }
    check_same_report(same_report);
}

// The combine step of an aggregate whose state is a DatedSeries: the NULL
// cases, the group checks, then the items of `other` appended and compacted.
template <typename Item>
Datum combine_dated(FunctionCallInfo fcinfo, const char* name) {
    MemoryContext context = aggregate_context(fcinfo, name);
    auto* into = state_arg<DatedSeries<Item>>(fcinfo, 0);
    auto* other = state_arg<DatedSeries<Item>>(fcinfo, 1);
    if (other == nullptr) {
        if (into == nullptr) PG_RETURN_NULL();
        PG_RETURN_POINTER(into);
    }
    if (into == nullptr) into = new_dated_series<Item>(context, other->currency, other->report, other->count);
    check_group(into, other->currency, into->report == other->report);
    append_series(into, other);
    PG_RETURN_POINTER(into);
}

// The serial step of a DatedSeries state: compacted, then the positions' and
// the report currency and the item count (4 bytes each), then each item as the
// core encodes it (state_codec: encode_fixed), dates ascending.
template <typename Item>
Datum serialize_dated(FunctionCallInfo fcinfo, const char* name) {
    auto* s = reinterpret_cast<DatedSeries<Item>*>(PG_GETARG_POINTER(0));
    compact(s);
    return serialized_state(fcinfo, name, [s](StringInfo buf) {
        pq_sendint32(buf, s->currency);
        pq_sendint32(buf, s->report);
        pq_sendint32(buf, s->count);
        for (uint32 i = 0; i < s->count; ++i) {
            unsigned char item[holdings::kEncodedBytes<Item>];
            holdings::encode_fixed(s->items[i], item);
            pq_sendbytes(buf, reinterpret_cast<const char*>(item), sizeof item);
        }
    });
}

// The deserial step of a DatedSeries state: the core checks the header
// (currencies, count, exact length) before its count sizes the allocation,
// then decodes and checks every item (dates strictly ascending, so the state
// is sorted).
template <typename Item>
Datum deserialize_dated(FunctionCallInfo fcinfo, const char* name) {
    MemoryContext context = aggregate_context(fcinfo, name);
    StateBytes in = state_bytes(fcinfo);
    const unsigned char* data = in.data;
    std::size_t len = in.len;
    holdings::LevelsHeader header{};
    run_core([&] { header = holdings::decode_dated_header<Item>(data, len); });
    DatedSeries<Item>* s = new_dated_series<Item>(context, header.currency, header.report, header.count);
    Item* items = s->items;
    run_core([&] { holdings::decode_dated_items(data, header, items); });
    s->count = s->sorted = header.count;
    PG_RETURN_POINTER(s);
}

// The combine, serial and deserial functions of an aggregate whose state is
// a DatedSeries<Item>: holdings_<prefix>_combine, holdings_<prefix>_serialize
// and holdings_<prefix>_deserialize (named "<prefix>_combine", ... in their
// errors). Used at file scope, followed by a semicolon.
#define HOLDINGS_DATED_STATE_FUNCTIONS(prefix, Item)                                         \
    extern "C" {                                                                           \
    PG_FUNCTION_INFO_V1(holdings_##prefix##_combine);                                      \
    PG_FUNCTION_INFO_V1(holdings_##prefix##_serialize);                                    \
    PG_FUNCTION_INFO_V1(holdings_##prefix##_deserialize);                                  \
    Datum holdings_##prefix##_combine(PG_FUNCTION_ARGS) {                                  \
        return holdings_pg::combine_dated<Item>(fcinfo, #prefix "_combine");               \
    }                                                                                      \
    Datum holdings_##prefix##_serialize(PG_FUNCTION_ARGS) {                                \
        return holdings_pg::serialize_dated<Item>(fcinfo, #prefix "_serialize");           \
    }                                                                                      \
    Datum holdings_##prefix##_deserialize(PG_FUNCTION_ARGS) {                              \
        return holdings_pg::deserialize_dated<Item>(fcinfo, #prefix "_deserialize");       \
    }                                                                                      \
    }                                                                                      \
    static_assert(true, "")

// The final step: compacts the state and values it in the report currency at
// the rates it needs (none when the positions are in the report currency),
// with decompose(items, count, currency, report, rates) from the core.
template <typename Result, typename Item, typename Decompose>
Result decompose_state(DatedSeries<Item>* s, Decompose decompose) {
    compact(s);
    const holdings::RateTable& rates = rates_for(s->currency, s->report);
    Result r{};
    run_core([&] { r = decompose(s->items, s->count, s->currency, s->report, rates); });
    return r;
}

}  // namespace holdings_pg
