// The in-memory rate sets, correct under MVCC.
//
// Design (docs/development.md, "The rate cache"):
//
// - Every write to holdings.fx_rate (INSERT, UPDATE, DELETE, TRUNCATE, COPY, a
//   logical-replication apply: the triggers are ENABLE ALWAYS) runs the statement
//   trigger fx_rate_changed, which rewrites the single row of
//   holdings.fx_rate_version in the same transaction (an UPDATE always makes a
//   new row version). Writers serialize on that row, so its versions are
//   totally ordered by commit, and a snapshot that sees row version
//   (xmin, ctid) sees exactly the fx_rate writes of that version and of all
//   before it: the pair names the content of fx_rate the snapshot sees. A row
//   version is unique by (raw xmin, ctid): the statements of one transaction
//   leave versions at different ctids (none can be pruned while it runs), and
//   other transactions, committed or rolled back, have other xids. The row's
//   content never changes, so every database has the same row.
// - A cached rate set is keyed by (name, version) and, when row-level security
//   applies to the reader, by role and snapshot too. For each new snapshot the
//   version is read once (an SPI query on a one-row table, under that
//   snapshot); every call under the same snapshot reuses it. So a statement
//   always uses the rates its own snapshot sees: REPEATABLE READ keeps its
//   rates, READ COMMITTED sees a commit at the next statement, and parallel
//   workers, which run under the leader's snapshot, read the same version and
//   so use the same rates. No invalidation message is needed (the old race,
//   an invalidation consumed during a load and then overwritten, cannot occur).
// - Privileges: every call under a new snapshot or role checks SELECT on
//   fx_rate as a direct read would (and check_enable_rls); with RLS the load
//   runs as the caller and the entry is private to that role and snapshot.
// - Up to kMaxEntries sets (any name length) and kMaxCachedRates rates in all
//   are kept, least recently used dropped first; each set in its own memory
//   context under TopMemoryContext.
// - Without fx_rate_version (a database still on 0.1.0 running this library)
//   an entry is valid for its snapshot only: correct, just slower.
#include "fx_cache.hpp"

#include <algorithm>
#include <cstring>

extern "C" {
#include "access/xact.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/acl.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
}

using holdings::CurrencyCode;
using holdings::Day;
using holdings::Rate;
using holdings::RateSeries;
using holdings::RateTable;

extern "C" {
PG_FUNCTION_INFO_V1(holdings_fx_rate_valid);
}

