"""psycopg2 against the holdings extension: literals interpolated by the
client, a typecaster for holding, COPY text and binary through copy_expert."""
import io
from collections import namedtuple
from decimal import Decimal

import psycopg2
import psycopg2.extensions
import psycopg2.extras

from clientcheck import (AGG_WHERE, DB, DECOMPOSE, DECOMPOSE_SQL, HOST, JP_2025, LARGEST_ECB, PASSWORD,
                         PORT, POSITIONS, SUMS, USER, VIEW_COLUMNS, VIEW_NUMERICS, VIEWS, Checks,
                         copy_binary_fields, copy_binary_stream, decode_holding, encode_holding, eq)

check = Checks("psycopg2")
DSN = "host=%s port=%s dbname=%s user=%s password=%s" % (HOST, PORT, DB, USER, PASSWORD)
plain = psycopg2.connect(DSN)
plain.autocommit = True
conn = psycopg2.connect(DSN)
conn.autocommit = True

# The psycopg2 adapter of docs/bi-and-etl.md: holding <-> Holding(amount, currency).
Holding = namedtuple("Holding", "amount currency")


def cast_holding(value, cur):
    if value is None:
        return None
    amount, code = value.rsplit(" ", 1)
    return Holding(Decimal(amount), code)


def adapt_holding(h):
    return psycopg2.extensions.AsIs("%s::holdings.holding" % psycopg2.extensions.QuotedString(
        "%s %s" % (format(h.amount, "f"), h.currency)).getquoted().decode())


