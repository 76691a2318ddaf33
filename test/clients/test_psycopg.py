"""psycopg 3 against the holdings extension, with and without the shipped
adapters (clients/python/holdings_psycopg.py)."""
import os
import sys
from decimal import Decimal

import psycopg
from psycopg.types.composite import CompositeInfo, register_composite

from clientcheck import (AGG_WHERE, DB, DECOMPOSE, DECOMPOSE_SQL, HOST, JP_2025, LARGEST_ECB, PASSWORD,
                         PORT, POSITIONS, SUMS, USER, VIEW_COLUMNS, VIEW_NUMERICS, VIEWS, Checks, eq)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
from holdings_psycopg import Holding, holding, register_holding  # noqa: E402

check = Checks("psycopg3")
DSN = "host=%s port=%s dbname=%s user=%s password=%s" % (HOST, PORT, DB, USER, PASSWORD)
conn = psycopg.connect(DSN, autocommit=True)
plain = psycopg.connect(DSN, autocommit=True)  # no adapters: what a tool sees
register_holding(conn)
JP = Holding(Decimal("1185515000000.00"), "USD")


@check("views + metadata")
def _():
    for view, col, precision, scale in VIEW_NUMERICS:
        cur = plain.execute("SELECT %s FROM holdings.%s LIMIT 0" % (col, view))
        d = cur.description[0]
        eq((precision, scale), (d.precision, d.scale), "%s.%s precision/scale" % (view, col))
    eq(VIEW_COLUMNS, plain.execute(
        "SELECT count(*) FROM pg_attribute WHERE attrelid = ANY(%s::regclass[]) AND attnum > 0"
        " AND col_description(attrelid, attnum) IS NOT NULL", [["holdings." + v for v in VIEWS]]).fetchone()[0],
       "commented view columns")
    eq(Decimal("1185.515"), plain.execute(
        "SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP' AND month = '2025-12-31'").fetchone()[0], "usd_bn")
    eq(LARGEST_ECB, plain.execute("SELECT max(per_usd) FROM holdings.fx_rates_monthly WHERE rate_set = 'ecb-daily'")
       .fetchone()[0], "largest ecb-daily rate")
    eq(str(LARGEST_ECB), str(plain.execute("SELECT max(per_usd) FROM holdings.fx_rates_monthly WHERE rate_set = 'ecb-daily'")
       .fetchone()[0]), "all 20 decimals")
    eq((Decimal("52917000000000.00000000"), "JPY", Decimal("468638330093.47615273")), plain.execute(
        "SELECT amount, currency, amount_usd FROM holdings.disclosures WHERE id = 'bank-positions-16'").fetchone(),
       "disclosure in yen, and in USD")


@check("holding as text")
def _():
    eq("1185515000000.00 USD", plain.execute(JP_2025).fetchone()[0], "without adapters: str")
    eq(JP, conn.execute(JP_2025).fetchone()[0], "Holding")
    eq("1185515000000.00", str(conn.execute(JP_2025).fetchone()[0].amount), "text keeps the minor units")
    eq([Holding(Decimal("-0.00000001"), "JPY"), None, Holding(Decimal(5), "CHF")],
       conn.execute("SELECT ARRAY['-0.00000001 JPY', NULL, '5 CHF']::holdings.holding[]").fetchone()[0], "holding[]")


@check("holding as binary")
def _():
    eq(bytes.fromhex("0155534400000000000000066d3b892321b8c000"),
       plain.cursor(binary=True).execute(JP_2025).fetchone()[0], "without adapters: holding_send's bytes")
    eq(JP, conn.cursor(binary=True).execute(JP_2025).fetchone()[0], "Holding from binary")
    eq([Holding(Decimal("-0.00000001"), "JPY"), None], conn.cursor(binary=True).execute(
        "SELECT ARRAY['-0.00000001 JPY', NULL]::holdings.holding[]").fetchone()[0], "holding[] binary")
    for extreme in ("-1701411834604692317316873037158.84105727", "1701411834604692317316873037158.84105727"):
        eq(extreme + " USD", conn.execute("SELECT %b::text", [holding(extreme, "USD")]).fetchone()[0], "binary parameter")
        eq(holding(extreme, "USD"), conn.cursor(binary=True).execute(
            "SELECT %s::holdings.holding", [extreme + " USD"]).fetchone()[0], "binary result")


@check("parameters: default (%s)")
def _():
    cur = conn.cursor()
    cur.execute("DROP TABLE IF EXISTS staging.psycopg_trades")
    cur.execute("CREATE TABLE staging.psycopg_trades (id int PRIMARY KEY, amount holdings.holding NOT NULL)")
    cur.execute("INSERT INTO staging.psycopg_trades VALUES (%s, %s), (%s, %s)", [1, "1,234.56 USD", 2, holding(10, "JPY")])
    eq(1, cur.execute("UPDATE staging.psycopg_trades SET amount = %s WHERE amount = %s",
                      ["1234.57 USD", "1234.56 USD"]).rowcount, "UPDATE with str")
    eq(1, cur.execute("UPDATE staging.psycopg_trades SET amount = %s WHERE amount = %s",
                      [holding(11, "JPY"), holding(10, "JPY")]).rowcount, "UPDATE with Holding")
    eq(1, cur.execute("SELECT count(*) FROM holdings.position WHERE amount = %s", [JP]).fetchone()[0], "= Holding")
    eq(1, cur.execute("SELECT count(*) FROM holdings.position WHERE amount = %b", [JP]).fetchone()[0], "= Holding, binary")
    eq(Holding(Decimal("182346852650000"), "JPY"),
       cur.execute("SELECT fx_convert(%s, %s, %s)", ["1185.5e9 USD", "JPY", "2024-12-31"]).fetchone()[0], "fx_convert")
    eq(Decimal("0.00279314004804200883"),
       cur.execute("SELECT fx_rate(%s, %s, %s)", ["JPY", "USD", "1971-01-31"]).fetchone()[0], "fx_rate")