namespace holdings_pg {
namespace {

char* rate_set_setting = nullptr;

constexpr int kMaxEntries = 8;
constexpr std::size_t kMaxCachedRates = 4000000;  // about 128 MB in all

struct Version {
    TransactionId xmin;   // raw xmin of the row version (kept when frozen)
    ItemPointerData tid;  // its ctid
    bool known;           // false: no fx_rate_version table (entries are per snapshot)
};

// A rate set as one snapshot's version sees it. Currencies are loaded when a
// call first asks for them (a few hundred rows each, through the primary key),
// not the whole set at once: a new connection pays for what its query uses.
struct Entry {
    MemoryContext context;  // nullptr: free slot
    char* name;             // in context, any length
    Version version;
    Oid user;                 // InvalidOid unless row-level security applied to the load
    uint64 snapshot_serial;   // 0 unless the entry is valid for one snapshot only
    uint64 last_used;
    std::size_t rates;        // rates held, for the cache's bound
    bool all_loaded;          // every currency of the set is loaded
    uint32 asked;             // currencies loaded so far (with or without rates)
    CurrencyCode* asked_codes;  // [currency_count()], ascending
    RateSeries* series;         // [currency_count()], ascending; table.series points here
    RateTable table;
};

Entry entries[kMaxEntries];
uint64 use_clock = 0;

// What is known about the snapshot of the last call.
struct SnapshotMemo {
    bool valid;
    LocalTransactionId lxid;
    Oid user;
    TransactionId xmin, xmax;
    CommandId curcid;
    uint32 xcnt;
    int32 subxcnt;
    bool suboverflowed;
    uint64 completion;
    TransactionId* xip;  // xcnt, then subxcnt ids, in memo_context
    uint32 capacity;
    uint64 serial;  // increases with every new snapshot seen
    Version version;
    bool rls;  // row-level security applies to this user's read of fx_rate
    Oid fx_rate;
};

SnapshotMemo memo = {};
MemoryContext memo_context = nullptr;
SPIPlanPtr version_plan = nullptr;

void forget_snapshot() { memo.valid = false; }

// Transaction ends, subtransaction aborts and relcache invalidations of our
// tables only make the next call look at its snapshot again (cheap); they
// never decide validity on their own.
void on_xact(XactEvent, void*) { forget_snapshot(); }
void on_subxact(SubXactEvent event, SubTransactionId, SubTransactionId, void*) {
    // Rolling back a subtransaction can hide a version the same snapshot saw.
    if (event == SUBXACT_EVENT_ABORT_SUB) forget_snapshot();
}
void on_relcache(Datum, Oid) { forget_snapshot(); }

bool same_snapshot(Snapshot s) {
    if (!memo.valid || memo.lxid != MyProc->lxid || memo.user != GetUserId() || memo.xmin != s->xmin ||
        memo.xmax != s->xmax || memo.curcid != s->curcid || memo.xcnt != s->xcnt ||
        memo.subxcnt != s->subxcnt || memo.suboverflowed != s->suboverflowed ||
        memo.completion != s->snapXactCompletionCount)
        return false;
    if (s->xcnt > 0 && memcmp(memo.xip, s->xip, sizeof(TransactionId) * s->xcnt) != 0) return false;
    if (s->subxcnt > 0 && memcmp(memo.xip + s->xcnt, s->subxip, sizeof(TransactionId) * s->subxcnt) != 0)
        return false;
    return true;
}

void remember_snapshot(Snapshot s) {
    if (memo_context == nullptr)
        memo_context = AllocSetContextCreate(TopMemoryContext, "holdings rate cache snapshot", ALLOCSET_SMALL_SIZES);
    uint32 needed = s->xcnt + static_cast<uint32>(s->subxcnt > 0 ? s->subxcnt : 0);
    if (needed > memo.capacity) {
        memo.xip = static_cast<TransactionId*>(MemoryContextAlloc(memo_context, sizeof(TransactionId) * needed));
        memo.capacity = needed;
    }
    if (s->xcnt > 0) memcpy(memo.xip, s->xip, sizeof(TransactionId) * s->xcnt);
    if (s->subxcnt > 0) memcpy(memo.xip + s->xcnt, s->subxip, sizeof(TransactionId) * s->subxcnt);
    memo.lxid = MyProc->lxid;
    memo.user = GetUserId();
    memo.xmin = s->xmin;
    memo.xmax = s->xmax;
    memo.curcid = s->curcid;
    memo.xcnt = s->xcnt;
    memo.subxcnt = s->subxcnt;
    memo.suboverflowed = s->suboverflowed;
    memo.completion = s->snapXactCompletionCount;
    ++memo.serial;
}

Oid fx_rate_relid() {
    Oid schema = get_namespace_oid("holdings", true);
    Oid relid = OidIsValid(schema) ? get_relname_relid("fx_rate", schema) : InvalidOid;
    if (!OidIsValid(relid))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE), errmsg("table holdings.fx_rate is missing")));
    return relid;
}

// SELECT on the columns a lookup reads, as a direct read of fx_rate checks it.
void check_privileges(Oid relid) {
    Oid user = GetUserId();
    if (pg_class_aclcheck(relid, user, ACL_SELECT) == ACLCHECK_OK) return;
    static const char* kColumns[] = {"rate_set", "currency", "as_of", "per_usd"};
    for (const char* column : kColumns) {
        AttrNumber attnum = get_attnum(relid, column);
        if (attnum == InvalidAttrNumber || pg_attribute_aclcheck(relid, attnum, user, ACL_SELECT) != ACLCHECK_OK)
            aclcheck_error(ACLCHECK_NO_PRIV, OBJECT_TABLE, "fx_rate");
    }
}

