import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The peer for bench/files-1m.sh: DuckDB loads the rows Sluice wrote (its Parquet files) into
 * an in-memory table, then writes them with COPY ... TO; only the COPY is timed.
 *   java -cp duckdb_jdbc.jar bench/files/DuckDbCopy.java 'lake/test_some_table/*.parquet' parquet|json OUT
 * Prints: rows seconds bytes
 */
public final class DuckDbCopy {
    public static void main(String[] args) throws Exception {
        String input = args[0];
        String format = args[1];
        Path out = Path.of(args[2]);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET preserve_insertion_order = false");
            st.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + input.replace("'", "''") + "')");
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                rows = rs.getLong(1);
            }
            String options = format.equals("parquet") ? "FORMAT parquet, COMPRESSION snappy" : "FORMAT json";
            long start = System.nanoTime();
            st.execute("COPY t TO '" + out.toString().replace("'", "''") + "' (" + options + ")");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d %.3f %d%n", rows, seconds, Files.size(out));
        }
    }
}
