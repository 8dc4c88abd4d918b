package dev.sluice.connector.postgresql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;

/**
 * The Pagila sample database (test resources {@code pagila/}, see its README) loaded into a test
 * database over JDBC: the pg_dump scripts run statement by statement, {@code COPY … FROM stdin}
 * blocks through the copy API. Ownership and privilege statements are skipped, so the dump loads
 * as whichever user the test server gives; the files themselves stay as published.
 */
final class Pagila {
    private static final Pattern SKIPPED = Pattern.compile("^(ALTER\\s.*\\sOWNER\\s+TO\\s|GRANT\\s|REVOKE\\s)",
            Pattern.DOTALL);
    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$[A-Za-z_]*\\$");

    private Pagila() {
    }

    static void load(PgTestDatabase db) {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            run(c, "pagila/pagila-schema.sql");
            run(c, "pagila/pagila-data.sql.gz");
            try (Statement st = c.createStatement()) {
                // the dump creates it WITH NO DATA, and reading an unpopulated materialized view fails
                // ("has not been populated"): refresh it, as its users do before querying it
                st.execute("REFRESH MATERIALIZED VIEW public.rental_by_category");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("loading Pagila: " + e.getMessage(), e);
        }
    }

    private static void run(Connection c, String resource) throws SQLException {
        try (BufferedReader in = open(resource); Statement st = c.createStatement()) {
            StringBuilder statement = new StringBuilder();
            String dollarTag = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (statement.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                    continue;
                }
                statement.append(line).append('\n');
                dollarTag = dollarQuoteAfter(line, dollarTag);
                if (dollarTag != null || !line.stripTrailing().endsWith(";")) {
                    continue;
                }
                String sql = statement.toString().strip();
                statement.setLength(0);
                if (sql.startsWith("COPY ") && sql.endsWith("FROM stdin;")) {
                    copy(c, sql, in);
                } else if (!SKIPPED.matcher(sql).find()) {
                    st.execute(sql);
                }
            }
            if (!statement.toString().isBlank()) {
                throw new IllegalStateException(resource + " ends inside a statement: " + statement);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The dollar quote open at the end of {@code line}, given the one open at its start (null: none). */
    private static String dollarQuoteAfter(String line, String open) {
        Matcher m = DOLLAR_QUOTE.matcher(line);
        while (m.find()) {
            if (open == null) {
                open = m.group();
            } else if (open.equals(m.group())) {
                open = null;
            }
        }
        return open;
    }

    /** The data lines up to {@code \.} go to the copy API. */
    private static void copy(Connection c, String sql, BufferedReader in) throws IOException, SQLException {
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); !"\\.".equals(line); line = in.readLine()) {
            if (line == null) {
                throw new IllegalStateException("no end of data (\\.) after " + sql);
            }
            data.append(line).append('\n');
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
    }

    private static BufferedReader open(String resource) throws IOException {
        InputStream raw = Pagila.class.getClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("test resource " + resource + " is missing");
        }
        InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