// The version of fx_rate this snapshot sees (SPI connected by the caller).
Version read_version() {
    Version v{};
    v.xmin = InvalidTransactionId;
    v.known = false;
    Oid schema = get_namespace_oid("holdings", true);
    if (!OidIsValid(schema) || !OidIsValid(get_relname_relid("fx_rate_version", schema))) return v;
    if (version_plan == nullptr) {
        SPIPlanPtr plan = SPI_prepare("SELECT v.xmin, v.ctid FROM holdings.fx_rate_version v", 0, nullptr);
        if (plan == nullptr) elog(ERROR, "could not prepare the fx_rate_version query");
        if (SPI_keepplan(plan) != 0) elog(ERROR, "SPI_keepplan failed");
        version_plan = plan;
    }
    if (SPI_execute_plan(version_plan, nullptr, nullptr, true, 2) != SPI_OK_SELECT)
        elog(ERROR, "could not read holdings.fx_rate_version");
    if (SPI_processed != 1)
        ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
                        errmsg("holdings.fx_rate_version must have exactly one row, it has %llu",
                               static_cast<unsigned long long>(SPI_processed))));
    bool isnull = false;
    v.xmin = DatumGetTransactionId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
    auto tid = reinterpret_cast<ItemPointer>(
        DatumGetPointer(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull)));
    ItemPointerCopy(tid, &v.tid);
    v.known = true;
    return v;
}

void drop_entry(Entry& e) {
    if (e.context != nullptr) MemoryContextDelete(e.context);
    e = Entry{};
}

// Frees a slot (and room for `rates` more), dropping least recently used sets.
Entry& free_slot(std::size_t rates) {
    for (;;) {
        std::size_t total = 0, used = 0;
        Entry* oldest = nullptr;
        Entry* empty = nullptr;
        for (Entry& e : entries) {
            if (e.context == nullptr) {
                if (empty == nullptr) empty = &e;
                continue;
            }
            ++used;
            total += e.rates;
            if (oldest == nullptr || e.last_used < oldest->last_used) oldest = &e;
        }
        if (empty != nullptr && (total + rates <= kMaxCachedRates || used == 0)) return *empty;
        drop_entry(*oldest);
    }
}

const char kSetQuery[] =
    "SELECT s.max_gap_days FROM holdings.rate_set s WHERE s.name OPERATOR(pg_catalog.=) $1";
const char kAnyRateQuery[] =
    "SELECT 1 FROM holdings.fx_rate r WHERE r.rate_set OPERATOR(pg_catalog.=) $1 LIMIT 1";
const char kSetListQuery[] =
    "SELECT pg_catalog.string_agg(pg_catalog.quote_literal(n), ', ' ORDER BY n COLLATE pg_catalog.\"C\") FROM ("
    " SELECT s.name FROM holdings.rate_set s UNION SELECT DISTINCT r.rate_set FROM holdings.fx_rate r) AS t (n)";
