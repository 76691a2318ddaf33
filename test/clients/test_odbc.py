"""psqlODBC through unixODBC (pyodbc): what Excel, Power BI and Tableau's
ODBC connections see. The driver has no COPY and reads results as text."""
from decimal import Decimal

import pyodbc

from clientcheck import (AGG_WHERE, DB, DECOMPOSE, DECOMPOSE_SQL, HOST, JP_2025, LARGEST_ECB, PASSWORD,
                         PORT, POSITIONS, SUMS, USER, VIEW_COLUMNS, VIEW_NUMERICS, VIEWS, Checks,
                         decode_holding, eq)

DRIVER = "/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so"
check = Checks("psqlodbc")
BASE = "DRIVER={%s};SERVER=%s;PORT=%s;DATABASE=%s;UID=%s;PWD={%s}" % (DRIVER, HOST, PORT, DB, USER, PASSWORD)
conn = pyodbc.connect(BASE, autocommit=True)


def one(c, sql, *params):
    return c.cursor().execute(sql, *params).fetchone()


@check("views + metadata")
def _():
    cur = conn.cursor()
    for view, col, precision, scale in VIEW_NUMERICS:
        cols = list(cur.columns(table=view, schema="holdings", column=col))
        eq(1, len(cols), "SQLColumns %s.%s" % (view, col))
        c = cols[0]
        eq((pyodbc.SQL_NUMERIC, precision, scale), (c.data_type, c.column_size, c.decimal_digits),
           "SQLColumns %s.%s type, size, digits" % (view, col))
    # psqlODBC returns empty REMARKS: the comments are read from the catalog.
    eq(VIEW_COLUMNS, one(conn, "SELECT count(*) FROM pg_attribute WHERE attrelid IN (%s) AND attnum > 0"
                         " AND col_description(attrelid, attnum) IS NOT NULL"
                         % ", ".join("'holdings.%s'::regclass" % v for v in VIEWS))[0], "commented view columns")
    eq(LARGEST_ECB, one(conn, "SELECT max(per_usd) FROM holdings.fx_rates_monthly WHERE rate_set = 'ecb-daily'")[0],
       "largest ecb-daily rate, all 20 decimals")
    eq((Decimal("52917000000000"), "JPY", Decimal("468638330093.47615273")), tuple(one(
        conn, "SELECT amount, currency, amount_usd FROM holdings.disclosures WHERE id = 'bank-positions-16'")),
       "disclosure in yen, and in USD")


@check("holding as text")
def _():
    eq("1185515000000.00 USD", one(conn, JP_2025)[0], "holding as a string")
    eq(Decimal("1185515000000.00"), one(conn, "SELECT amount::numeric, currency(amount) FROM (%s) s" % JP_2025)[0],
       "amount::numeric")


@check("holding as binary")
def _():
    # The driver reads results as text; holding_send() gives the binary form as bytea.
    eq((Decimal("1185515000000"), "USD"), decode_holding(one(conn, "SELECT holdings.holding_send(amount) FROM (%s) s"
                                                              % JP_2025)[0]), "holding_send")


@check("parameters: default (?)")
def _():
    cur = conn.cursor()
    cur.execute("DROP TABLE IF EXISTS staging.odbc_trades")
    cur.execute("CREATE TABLE staging.odbc_trades (id int PRIMARY KEY, amount holdings.holding NOT NULL)")
    cur.execute("INSERT INTO staging.odbc_trades VALUES (?, ?)", 1, "1,234.56 USD")
    cur.executemany("INSERT INTO staging.odbc_trades VALUES (?, ?)", [(2, "10 JPY"), (3, "5 EUR")])
    eq(1, cur.execute("UPDATE staging.odbc_trades SET amount = ? WHERE amount = ?", "1234.57 USD", "1234.56 USD").rowcount,
       "UPDATE")
    eq(1, one(conn, "SELECT count(*) FROM holdings.position WHERE amount = ?", "1185515000000 USD")[0], "=")
    eq("182346852650000 JPY", one(conn, "SELECT fx_convert(?, ?, ?)", "1185.5e9 USD", "JPY", "2024-12-31")[0],
       "fx_convert")


@check("prepared statements")
def _():
    cur = conn.cursor()
    sql = "SELECT amount FROM holdings.position WHERE holder_id = ? AND instrument = 'UST' AND as_of = ?"
    for i in range(3):
        eq("1185515000000.00 USD", cur.execute(sql, "JP", "2025-12-31").fetchone()[0], "run %d" % i)


@check("cursor over all positions")
def _():
    # UseDeclareFetch: the driver reads through a server-side cursor, Fetch rows at a time.
    c = pyodbc.connect(BASE + ";UseDeclareFetch=1;Fetch=1000")
    try:
        cur = c.cursor().execute("SELECT amount FROM holdings.position")
        sums, n = {}, 0
        while True:
            rows = cur.fetchmany(500)
            if not rows:
                break
            for (h,) in rows:
                amount, code = h.split(" ")
                sums[code] = sums.get(code, 0) + Decimal(amount)
                n += 1
        eq(POSITIONS, n, "rows")
        eq(SUMS, sums, "sums")
    finally:
        c.close()


@check("aggregates")
def _():
    eq(["-124008000000.00 USD", "-18514561752200 JPY", "14924471000000.00 USD"],
       list(one(conn, "SELECT net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, ?), sum(amount)"
                + AGG_WHERE, "JPY")), "aggregates")


@check("fx_decompose fields")
def _():
    eq(list(DECOMPOSE), list(one(conn, DECOMPOSE_SQL.format(p="?"), "JPY")), "fields")


@check("search_path: ConnSettings")
def _():
    c = pyodbc.connect(BASE + ";ConnSettings={SET search_path TO public}", autocommit=True)
    try:
        eq(Decimal("1185.515"), one(c, "SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP'"
                                     " AND month = '2025-12-31'")[0], "view without holdings on the path")
        try:
            one(c, "SELECT count(*) FROM holdings.position WHERE amount = ?", "1185515000000 USD")
            raise AssertionError("expected 42883")
        except pyodbc.Error as e:
            eq("42883", e.args[0], "SQLSTATE")
    finally:
        c.close()
    c = pyodbc.connect(BASE + ";ConnSettings={SET search_path TO holdings, public}", autocommit=True)
    try:
        eq("holdings, public", one(c, "SHOW search_path")[0], "search_path")
        eq(1, one(c, "SELECT count(*) FROM position WHERE amount = ?", "1185515000000 USD")[0], "with holdings on the path")
    finally:
        c.close()


check.finish()