@check("prepared statements")
def _():
    for i in range(3):
        eq((JP, Decimal("1185515000000.00")), conn.execute(
            "SELECT amount, amount::numeric FROM holdings.position WHERE holder_id = %s AND instrument = 'UST'"
            " AND as_of = %s", ["JP", "2025-12-31"], prepare=True).fetchone(), "run %d" % i)


@check("cursor over all positions")
def _():
    with conn.transaction():
        with conn.cursor(name="all_positions") as cur:  # server-side cursor
            cur.itersize = 1000
            cur.execute("SELECT amount FROM holdings.position")
            sums, n = {}, 0
            for (h,) in cur:
                sums[h.currency] = sums.get(h.currency, 0) + h.amount
                n += 1
    eq(POSITIONS, n, "rows")
    eq(SUMS, sums, "sums")


@check("COPY text")
def _():
    cur = conn.cursor()
    with cur.copy("COPY (%s) TO STDOUT" % JP_2025) as cp:
        eq(b"1185515000000.00 USD\n", b"".join(bytes(b) for b in cp), "raw COPY TO")
    with cur.copy("COPY (%s) TO STDOUT" % JP_2025) as cp:
        cp.set_types(["holding"])
        eq([(JP,)], list(cp.rows()), "COPY TO with set_types")
    cur.execute("TRUNCATE staging.psycopg_trades")
    with cur.copy("COPY staging.psycopg_trades FROM STDIN") as cp:
        cp.write_row((1, holding("1000.25", "USD")))
        cp.write_row((2, "5 EUR"))
    eq([(1, "1000.25 USD"), (2, "5.00 EUR")],
       cur.execute("SELECT id, amount::text FROM staging.psycopg_trades ORDER BY id").fetchall(), "COPY FROM")


@check("COPY binary")
def _():
    cur = conn.cursor()
    with cur.copy("COPY (%s) TO STDOUT (FORMAT binary)" % JP_2025) as cp:
        cp.set_types(["holding"])
        eq([(Holding(Decimal("1185515000000"), "USD"),)], list(cp.rows()), "COPY TO binary")
    with cur.copy("COPY staging.psycopg_trades FROM STDIN (FORMAT binary)") as cp:
        cp.set_types(["int4", "holding"])
        cp.write_row((3, holding("0.00000001", "CHF")))
    eq("0.00000001 CHF", cur.execute("SELECT amount::text FROM staging.psycopg_trades WHERE id = 3").fetchone()[0],
       "COPY FROM binary")


@check("aggregates")
def _():
    eq((Holding(Decimal("-124008000000.00"), "USD"), Holding(Decimal("-18514561752200"), "JPY"),
        Holding(Decimal("14924471000000.00"), "USD"), Holding(Decimal("1148036230769.23076923"), "USD")),
       conn.execute("SELECT net_foreign_selling(amount, as_of), net_foreign_selling(amount, as_of, %s), sum(amount),"
                    " avg(amount)" + AGG_WHERE, ["JPY"]).fetchone(), "aggregates")


@check("fx_decompose fields")
def _():
    eq(DECOMPOSE, plain.execute(DECOMPOSE_SQL.format(p="%s"), ["JPY"]).fetchone(), "fields as text")
    info = CompositeInfo.fetch(conn, "holdings.fx_decomposition")
    register_composite(info, conn)
    d = conn.execute("SELECT fx_decompose(amount, as_of, %s) FROM holdings.position WHERE holder_id = 'JP'"
                     " AND instrument = 'UST' AND as_of BETWEEN '2021-12-31' AND '2022-12-31'", ["JPY"]).fetchone()[0]
    eq(Holding(Decimal("27361429224100"), "JPY"), d.fx_effect, "fx_effect as a Holding")
    eq(d.total_change.amount, d.flow_effect.amount + d.fx_effect.amount, "total = flow + fx")


@check("search_path: options")
def _():
    with psycopg.connect(DSN + " options='-c search_path=public'", autocommit=True) as c:
        eq(Decimal("1185.515"), c.execute("SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP'"
                                        " AND month = '2025-12-31'").fetchone()[0], "view without holdings on the path")
        try:
            c.execute("SELECT count(*) FROM holdings.position WHERE amount = %s", ["1185515000000 USD"])
            raise AssertionError("expected 42883")
        except psycopg.errors.UndefinedFunction:
            pass
    with psycopg.connect(DSN + " options='-c search_path=holdings,public'", autocommit=True) as c:
        eq(1, c.execute("SELECT count(*) FROM position WHERE amount = %s", ["1185515000000 USD"]).fetchone()[0],
           "with holdings on the path")


check.finish()