// The set's largest gap (negative: no limit); an error if the set does not exist.
int32 set_tolerance(const char* name) {
    Oid arg_type = TEXTOID;
    Datum arg = CStringGetTextDatum(name);
    Oid schema = get_namespace_oid("holdings", false);
    bool has_table = OidIsValid(get_relname_relid("rate_set", schema));
    if (has_table) {
        if (SPI_execute_with_args(kSetQuery, 1, &arg_type, &arg, nullptr, true, 1) != SPI_OK_SELECT)
            elog(ERROR, "could not read holdings.rate_set");
        if (SPI_processed == 1) {
            bool isnull = false;
            Datum d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
            return isnull ? -1 : DatumGetInt32(d);
        }
    }
    // A set of one's own needs no rate_set row: rates alone make it exist.
    if (SPI_execute_with_args(kAnyRateQuery, 1, &arg_type, &arg, nullptr, true, 1) != SPI_OK_SELECT)
        elog(ERROR, "could not read holdings.fx_rate");
    if (SPI_processed == 1) return -1;
    const char* list = "none";
    if (has_table && SPI_execute(kSetListQuery, true, 1) == SPI_OK_SELECT && SPI_processed == 1) {
        char* v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
        if (v != nullptr) list = v;
    }
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("rate set \"%s\" does not exist", name),
                    errdetail("The rate sets are: %s.", list),
                    errhint("Set holdings.rate_set to one of them (names are case-sensitive), or add a row to "
                            "holdings.rate_set and its rates to holdings.fx_rate.")));
    return -1;
}

const char kLoadQuery[] =
    "SELECT r.currency, r.as_of, r.per_usd::pg_catalog.text FROM holdings.fx_rate r "
    "WHERE r.rate_set OPERATOR(pg_catalog.=) $1 "
    "ORDER BY r.currency COLLATE pg_catalog.\"C\", r.as_of";
// One currency's rates: a range of the primary key (rate_set, currency, as_of).
// Codes are matched exactly, upper case, as holdings.currency (the foreign key
// of fx_rate.currency) lists them.
const char kCurrencyQuery[] =
    "SELECT r.currency, r.as_of, r.per_usd::pg_catalog.text FROM holdings.fx_rate r "
    "WHERE r.rate_set OPERATOR(pg_catalog.=) $1 AND r.currency OPERATOR(pg_catalog.=) $2 "
    "ORDER BY r.as_of";
SPIPlanPtr currency_plan = nullptr;

// Rates a query returned (SPI connected), as series of consecutive rows of one
// currency, in the SPI context (freed by SPI_finish).
struct ReadRates {
    Day* dates;
    Rate* rates;
    RateSeries* series;
    std::size_t kept, series_count;
};

ReadRates read_rates(const char* name) {
    std::size_t rows = SPI_processed;
    if (rows > kMaxCachedRates)
        ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                        errmsg("rate set \"%s\" has %zu rates, more than the %zu the cache holds", name, rows,
                               kMaxCachedRates)));
    ReadRates r{};
    r.dates = static_cast<Day*>(palloc(sizeof(Day) * (rows + 1)));
    r.rates = static_cast<Rate*>(palloc(sizeof(Rate) * (rows + 1)));
    r.series = static_cast<RateSeries*>(palloc(sizeof(RateSeries) * (rows + 1)));
    TupleDesc desc = SPI_tuptable->tupdesc;
    for (std::size_t i = 0; i < rows; ++i) {
        if ((i & 8191) == 0) CHECK_FOR_INTERRUPTS();
        HeapTuple tuple = SPI_tuptable->vals[i];
        char* code_text = SPI_getvalue(tuple, desc, 1);
        CurrencyCode code = 0;
        // A code the type does not know can never be asked for: skip it.
        if (code_text == nullptr || !holdings::lookup_currency(code_text, strlen(code_text), &code)) continue;
        bool is_null = false;
        Day day = DatumGetDateADT(SPI_getbinval(tuple, desc, 2, &is_null));
        char* rate_text = SPI_getvalue(tuple, desc, 3);
        std::size_t rate_len = strlen(rate_text);
        Rate rate;
        run_core([&] { rate = holdings::parse_rate(rate_text, rate_len); });
        if (r.series_count == 0 || r.series[r.series_count - 1].currency != code)
            r.series[r.series_count++] = RateSeries{code, r.dates + r.kept, r.rates + r.kept, 0};
        r.dates[r.kept] = day;
        r.rates[r.kept] = rate;
        ++r.kept;
        ++r.series[r.series_count - 1].count;
    }
    return r;
}

