// pgJDBC against the holdings extension, as a BI tool or a Java pipeline uses
// it: over TCP as the analyst role of docs/bi-and-etl.md, default connection
// options (setString sends varchar), exact expected values.
// Run by scripts/test-clients: java ClientTest <host> <port> <db> <user> <password>
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.*;
import java.util.*;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PGobject;

public class ClientTest {
    static String url;
    static Properties props = new Properties();
    static final Map<String, String> results = new LinkedHashMap<>();

    interface Check { void run() throws Exception; }

    static void check(String op, Check c) {
        try {
            c.run();
            results.putIfAbsent(op, "ok");
        } catch (Throwable e) {
            String msg = String.valueOf(e.getMessage()).split("\n")[0];
            System.out.println("FAIL " + op + ": " + msg);
            results.put(op, "FAIL");
        }
    }

    static void eq(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual))
            throw new AssertionError(what + ": expected <" + expected + "> got <" + actual + ">");
    }

    static Connection connect(String extra) throws SQLException {
        return DriverManager.getConnection(url + extra, props);
    }

    static String one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String) p.setString(i + 1, (String) params[i]);  // the default path
                else p.setObject(i + 1, params[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    // holding_send's 20 bytes: version 1, currency code, 16-byte big-endian amount in 10^-8.
    static String decodeHolding(byte[] b) {
        if (b.length != 20 || b[0] != 1) throw new IllegalArgumentException("not a holding: " + b.length + " bytes");
        BigDecimal amount = new BigDecimal(new BigInteger(Arrays.copyOfRange(b, 4, 20)), 8).stripTrailingZeros();
        return amount.toPlainString() + " " + new String(b, 1, 3, StandardCharsets.US_ASCII);
    }

    static byte[] encodeHolding(String amount, String ccy) {
        byte[] v = new BigDecimal(amount).movePointRight(8).toBigIntegerExact().toByteArray();
        byte[] b = new byte[20];
        b[0] = 1;
        System.arraycopy(ccy.getBytes(StandardCharsets.US_ASCII), 0, b, 1, 3);
        byte fill = (byte) (v[0] < 0 ? 0xff : 0);
        for (int i = 4; i < 20 - v.length; i++) b[i] = fill;
        System.arraycopy(v, 0, b, 20 - v.length, v.length);
        return b;
    }

    public static void main(String[] a) throws Exception {
        url = "jdbc:postgresql://" + a[0] + ":" + a[1] + "/" + a[2];
        props.setProperty("user", a[3]);
        props.setProperty("password", a[4]);
        props.setProperty("ApplicationName", "holdings ClientTest");
        url += "?sslmode=disable";
        final String jp = "SELECT amount FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'";

        try (Connection c = connect("")) {
            check("views + metadata", () -> {
                DatabaseMetaData md = c.getMetaData();
                String[][] expected = {
                    {"major_holders", "usd_bn", "13", "3"}, {"positions", "amount", "38", "8"},
                    {"positions", "amount_usd", "38", "8"}, {"disclosures", "amount", "38", "8"},
                    {"disclosures", "amount_usd", "38", "8"}, {"fx_rates_monthly", "per_usd", "38", "20"},
                    {"dollar_index_monthly", "value", "12", "4"}};
                for (String[] e : expected) {
                    try (ResultSet r = md.getColumns(null, "holdings", e[0], e[1])) {
                        if (!r.next()) throw new AssertionError("no column " + e[0] + "." + e[1]);
                        eq(Types.NUMERIC, r.getInt("DATA_TYPE"), e[0] + "." + e[1] + " DATA_TYPE");
                        eq(e[2] + "," + e[3], r.getInt("COLUMN_SIZE") + "," + r.getInt("DECIMAL_DIGITS"), e[0] + "." + e[1] + " size");
                        if (r.getString("REMARKS") == null || r.getString("REMARKS").isEmpty())
                            throw new AssertionError(e[0] + "." + e[1] + " has no REMARKS");
                    }
                }
                // every column of every view has REMARKS
                try (ResultSet r = md.getColumns(null, "holdings", "%", "%")) {
                    int n = 0;
                    while (r.next()) {
                        String t = r.getString("TABLE_NAME");
                        if (!Arrays.asList("major_holders", "positions", "fx_rates_monthly", "disclosures", "dollar_index_monthly").contains(t)) continue;
                        n++;
                        if (r.getString("REMARKS") == null) throw new AssertionError(t + "." + r.getString("COLUMN_NAME") + " has no REMARKS");
                        if (r.getInt("DATA_TYPE") == Types.NUMERIC && r.getInt("COLUMN_SIZE") == 0)
                            throw new AssertionError(t + "." + r.getString("COLUMN_NAME") + " numeric without precision");
                    }
                    eq(38, n, "columns of the five views");
                }
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP' AND month = '2025-12-31'")) {
                    r.next();
                    eq(new BigDecimal("1185.515"), r.getBigDecimal(1), "usd_bn");
                }
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT per_usd FROM holdings.fx_rates_monthly WHERE rate_set = 'ecb-daily' ORDER BY per_usd DESC LIMIT 1")) {
                    r.next();
                    eq(new BigDecimal("1710876.54887563102300000000"), r.getBigDecimal(1), "largest ecb-daily per_usd, all 20 decimals");
                }
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT amount, currency, amount_usd FROM holdings.disclosures WHERE id = 'bank-positions-16'")) {
                    r.next();
                    eq(0, new BigDecimal("52917000000000").compareTo(r.getBigDecimal(1)), "disclosure amount");
                    eq("JPY", r.getString(2), "disclosure currency");
                    eq(new BigDecimal("468638330093.47615273"), r.getBigDecimal(3), "disclosure amount_usd");
                }
            });

            check("holding as text", () -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(jp + " UNION ALL SELECT '-0.00000001 JPY'")) {
                    r.next();
                    eq("1185515000000.00 USD", r.getString(1), "getString");
                    PGobject o = (PGobject) r.getObject(1);
                    eq("holding", o.getType(), "PGobject type");
                    eq("1185515000000.00 USD", o.getValue(), "PGobject value");
                    eq(Types.OTHER, r.getMetaData().getColumnType(1), "column type");
                    r.next();
                    eq("-0.00000001 JPY", r.getString(1), "getString, smallest unit");
                }
            });

            check("holding as binary", () -> {
                // pgJDBC enables binary transfer per type oid; getBytes then gives holding_send's bytes
                // (getString gives null for a binary value of a type pgJDBC does not know).
                String oid = one(c, "SELECT 'holdings.holding'::regtype::oid::text");
                Properties p = new Properties();
                p.putAll(props);
                p.setProperty("binaryTransferEnable", oid);
                p.setProperty("prepareThreshold", "-1");
                try (Connection b = DriverManager.getConnection(url, p);
                     PreparedStatement ps = b.prepareStatement(jp + " UNION ALL SELECT '-0.00000001 JPY'");
                     ResultSet r = ps.executeQuery()) {
                    r.next();
                    byte[] bytes = r.getBytes(1);
                    eq(20, bytes.length, "binary length");
                    eq("1185515000000 USD", decodeHolding(bytes), "decoded");
                    r.next();
                    eq("-0.00000001 JPY", decodeHolding(r.getBytes(1)), "decoded negative");
                }
                try (Connection b = DriverManager.getConnection(url, p);
                     PreparedStatement ps = b.prepareStatement("SELECT ?::holdings.holding::text")) {
                    PGobject o = new PGobject();
                    o.setType("holdings.holding");
                    o.setValue("12.5 EUR");
                    ps.setObject(1, o);
                    try (ResultSet r = ps.executeQuery()) { r.next(); eq("12.50 EUR", r.getString(1), "PGobject parameter"); }
                }
            });

            check("parameters: setString", () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS staging.jdbc_trades");
                    s.execute("CREATE TABLE staging.jdbc_trades (id int PRIMARY KEY, amount holdings.holding NOT NULL)");
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO staging.jdbc_trades VALUES (?, ?)")) {
                    p.setInt(1, 1); p.setString(2, "1,234.56 USD"); p.executeUpdate();
                    p.setInt(1, 2); p.setString(2, "10 trillion JPY"); p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE staging.jdbc_trades SET amount = ? WHERE amount = ?")) {
                    p.setString(1, "1234.57 USD"); p.setString(2, "1234.56 USD");
                    eq(1, p.executeUpdate(), "UPDATE ... WHERE amount = ? rows");
                }
                eq("1", one(c, "SELECT count(*) FROM staging.jdbc_trades WHERE amount > ? AND amount <= ?", "1000 USD", "1234.57 USD"), "comparisons");
                eq("1", one(c, "SELECT count(*) FROM holdings.position WHERE amount = ?", "1185515000000.00 USD"), "= on the shipped table");
                eq("182346852650000 JPY", one(c, "SELECT fx_convert(?, ?, ?)", "1185.5e9 USD", "JPY", java.time.LocalDate.of(2024, 12, 31)), "fx_convert(setString, setString, LocalDate)");
                eq("0.00279314004804200883", one(c, "SELECT fx_rate(?, ?, ?)", "JPY", "USD", java.time.LocalDate.of(1971, 1, 31)), "fx_rate");
                // updatable result set (pgJDBC writes the new value with setString)
                try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
                     ResultSet r = s.executeQuery("SELECT id, amount FROM staging.jdbc_trades WHERE id = 2")) {
                    r.next();
                    r.updateString("amount", "11 trillion JPY");
                    r.updateRow();
                }
                eq("11000000000000 JPY", one(c, "SELECT amount FROM staging.jdbc_trades WHERE id = 2"), "updatable result set");
            });

            check("prepared statements", () -> {
                // server-side prepared after prepareThreshold uses (default 5): run it 8 times
                try (PreparedStatement p = c.prepareStatement("SELECT amount, amount::numeric, currency(amount) FROM holdings.position WHERE holder_id = ? AND instrument = 'UST' AND as_of = ?")) {
                    for (int i = 0; i < 8; i++) {
                        p.setString(1, "JP");
                        p.setObject(2, java.time.LocalDate.of(2025, 12, 31));
                        try (ResultSet r = p.executeQuery()) {
                            r.next();
                            eq("1185515000000.00 USD", r.getString(1), "holding, run " + i);
                            eq(new BigDecimal("1185515000000.00"), r.getBigDecimal(2), "amount::numeric, run " + i);
                            eq("USD", r.getString(3), "currency, run " + i);
                        }
                    }
                    if (!p.unwrap(org.postgresql.PGStatement.class).isUseServerPrepare()) throw new AssertionError("not server-prepared");
                }
            });

            check("cursor over all positions", () -> {
                c.setAutoCommit(false);  // pgJDBC fetches in batches (a portal) only inside a transaction
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(1000);
                    Map<String, BigDecimal> sums = new TreeMap<>();
                    int n = 0;
                    try (ResultSet r = s.executeQuery("SELECT amount FROM holdings.position")) {
                        while (r.next()) {
                            String[] h = r.getString(1).split(" ");
                            sums.merge(h[1], new BigDecimal(h[0]), BigDecimal::add);
                            n++;
                        }
                    }
                    eq(27929, n, "rows");
                    eq("{JPY=174826000000000, USD=9462290732000000.00}", sums.toString(), "sums");
                } finally {
                    c.commit();
                    c.setAutoCommit(true);
                }
            });

            check("COPY text", () -> {
                CopyManager cm = c.unwrap(PGConnection.class).getCopyAPI();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                cm.copyOut("COPY (" + jp + ") TO STDOUT", out);
                eq("1185515000000.00 USD\n", out.toString("UTF-8"), "COPY TO");
                try (Statement s = c.createStatement()) { s.execute("TRUNCATE staging.jdbc_trades"); }
                long n = cm.copyIn("COPY staging.jdbc_trades FROM STDIN (FORMAT csv)",
                                   new ByteArrayInputStream("1,\"1,000.25 USD\"\n2,5 EUR\n".getBytes(StandardCharsets.UTF_8)));
                eq(2L, n, "COPY FROM rows");
                eq("1000.25 USD", one(c, "SELECT amount FROM staging.jdbc_trades WHERE id = 1"), "COPY FROM value");
            });

            check("COPY binary", () -> {
                CopyManager cm = c.unwrap(PGConnection.class).getCopyAPI();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                cm.copyOut("COPY (" + jp + ") TO STDOUT (FORMAT binary)", out);
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
                in.skipBytes(11 + 4);                 // signature, flags
                in.skipBytes(in.readInt());           // header extension
                eq((short) 1, in.readShort(), "fields");
                byte[] v = new byte[in.readInt()];
                in.readFully(v);
                eq("1185515000000 USD", decodeHolding(v), "COPY TO binary value");
                eq((short) -1, in.readShort(), "trailer");
                // COPY FROM binary: one row (id 3, 0.00000001 CHF)
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                java.io.DataOutputStream d = new java.io.DataOutputStream(buf);
                d.writeBytes("PGCOPY\n\377\r\n\0");
                d.writeInt(0); d.writeInt(0);
                d.writeShort(2);
                d.writeInt(4); d.writeInt(3);
                byte[] h = encodeHolding("0.00000001", "CHF");
                d.writeInt(h.length); d.write(h);
                d.writeShort(-1);
                eq(1L, cm.copyIn("COPY staging.jdbc_trades FROM STDIN (FORMAT binary)", new ByteArrayInputStream(buf.toByteArray())), "rows");
                eq("0.00000001 CHF", one(c, "SELECT amount FROM staging.jdbc_trades WHERE id = 3"), "COPY FROM binary value");
            });

            check("aggregates", () -> {
                String where = " FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of BETWEEN ? AND ?";
                Object from = java.time.LocalDate.of(2024, 12, 31), to = java.time.LocalDate.of(2025, 12, 31);
                eq("-124008000000.00 USD", one(c, "SELECT net_foreign_selling(amount, as_of)" + where, from, to), "net_foreign_selling");
                eq("-18514561752200 JPY", one(c, "SELECT net_foreign_selling(amount, as_of, ?)" + where, "JPY", from, to), "FX-adjusted, setString currency");
                eq("14924471000000.00 USD", one(c, "SELECT sum(amount)" + where, from, to), "sum");
                eq("1061507000000.00 USD", one(c, "SELECT min(amount)" + where, from, to), "min");
            });

            check("fx_decompose fields", () -> {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT (d).start_value, (d).end_value, (d).total_change, (d).flow_effect, (d).fx_effect, amount((d).fx_effect), d"
                        + " FROM (SELECT fx_decompose(amount, as_of, ?) AS d FROM holdings.position"
                        + " WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of BETWEEN '2021-12-31' AND '2022-12-31') s")) {
                    p.setString(1, "JPY");
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        eq("148072584158100 JPY", r.getString("start_value"), "start_value");
                        eq("145040695399200 JPY", r.getString("end_value"), "end_value");
                        eq("-3031888758900 JPY", r.getString("total_change"), "total_change");
                        eq("-30393317983000 JPY", r.getString("flow_effect"), "flow_effect");
                        eq("27361429224100 JPY", r.getString("fx_effect"), "fx_effect");
                        eq(new BigDecimal("27361429224100"), r.getBigDecimal(6), "amount(fx_effect)");
                        PGobject o = (PGobject) r.getObject(7);
                        eq("fx_decomposition", o.getType(), "composite type");
                        eq("(\"148072584158100 JPY\",\"145040695399200 JPY\",\"-3031888758900 JPY\",\"-30393317983000 JPY\",\"27361429224100 JPY\")", o.getValue(), "composite text");
                    }
                }
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT count(*) FROM pg_attribute WHERE attrelid = 'holdings.fx_decomposition'::regclass"
                                                  + " AND attnum > 0 AND col_description(attrelid, attnum) IS NOT NULL")) {
                    r.next();
                    eq(5, r.getInt(1), "commented fields");
                }
            });
        }

        check("search_path: currentSchema", () -> {
            // A tool that sets its own schema: the views, casts and qualified names still work ...
            try (Connection c = connect("&currentSchema=public")) {
                eq("public", one(c, "SHOW search_path"), "search_path");
                eq("1185.515", one(c, "SELECT usd_bn FROM holdings.major_holders WHERE holder_id = 'JP' AND month = '2025-12-31'"), "view");
                eq("1185515000000.00", one(c, "SELECT amount::numeric FROM holdings.position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of = '2025-12-31'"), "cast to numeric");
                eq("1", one(c, "SELECT count(*) FROM holdings.position WHERE amount OPERATOR(holdings.=) ?", "1185515000000 USD"), "qualified operator");
                // ... an unqualified operator does not: the documented fix is the schema list below
                try {
                    one(c, "SELECT count(*) FROM holdings.position WHERE amount = ?", "1185515000000 USD");
                    throw new AssertionError("expected 42883");
                } catch (SQLException e) {
                    eq("42883", e.getSQLState(), "SQLSTATE without holdings on the path");
                }
            }
            try (Connection c = connect("&currentSchema=holdings,public")) {
                eq("holdings,public", one(c, "SHOW search_path"), "search_path");
                eq("1", one(c, "SELECT count(*) FROM position WHERE amount = ?", "1185515000000 USD"), "unqualified operator");
                eq("14924471000000.00 USD", one(c, "SELECT sum(amount) FROM position WHERE holder_id = 'JP' AND instrument = 'UST' AND as_of BETWEEN '2024-12-31' AND '2025-12-31'"), "aggregate");
            }
        });

        int failed = 0;
        for (Map.Entry<String, String> e : results.entrySet()) {
            System.out.println("pgjdbc | " + e.getKey() + " | " + e.getValue());
            if (!e.getValue().equals("ok")) failed++;
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
