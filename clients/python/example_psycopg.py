# psycopg 3 with the holdings adapters: holding <-> Holding(Decimal amount, currency code).
import psycopg

from holdings_psycopg import Holding, holding, register_holding

with psycopg.connect("host=127.0.0.1") as conn:  # PGPORT, PGDATABASE, PGUSER, PGPASSWORD from the environment
    register_holding(conn)
    jp = conn.execute("SELECT amount FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'"
                      " AND as_of = '2025-12-31'").fetchone()[0]
    print(repr(jp))
    print(jp.amount / 10**9, jp.currency)
    # Holding parameters, text (%s) or binary (%b); a plain str works too.
    print(conn.execute("SELECT fx_convert(%b, 'JPY', '2025-12-31')", [jp]).fetchone()[0])
    print(conn.execute("SELECT count(*) FROM holdings.position WHERE amount > %s", [holding("1e12", "USD")]).fetchone()[0])
    # Binary results and binary COPY.
    cur = conn.cursor(binary=True)
    print(cur.execute("SELECT sum(amount) FROM holdings.position WHERE holder_id = 'CN' AND instrument = 'UST'"
                      " AND as_of BETWEEN '2025-01-31' AND '2025-03-31'").fetchone()[0])
    with cur.copy("COPY (SELECT as_of, amount FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'"
                  " ORDER BY as_of DESC LIMIT 2) TO STDOUT (FORMAT binary)") as copy:
        copy.set_types(["date", "holding"])
        for as_of, amount in copy.rows():
            print(as_of, amount)