// Makes room for `rates` more rates in `keep` by dropping other sets, least
// recently used first; an error if the set alone would pass the bound.
void make_room(const Entry& keep, std::size_t rates) {
    for (;;) {
        std::size_t total = 0;
        Entry* oldest = nullptr;
        for (Entry& e : entries) {
            if (e.context == nullptr) continue;
            total += e.rates;
            if (&e != &keep && (oldest == nullptr || e.last_used < oldest->last_used)) oldest = &e;
        }
        if (total + rates <= kMaxCachedRates) return;
        if (oldest == nullptr)
            ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                            errmsg("rate set \"%s\" has more than the %zu rates the cache holds", keep.name,
                                   kMaxCachedRates)));
        drop_entry(*oldest);
    }
}

// Makes `e` the entry of a complete context: the name copied into it, the
// context moved under TopMemoryContext (until then an error frees it).
void adopt(Entry& e, MemoryContext context, const char* name, const Version& version, Oid user,
           uint64 snapshot_serial, RateSeries* series, std::size_t series_count, int32 max_gap) {
    char* stored_name = MemoryContextStrdup(context, name);
    MemoryContextSetParent(context, TopMemoryContext);
    e = Entry{};
    e.context = context;
    e.name = stored_name;
    e.version = version;
    e.user = user;
    e.snapshot_serial = snapshot_serial;
    e.series = series;
    e.last_used = ++use_clock;
    e.table = RateTable{stored_name, series, series_count};
    e.table.max_gap_days = max_gap;
}

// A new entry with the set's tolerance and no currency loaded yet, built in a
// context under the current one and moved under TopMemoryContext when complete.
void start_entry(Entry& e, const char* name, const Version& version, Oid user, uint64 snapshot_serial) {
    int32 max_gap = set_tolerance(name);
    std::size_t capacity = holdings::currency_count();
    MemoryContext context = AllocSetContextCreate(CurrentMemoryContext, "holdings rate set", ALLOCSET_SMALL_SIZES);
    auto* codes = static_cast<CurrencyCode*>(MemoryContextAlloc(context, sizeof(CurrencyCode) * capacity));
    auto* series = static_cast<RateSeries*>(MemoryContextAlloc(context, sizeof(RateSeries) * capacity));
    adopt(e, context, name, version, user, snapshot_serial, series, 0, max_gap);
    e.asked_codes = codes;
}

// Whether the entry has loaded a currency (USD needs no rates).
bool has_currency(const Entry& e, CurrencyCode code) {
    if (e.all_loaded || code == holdings::pack_code('U', 'S', 'D')) return true;
    const CurrencyCode* begin = e.asked_codes;
    const CurrencyCode* end = begin + e.asked;
    const CurrencyCode* it = std::lower_bound(begin, end, code);
    return it != end && *it == code;
}

