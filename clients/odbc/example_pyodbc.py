# psqlODBC through unixODBC (pyodbc): what an ODBC tool sees.
import os

import pyodbc

conn = pyodbc.connect(
    "DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=%s;DATABASE=%s;UID=%s;PWD={%s}"
    % (os.environ["PGPORT"], os.environ["PGDATABASE"], os.environ["PGUSER"], os.environ["PGPASSWORD"]))
cur = conn.cursor()
for col in cur.columns(table="disclosures", schema="holdings"):
    if col.type_name == "numeric":
        print(col.column_name, col.type_name, col.column_size, col.decimal_digits)
cur.execute("SELECT currency, sum(amount), sum(amount_usd) FROM holdings.disclosures"
            " WHERE holder_id = ? GROUP BY currency ORDER BY currency", "japan-post-bank")
for row in cur.fetchall():
    print(row)
cur.execute("SELECT amount, fx_convert(amount, ?, as_of) FROM holdings.position"
            " WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = ?", "JPY", "2025-12-31")
print(cur.fetchone())