def register_holding(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT 'holdings.holding'::regtype::oid, 'holdings.holding[]'::regtype::oid")
        oid, array_oid = cur.fetchone()
    holding = psycopg2.extensions.new_type((oid,), "HOLDING", cast_holding)
    psycopg2.extensions.register_type(holding, conn)
    psycopg2.extensions.register_type(psycopg2.extensions.new_array_type((array_oid,), "HOLDING[]", holding), conn)
    psycopg2.extensions.register_adapter(Holding, adapt_holding)


register_holding(conn)
JP = Holding(Decimal("1185515000000.00"), "USD")


def one(c, sql, params=None):
    with c.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


@check("views + metadata")
def _():
    for view, col, precision, scale in VIEW_NUMERICS:
        with plain.cursor() as cur:
            cur.execute("SELECT %s FROM holdings.%s LIMIT 0" % (col, view))
            d = cur.description[0]
            eq((precision, scale), (d.precision, d.scale), "%s.%s precision/scale" % (view, col))
    eq(VIEW_COLUMNS, one(plain, "SELECT count(*) FROM pg_attribute WHERE attrelid = ANY(%s::regclass[]) AND attnum > 0"
                         " AND col_description(attrelid, attnum) IS NOT NULL", [["holdings." + v for v in VIEWS]])[0],
       "commented view columns")
    eq(LARGEST_ECB, one(plain, "SELECT max(per_usd) FROM holdings.fx_rates_monthly WHERE rate_set = 'ecb-daily'")[0],
       "largest ecb-daily rate")
    eq((Decimal("52917000000000.00000000"), "JPY", Decimal("468638330093.47615273")), one(
        plain, "SELECT amount, currency, amount_usd FROM holdings.disclosures WHERE id = 'bank-positions-16'"),
       "disclosure in yen, and in USD")


@check("holding as text")
def _():
    eq("1185515000000.00 USD", one(plain, JP_2025)[0], "without a typecaster: str")
    eq(JP, one(conn, JP_2025)[0], "Holding")
    eq([Holding(Decimal("-0.00000001"), "JPY"), None],
       one(conn, "SELECT ARRAY['-0.00000001 JPY', NULL]::holdings.holding[]")[0], "holding[]")


@check("holding as binary")
def _():
    # psycopg2 reads results as text only; holding_send() gives the binary form as bytea.
    eq((Decimal("1185515000000"), "USD"), decode_holding(one(plain, "SELECT holdings.holding_send(amount) FROM (%s) s"
                                                              % JP_2025)[0]), "holding_send")


@check("parameters: default (%s)")
def _():
    with conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS staging.psycopg2_trades")
        cur.execute("CREATE TABLE staging.psycopg2_trades (id int PRIMARY KEY, amount holdings.holding NOT NULL)")
        cur.execute("INSERT INTO staging.psycopg2_trades VALUES (%s, %s), (%s, %s)",
                    [1, "1,234.56 USD", 2, Holding(Decimal(10), "JPY")])
        cur.execute("UPDATE staging.psycopg2_trades SET amount = %s WHERE amount = %s", ["1234.57 USD", "1234.56 USD"])
        eq(1, cur.rowcount, "UPDATE")
        cur.execute("SELECT count(*) FROM holdings.position WHERE amount = %s", [JP])
        eq(1, cur.fetchone()[0], "= Holding")
        cur.execute("SELECT fx_convert(%s, %s, %s)", ["1185.5e9 USD", "JPY", "2024-12-31"])
        eq(Holding(Decimal("182346852650000"), "JPY"), cur.fetchone()[0], "fx_convert")


@check("prepared statements")
def _():
    with conn.cursor() as cur:
        cur.execute("PREPARE jp(text, date) AS SELECT amount FROM holdings.position"
                    " WHERE holder_id = $1 AND instrument = 'UST' AND as_of = $2")
        for i in range(3):
            cur.execute("EXECUTE jp(%s, %s)", ["JP", "2025-12-31"])
            eq(JP, cur.fetchone()[0], "run %d" % i)
        cur.execute("DEALLOCATE jp")


@check("cursor over all positions")
def _():
    conn.autocommit = False
    try:
        with conn.cursor(name="all_positions") as cur:  # server-side cursor
            cur.itersize = 1000
            cur.execute("SELECT amount FROM holdings.position")
            sums, n = {}, 0
            for (h,) in cur:
                sums[h.currency] = sums.get(h.currency, 0) + h.amount
                n += 1
        conn.commit()
    finally:
        conn.autocommit = True
    eq(POSITIONS, n, "rows")
    eq(SUMS, sums, "sums")


@check("COPY text")
def _():
    with conn.cursor() as cur:
        out = io.StringIO()
        cur.copy_expert("COPY (%s) TO STDOUT" % JP_2025, out)
        eq("1185515000000.00 USD\n", out.getvalue(), "COPY TO")
        cur.execute("TRUNCATE staging.psycopg2_trades")
        cur.copy_expert("COPY staging.psycopg2_trades FROM STDIN (FORMAT csv)", io.StringIO('1,"1,000.25 USD"\n2,5 EUR\n'))
        cur.execute("SELECT id, amount::text FROM staging.psycopg2_trades ORDER BY id")
        eq([(1, "1000.25 USD"), (2, "5.00 EUR")], cur.fetchall(), "COPY FROM")


@check("COPY binary")
def _():
    with conn.cursor() as cur:
        out = io.BytesIO()
        cur.copy_expert("COPY (%s) TO STDOUT (FORMAT binary)" % JP_2025, out)
        eq([(Decimal("1185515000000"), "USD")], [decode_holding(r[0]) for r in copy_binary_fields(out.getvalue())],
           "COPY TO binary")
        cur.copy_expert("COPY staging.psycopg2_trades FROM STDIN (FORMAT binary)", io.BytesIO(copy_binary_stream(
            [[(3).to_bytes(4, "big"), encode_holding("0.00000001", "CHF")]])))
        cur.execute("SELECT amount::text FROM staging.psycopg2_trades WHERE id = 3")
        eq("0.00000001 CHF", cur.fetchone()[0], "COPY FROM binary")


@check("aggregates")
def _():
    eq((Holding(Decimal("-124008000000.00"), "USD"), Holding(Decimal("-18514561752200"), "JPY"),
        Holding(Decimal("14924471000000.00"), "USD")),
       one(conn, "SELECT net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, %s), sum(amount)"
           + AGG_WHERE, ["JPY"]), "aggregates")


@check("fx_decompose fields")
def _():
    eq(DECOMPOSE, one(plain, DECOMPOSE_SQL.format(p="%s"), ["JPY"]), "fields as text")
    psycopg2.extras.register_composite("holdings.fx_decomposition", conn)
    d = one(conn, "SELECT fx_decompose(amount, as_of, %s) FROM holdings.position WHERE holder_id = 'JP'"
            " AND instrument = 'UST' AND as_of BETWEEN '2021-12-31' AND '2022-12-31'", ["JPY"])[0]
    eq(Holding(Decimal("27361429224100"), "JPY"), d.fx_effect, "fx_effect as a Holding")
    eq(d.total_change.amount, d.flow_effect.amount + d.fx_effect.amount, "total = flow + fx")


@check("search_path: options")
def _():
    c = psycopg2.connect(DSN + " options='-c search_path=public'")
    try:
        eq((Decimal("1185.515"),), one(c, "SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP'"
                                     " AND month = '2025-12-31'"), "view without holdings on the path")
        try:
            one(c, "SELECT count(*) FROM holdings.position WHERE amount = %s", ["1185515000000 USD"])
            raise AssertionError("expected 42883")
        except psycopg2.errors.UndefinedFunction:
            pass
    finally:
        c.close()
    c = psycopg2.connect(DSN + " options='-c search_path=holdings,public'")
    try:
        eq((1,), one(c, "SELECT count(*) FROM position WHERE amount = %s", ["1185515000000 USD"]), "with holdings on the path")
    finally:
        c.close()


check.finish()