// Loads one currency's rates into the entry (SPI connected), under the same
// snapshot version as the rest of the entry, hence the same content of fx_rate.
// The entry changes only once everything is read and copied: an error leaves
// it as it was (a copy made before the error stays in its context, freed with it).
void load_currency(Entry& e, CurrencyCode code) {
    if (currency_plan == nullptr) {
        Oid types[2] = {TEXTOID, TEXTOID};
        SPIPlanPtr plan = SPI_prepare(kCurrencyQuery, 2, types);
        if (plan == nullptr) elog(ERROR, "could not prepare the fx_rate query");
        if (SPI_keepplan(plan) != 0) elog(ERROR, "SPI_keepplan failed");
        currency_plan = plan;
    }
    char letters[4];
    holdings::unpack_code(code, letters);
    Datum args[2] = {CStringGetTextDatum(e.name), CStringGetTextDatum(letters)};
    if (SPI_execute_plan(currency_plan, args, nullptr, true, 0) != SPI_OK_SELECT)
        elog(ERROR, "could not read holdings.fx_rate");
    ReadRates read = read_rates(e.name);
    Day* dates = nullptr;
    Rate* rates = nullptr;
    if (read.kept > 0) {
        make_room(e, read.kept);
        dates = static_cast<Day*>(MemoryContextAlloc(e.context, sizeof(Day) * read.kept));
        rates = static_cast<Rate*>(MemoryContextAlloc(e.context, sizeof(Rate) * read.kept));
        memcpy(dates, read.dates, sizeof(Day) * read.kept);
        memcpy(rates, read.rates, sizeof(Rate) * read.kept);
    }
    // Nothing below can fail.
    CurrencyCode* codes_end = e.asked_codes + e.asked;
    CurrencyCode* at = std::lower_bound(e.asked_codes, codes_end, code);
    memmove(at + 1, at, sizeof(CurrencyCode) * static_cast<std::size_t>(codes_end - at));
    *at = code;
    ++e.asked;
    if (read.kept > 0) {
        RateSeries* series_end = e.series + e.table.count;
        RateSeries* slot = std::lower_bound(e.series, series_end, code,
                                            [](const RateSeries& s, CurrencyCode c) { return s.currency < c; });
        memmove(slot + 1, slot, sizeof(RateSeries) * static_cast<std::size_t>(series_end - slot));
        *slot = RateSeries{code, dates, rates, read.kept};
        ++e.table.count;
        e.rates += read.kept;
    }
}

// Loads every currency of the set into a fresh entry (one query).
void load_all(Entry& e, const char* name, const Version& version, Oid user, uint64 snapshot_serial) {
    int32 max_gap = set_tolerance(name);
    Oid arg_type = TEXTOID;
    Datum arg = CStringGetTextDatum(name);
    if (SPI_execute_with_args(kLoadQuery, 1, &arg_type, &arg, nullptr, true, 0) != SPI_OK_SELECT)
        elog(ERROR, "could not read holdings.fx_rate");
    ReadRates read = read_rates(name);
    MemoryContext context = AllocSetContextCreate(CurrentMemoryContext, "holdings rate set", ALLOCSET_DEFAULT_SIZES);
    auto* dates = static_cast<Day*>(MemoryContextAlloc(context, sizeof(Day) * (read.kept + 1)));
    auto* rates = static_cast<Rate*>(MemoryContextAlloc(context, sizeof(Rate) * (read.kept + 1)));
    auto* series =
        static_cast<RateSeries*>(MemoryContextAlloc(context, sizeof(RateSeries) * (read.series_count + 1)));
    memcpy(dates, read.dates, sizeof(Day) * read.kept);
    memcpy(rates, read.rates, sizeof(Rate) * read.kept);
    for (std::size_t i = 0; i < read.series_count; ++i) {
        std::size_t offset = static_cast<std::size_t>(read.series[i].dates - read.dates);
        series[i] = RateSeries{read.series[i].currency, dates + offset, rates + offset, read.series[i].count};
    }
    adopt(e, context, name, version, user, snapshot_serial, series, read.series_count, max_gap);
    e.rates = read.kept;
    e.all_loaded = true;
}

Entry* find_entry(const char* name) {
    Oid user = memo.rls ? GetUserId() : InvalidOid;
    for (Entry& e : entries) {
        if (e.context == nullptr || strcmp(e.name, name) != 0 || e.user != user) continue;
        if (!memo.version.known || e.snapshot_serial != 0) {
            if (e.snapshot_serial != memo.serial) continue;
        } else if (!e.version.known || e.version.xmin != memo.version.xmin ||
                   !ItemPointerEquals(&e.version.tid, &memo.version.tid)) {
            continue;
        }
        return &e;
    }
    return nullptr;
}

