# psycopg2: a typecaster and an adapter make holding <-> Holding(Decimal amount, currency code).
from collections import namedtuple
from decimal import Decimal

import psycopg2
import psycopg2.extensions as ext

Holding = namedtuple("Holding", "amount currency")


def cast_holding(value, cur):
    if value is None:
        return None
    amount, code = value.rsplit(" ", 1)
    return Holding(Decimal(amount), code)


def adapt_holding(h):
    text = ext.QuotedString("%s %s" % (format(h.amount, "f"), h.currency)).getquoted().decode()
    return ext.AsIs(text + "::holdings.holding")


conn = psycopg2.connect("host=127.0.0.1")  # PGPORT, PGDATABASE, PGUSER, PGPASSWORD from the environment
with conn.cursor() as cur:
    cur.execute("SELECT 'holdings.holding'::regtype::oid")
    ext.register_type(ext.new_type((cur.fetchone()[0],), "HOLDING", cast_holding), conn)
    ext.register_adapter(Holding, adapt_holding)

    cur.execute("SELECT amount FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'"
                " AND as_of = '2025-12-31'")
    jp = cur.fetchone()[0]
    print(jp)
    cur.execute("SELECT fx_convert(%s, %s, %s)", [jp, "JPY", "2025-12-31"])
    print(cur.fetchone()[0])
    cur.execute("SELECT currency, sum(amount), sum(amount_usd) FROM holdings.disclosures"
                " WHERE holder_id = 'japan-post-bank' GROUP BY currency ORDER BY currency")
    for row in cur:
        print(row)
conn.close()
