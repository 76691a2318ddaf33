"""Shared by the Python client tests: connection settings from the
environment (scripts/test-clients sets them), a check runner that prints one
line per operation, and the expected values every client must see."""
import os
import struct
import sys
import traceback
from decimal import Context, Decimal

HOST = os.environ.get("HOLDINGS_CLIENT_HOST", "127.0.0.1")
PORT = os.environ.get("HOLDINGS_CLIENT_PORT", os.environ.get("PGPORT", "5432"))
DB = os.environ.get("HOLDINGS_CLIENT_DB", "holdings_clients")
USER = os.environ.get("HOLDINGS_CLIENT_USER", "analyst")
PASSWORD = os.environ.get("HOLDINGS_CLIENT_PASSWORD", "change-me")

JP_2025 = ("SELECT amount FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'"
           " AND as_of = '2025-12-31'")
# Every numeric column of the views: (view, column, precision, scale)
VIEW_NUMERICS = [
    ("major_holders", "usd_bn", 13, 3), ("positions", "amount", 38, 8),
    ("positions", "amount_usd", 38, 8), ("disclosures", "amount", 38, 8),
    ("disclosures", "amount_usd", 38, 8), ("fx_rates_monthly", "per_usd", 38, 20),
    ("dollar_index_monthly", "value", 12, 4)]
VIEWS = ["major_holders", "positions", "fx_rates_monthly", "disclosures", "dollar_index_monthly"]
VIEW_COLUMNS = 38
POSITIONS = 27929
SUMS = {"JPY": Decimal("174826000000000"), "USD": Decimal("9462290732000000.00")}
LARGEST_ECB = Decimal("1710876.54887563102300000000")
DECOMPOSE = ("148072584158100 JPY", "145040695399200 JPY", "-3031888758900 JPY",
             "-30393317983000 JPY", "27361429224100 JPY")
DECOMPOSE_SQL = (
    "SELECT (d).start_value, (d).end_value, (d).total_change, (d).flow_effect, (d).fx_effect"
    " FROM (SELECT fx_decompose(amount, as_of, {p}) AS d FROM holdings.position"
    " WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of BETWEEN '2021-12-31' AND '2022-12-31') s")
AGG_WHERE = (" FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST'"
             " AND as_of BETWEEN '2024-12-31' AND '2025-12-31'")


class Checks:
    def __init__(self, client):
        self.client = client
        self.results = {}

    def __call__(self, op):
        def run(fn):
            try:
                fn()
                self.results.setdefault(op, "ok")
            except Exception as e:  # noqa: BLE001 - every failure is reported
                msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                print("FAIL %s: %s" % (op, msg))
                if os.environ.get("HOLDINGS_CLIENT_VERBOSE"):
                    traceback.print_exc()
                self.results[op] = "FAIL"
            return fn
        return run

    def finish(self):
        for op, r in self.results.items():
            print("%s | %s | %s" % (self.client, op, r))
        sys.exit(0 if all(r == "ok" for r in self.results.values()) else 1)


def eq(expected, actual, what):
    if expected != actual:
        raise AssertionError("%s: expected %r, got %r" % (what, expected, actual))


def decode_holding(b):
    """holding_send's 20 bytes: version 1, code, 16-byte big-endian 10^-8 units."""
    b = bytes(b)
    if len(b) != 20 or b[0] != 1:
        raise ValueError("not a holding: %r" % b)
    n = int.from_bytes(b[4:], "big", signed=True)
    return Decimal(n).scaleb(-8, Context(prec=80)), b[1:4].decode("ascii")


def copy_binary_fields(data):
    """The fields of the rows of a COPY ... (FORMAT binary) stream."""
    data = bytes(data)
    if not data.startswith(b"PGCOPY\n\xff\r\n\0"):
        raise ValueError("not a binary COPY stream")
    pos = 11 + 4
    (ext,) = struct.unpack_from("!i", data, pos)
    pos += 4 + ext
    rows = []
    while True:
        (n,) = struct.unpack_from("!h", data, pos)
        pos += 2
        if n == -1:
            return rows
        row = []
        for _ in range(n):
            (length,) = struct.unpack_from("!i", data, pos)
            pos += 4
            row.append(None if length < 0 else data[pos:pos + length])
            pos += max(length, 0)
        rows.append(row)


def copy_binary_stream(rows):
    """A COPY ... FROM STDIN (FORMAT binary) stream of rows of bytes fields."""
    out = [b"PGCOPY\n\xff\r\n\0", struct.pack("!ii", 0, 0)]
    for row in rows:
        out.append(struct.pack("!h", len(row)))
        for f in row:
            out.append(struct.pack("!i", len(f)) + f)
    out.append(struct.pack("!h", -1))
    return b"".join(out)


def encode_holding(amount, code):
    n = int(Decimal(amount).scaleb(8, Context(prec=80)))
    return bytes([1]) + code.encode("ascii") + n.to_bytes(16, "big", signed=True)