// The set named by holdings.rate_set as this statement's snapshot sees it, with
// the currencies codes[0, n) loaded (n < 0: every currency).
const RateTable& rate_table(const CurrencyCode* codes, int n) {
    const char* name = rate_set_setting != nullptr ? rate_set_setting : "fed-monthly";
    bool pushed = false;
    if (!ActiveSnapshotSet()) {
        PushActiveSnapshot(GetTransactionSnapshot());
        pushed = true;
    }
    Snapshot snapshot = GetActiveSnapshot();
    bool connected = false;
    if (!same_snapshot(snapshot)) {
        memo.valid = false;
        Oid relid = fx_rate_relid();
        check_privileges(relid);
        // As a direct read: an error if policies apply and row_security is off.
        bool rls = check_enable_rls(relid, InvalidOid, false) == RLS_ENABLED;
        if (SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
        connected = true;
        Version version = read_version();
        remember_snapshot(snapshot);
        memo.version = version;
        memo.rls = rls;
        memo.fx_rate = relid;
        memo.valid = true;
    }
    Oid user = memo.rls ? GetUserId() : InvalidOid;
    Entry* e = find_entry(name);
    if (e != nullptr && n < 0 && !e->all_loaded) {
        drop_entry(*e);  // every currency asked for: one query for the whole set
        e = nullptr;
    }
    if (e == nullptr) {
        if (!connected && SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
        connected = true;
        bool per_snapshot = memo.rls || !memo.version.known;
        // Entries of the same name and user for an older version are dropped first.
        for (Entry& old : entries)
            if (old.context != nullptr && strcmp(old.name, name) == 0 && old.user == user) drop_entry(old);
        Entry fresh{};
        if (n < 0)
            load_all(fresh, name, memo.version, user, per_snapshot ? memo.serial : 0);
        else
            start_entry(fresh, name, memo.version, user, per_snapshot ? memo.serial : 0);
        Entry& slot = free_slot(fresh.rates);
        slot = fresh;
        e = &slot;
    }
    e->last_used = ++use_clock;
    for (int i = 0; i < n; ++i) {
        if (has_currency(*e, codes[i])) continue;
        if (!connected && SPI_connect() != SPI_OK_CONNECT) elog(ERROR, "SPI_connect failed");
        connected = true;
        load_currency(*e, codes[i]);
    }
    if (connected) SPI_finish();
    if (pushed) PopActiveSnapshot();
    return e->table;
}

}  // namespace

const RateTable& current_rate_table() { return rate_table(nullptr, -1); }

const RateTable& current_rate_table(CurrencyCode a, CurrencyCode b) {
    CurrencyCode codes[2] = {a, b};
    return rate_table(codes, a == b ? 1 : 2);
}

const RateTable& rates_for(CurrencyCode from, CurrencyCode to) {
    static const RateTable kNoRates{"", nullptr, 0};
    return from == to ? kNoRates : current_rate_table(from, to);
}

void register_rate_cache() {
    DefineCustomStringVariable(
        "holdings.rate_set", "Rate set used by the FX functions and aggregates.",
        "A name in holdings.rate_set (fed-monthly, ecb-daily) or a rate_set value of holdings.fx_rate; "
        "an unknown name is an error at the first lookup.",
        &rate_set_setting, "fed-monthly", PGC_USERSET, 0, nullptr, nullptr, nullptr);
#if PG_VERSION_NUM >= 150000
    MarkGUCPrefixReserved("holdings");
#else
    EmitWarningsOnPlaceholders("holdings");
#endif
    CacheRegisterRelcacheCallback(on_relcache, (Datum)0);
    RegisterXactCallback(on_xact, nullptr);
    RegisterSubXactCallback(on_subxact, nullptr);
}

}  // namespace holdings_pg

// fx_rate_valid(per_usd): true for a rate the core can hold (positive, finite,
// at most 38 significant and 38 fractional digits); otherwise an error saying why.
extern "C" Datum holdings_fx_rate_valid(PG_FUNCTION_ARGS) {
    char* text = holdings_pg::numeric_text(PG_GETARG_DATUM(0));
    std::size_t len = strlen(text);
    holdings_pg::run_core([&] { holdings::parse_rate(text, len); });
    PG_RETURN_BOOL(true);
}
