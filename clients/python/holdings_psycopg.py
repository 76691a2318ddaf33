"""psycopg 3 adapters for the holdings extension's ``holding`` type.

    import psycopg
    from holdings_psycopg import Holding, register_holding

    with psycopg.connect(...) as conn:
        register_holding(conn)           # once per connection (or a cursor)
        conn.execute("SELECT amount FROM holdings.position LIMIT 1").fetchone()[0]
        # Holding(amount=Decimal('1185500000000.00'), currency='USD')

``register_holding`` registers, for the text and the binary format:

- a loader: ``holding`` (and ``holding[]``) values become ``Holding`` tuples of
  a ``Decimal`` amount and an ISO 4217 currency code, exactly;
- a dumper: ``Holding`` parameters are sent typed ``holding``, so
  ``WHERE amount = %s`` and ``%b`` (binary) parameters work, and
  ``copy.write_row`` in ``COPY ... (FORMAT BINARY)`` writes them.

After registering, ``copy.set_types(["holding", ...])`` works in COPY TO and
COPY FROM, text or binary.

The binary format (holding_send / holding_recv, 20 bytes): a version byte (1),
the three ASCII letters of the currency code, and the amount in units of 10^-8
as a 16-byte big-endian two's complement integer.
"""
from decimal import Context, Decimal
from typing import NamedTuple, Optional, Union

from psycopg.abc import AdaptContext, Buffer
from psycopg.adapt import Dumper, Loader
from psycopg.pq import Format
from psycopg.types import TypeInfo

__all__ = ["Holding", "holding", "register_holding", "parse_holding", "encode_binary", "decode_binary"]

SCALE = 8  # fractional digits of the holding type
_MAX_UNITS = (1 << 127) - 1  # the type's range is symmetric: [-MAX, MAX] units of 10^-8
BINARY_VERSION = 1
BINARY_LENGTH = 20
_EXACT = Context(prec=80)  # wider than any holding: scaleb() must not round


class Holding(NamedTuple):
    """An exact amount of one currency."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return "%s %s" % (_plain(self.amount), self.currency)


def _plain(d: Decimal) -> str:
    # holding_in reads no exponent: '1E+3' must go as '1000'.
    return format(d, "f")


def _check_currency(code: str) -> str:
    if len(code) != 3 or not ("A" <= code[0] <= "Z" and "A" <= code[1] <= "Z" and "A" <= code[2] <= "Z"):
        raise ValueError("currency code must be three letters A-Z, got %r" % code)
    return code


def parse_holding(text: str) -> Holding:
    """Parses holding_out's text: '<amount> <CCY>' ('1185500000000.00 USD')."""
    amount, sep, code = text.rpartition(" ")
    if not sep:
        raise ValueError("not a holding: %r" % text)
    return Holding(Decimal(amount), _check_currency(code))


def encode_binary(h: Holding) -> bytes:
    """The 20 bytes holding_recv reads. Refuses to round: more than 8
    fractional digits, or an amount out of range, is a ValueError."""
    units = Decimal(h.amount).scaleb(SCALE, _EXACT)
    if units != units.to_integral_value():
        raise ValueError("holding amount has more than %d fractional digits: %s" % (SCALE, h.amount))
    n = int(units)
    if not -_MAX_UNITS <= n <= _MAX_UNITS:
        raise ValueError("holding amount out of range: %s" % h.amount)
    code = _check_currency(h.currency).encode("ascii")
    return bytes([BINARY_VERSION]) + code + n.to_bytes(16, "big", signed=True)


def decode_binary(data: Buffer) -> Holding:
    """Reads holding_send's 20 bytes. The binary format carries no display
    scale: the amount is the shortest exact decimal (equal, as a Decimal, to
    what the text format gives: Decimal('5.00') == Decimal('5'))."""
    data = bytes(data)
    if len(data) != BINARY_LENGTH or data[0] != BINARY_VERSION:
        raise ValueError("not a holding binary value (version %d, %d bytes)" % (
            data[0] if data else -1, len(data)))
    n = int.from_bytes(data[4:], "big", signed=True)
    # The shortest exact decimal, without exponent: 1185500000000, 0.00622007.
    whole, frac = divmod(abs(n), 10 ** SCALE)
    text = ("-" if n < 0 else "") + str(whole)
    if frac:
        text += "." + str(frac).rjust(SCALE, "0").rstrip("0")
    return Holding(Decimal(text), _check_currency(data[1:4].decode("ascii")))


class _TextLoader(Loader):
    format = Format.TEXT

    def load(self, data: Buffer) -> Holding:
        return parse_holding(bytes(data).decode("ascii"))


class _BinaryLoader(Loader):
    format = Format.BINARY

    def load(self, data: Buffer) -> Holding:
        return decode_binary(data)


class _TextDumper(Dumper):
    format = Format.TEXT

    def dump(self, obj: Holding) -> bytes:
        return str(Holding(Decimal(obj.amount), _check_currency(obj.currency))).encode("ascii")


class _BinaryDumper(Dumper):
    format = Format.BINARY

    def dump(self, obj: Holding) -> bytes:
        return encode_binary(obj)


def register_holding(context: AdaptContext, type_name: str = "holdings.holding") -> TypeInfo:
    """Registers the loaders and dumpers of ``holding`` on a connection or
    cursor (``context``). ``type_name`` is the type's qualified name (the
    extension's schema is ``holdings``). Returns the type's TypeInfo."""
    conn = context.connection
    if conn is None:
        raise TypeError("register_holding needs a connection or a cursor")
    info: Optional[TypeInfo] = TypeInfo.fetch(conn, type_name)  # type: ignore[arg-type]
    if info is None:
        raise LookupError("type %s not found: is the holdings extension installed?" % type_name)
    # Types and their arrays (holding[]) by oid, and by name for copy.set_types().
    info.register(context)
    adapters = context.adapters
    for name in ("holding", "holdings.holding"):
        adapters.types._registry.setdefault(name, info)  # set_types(["holding"]) whatever the path
    oid = info.oid
    text_dumper = type("HoldingTextDumper", (_TextDumper,), {"oid": oid})
    binary_dumper = type("HoldingBinaryDumper", (_BinaryDumper,), {"oid": oid})
    adapters.register_loader(oid, _TextLoader)
    adapters.register_loader(oid, _BinaryLoader)
    # Text is registered last: it is the dumper used by %s (AUTO) placeholders.
    adapters.register_dumper(Holding, binary_dumper)
    adapters.register_dumper(Holding, text_dumper)
    return info


def holding(amount: Union[Decimal, int, str], currency: str) -> Holding:
    """Convenience constructor: holding('1185.5e9', 'USD')."""
    return Holding(Decimal(amount), _check_currency(currency))
