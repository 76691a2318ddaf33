import java.math.BigDecimal;
import java.sql.*;
import java.time.LocalDate;
import java.util.Properties;
import org.postgresql.util.PGobject;

// pgJDBC with default options: views for charts, holding parameters as strings.
public class HoldingsJdbcExample {
    public static void main(String[] args) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getenv("PGPORT") + "/" + System.getenv("PGDATABASE");
        Properties props = new Properties();
        props.setProperty("user", System.getenv("PGUSER"));
        props.setProperty("password", System.getenv("PGPASSWORD"));
        try (Connection c = DriverManager.getConnection(url, props)) {
            // The views: standard types, NUMERIC(12,1) read exactly as BigDecimal.
            try (PreparedStatement p = c.prepareStatement("SELECT holder_name, usd_bn FROM holdings.major_holders"
                    + " WHERE holder_kind = 'country' AND month = ? ORDER BY usd_bn DESC LIMIT 2")) {
                p.setObject(1, LocalDate.of(2025, 12, 31));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        BigDecimal bn = r.getBigDecimal("usd_bn");
                        System.out.println(r.getString("holder_name") + ": " + bn + " bn USD");
                    }
                }
            }
            // A holding parameter through setString (sent as varchar: the extension casts it).
            try (PreparedStatement p = c.prepareStatement("SELECT fx_convert(?, ?, ?)")) {
                p.setString(1, "1185.5 billion USD");
                p.setString(2, "JPY");
                p.setObject(3, LocalDate.of(2025, 12, 31));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    System.out.println("in yen: " + r.getString(1));
                }
            }
            // A holding column: getString, or a PGobject; amount() and currency() as standard types.
            try (PreparedStatement p = c.prepareStatement("SELECT amount, amount(amount), currency(amount)"
                    + " FROM holdings.position WHERE holder_id = ? AND instrument = 'UST' AND as_of = ?")) {
                p.setString(1, "CN");
                p.setObject(2, LocalDate.of(2025, 12, 31));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    PGobject h = (PGobject) r.getObject(1);
                    System.out.println(h.getType() + " '" + h.getValue() + "' = " + r.getBigDecimal(2) + " " + r.getString(3));
                }
            }
        }
    }
}
