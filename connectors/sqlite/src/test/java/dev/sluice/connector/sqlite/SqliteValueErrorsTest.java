package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import dev.sluice.testkit.CqSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value SQLite cannot store as documented, or a stored one that cannot be read as the
 * column's type, fails naming table, column and why, in Sluice's words, and a failed write
 * writes nothing.
 */
class SqliteValueErrorsTest {
    @TempDir
    Path dir;
    private SqliteDestination destination;

    @BeforeEach
    void open() {
        destination = new SqliteDestination(new SqliteConfig(Optional.of(dir.resolve("db.sqlite"))));
        destination.open();
    }

    @AfterEach
    void close() {
        destination.close();
    }

    @Test
    void valuesThatCannotBeStoredAsDocumentedAreRefused() {
        assertRefused(ColumnType.NUMERIC, new BigDecimal("1E+999999999"),
                "the decimal 1E+999999999 has more than 131072 digits before the point or 16383 after, too many to store as text");
        assertRefused(ColumnType.TIMESTAMP, Instant.MAX.minusSeconds(1),
                "the timestamp +1000000000-12-31T23:59:58.999999999Z is outside the years -999999999 to +999999999");
        assertRefused(ColumnType.STRING, "a\uD800b", "the text has an unpaired UTF-16 surrogate (U+D800 at index 1), which UTF-8 cannot store");
        assertRefused(ColumnType.STRING_LIST, List.of("ok", "\uDC00"), "the text has an unpaired UTF-16 surrogate (U+DC00 at index 0)");
        assertRefused(ColumnType.JSON, "{\"a\":", "the text is not JSON: Unexpected end-of-input");
        assertRefused(ColumnType.JSON, "{} {}", "the text is not JSON: more follows the document at offset 3");
        assertRefused(ColumnType.JSON, "", "the text is not JSON: it is empty");
        assertRefused(ColumnType.JSON, "NaN", "the text is not JSON");
        assertRefused(ColumnType.list(ColumnType.JSON), Arrays.asList("[]", "{'a': 1}"), "the text is not JSON");
        assertRefused(ColumnType.INET, "example.com", "\"example.com\" is not an IPv4 or IPv6 address");
        assertRefused(ColumnType.CIDR, "192.168.1.5/24", "\"192.168.1.5/24\" is not a network: it has bits set right of its prefix");
        assertRefused(ColumnType.MAC, "08:00:2b", "\"08:00:2b\" is not a MAC address of 6 bytes");
        assertRefused(ColumnType.INT32, 1L << 40, "1099511627776 is outside int32's range");
    }

    @Test
    void storedValuesThatAreNotTheColumnsTypeFailWhenRead() throws Exception {
        assertUnreadable(ColumnType.DATE, "'2024-02-30'", "cannot read the stored text '2024-02-30' as date32: not a date");
        assertUnreadable(ColumnType.DATE, "20240101", "cannot read the stored text '20240101' as date32: not a date"); // TEXT affinity
        assertUnreadable(ColumnType.UINT64, "'-1'", "cannot read the stored text '-1' as uint64: not an unsigned integer");
        assertUnreadable(ColumnType.INT16, "40000", "the stored integer 40000 does not fit the column's type");
        assertUnreadable(ColumnType.FLOAT32, "0.1", "cannot read the stored real 0.1 as float32: it is not a float32 value");
        assertUnreadable(ColumnType.varchar(3), "'four'", "the stored text 'four' does not fit the column's type");
        assertUnreadable(ColumnType.decimal(3, 1), "'12.34'", "the stored text '12.34' does not fit the column's type");
        assertUnreadable(ColumnType.INTERVAL, "'1 day'", "cannot read the stored text '1 day' as month_day_nano_interval: not an ISO 8601 duration");
        assertUnreadable(ColumnType.UUID, "x'00'", "cannot read the stored blob of 1 bytes as uuid: expected text");
        assertUnreadable(ColumnType.CIDR, "'10.0.0.1/8'", "is not a network");
        assertUnreadable(ColumnType.INT64_LIST, "'[1,\"2\"]'",
                "cannot read the stored text '[1,\"2\"]' as list<item: int64, nullable>: expected an integer or null at offset 3, found a string");
        assertUnreadable(ColumnType.STRING_LIST, "'[\"a\"'", "malformed JSON array: Unexpected end-of-input");
    }

    private int tables;

    private void assertRefused(ColumnType type, Object value, String why) {
        TableSchema t = CqSchema.bare("refused_" + (++tables)).column("v", type).build();
        destination.migrate(List.of(t), MigrateMode.SAFE);
        assertThatExceptionOfType(ConnectorException.class).as("%s %s", type.displayName(), value)
                .isThrownBy(() -> destination.write(t, List.<Object[]>of(new Object[] {null}, new Object[] {value})))
                .satisfies(e -> assertThat(e.retryable()).isFalse())
                .withMessageStartingWith("sqlite: table \"" + t.name() + "\", column \"v\": " + why)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "BigDecimal", "Instant", "String", "Exception"));
        assertThat(destination.readAll(t)).as("the batch's other row was not written either").isEmpty();
    }

    private void assertUnreadable(ColumnType type, String sqlLiteral, String why) throws Exception {
        TableSchema t = CqSchema.bare("unreadable_" + (++tables)).column("v", type).build();
        destination.migrate(List.of(t), MigrateMode.SAFE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("db.sqlite"));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + t.name() + " (v) VALUES (" + sqlLiteral + ")");
        }
        assertThatExceptionOfType(ConnectorException.class).as("%s %s", type.displayName(), sqlLiteral)
                .isThrownBy(() -> destination.readAll(t))
                .withMessageStartingWith("sqlite: table \"" + t.name() + "\", column \"v\": ")
                .withMessageContaining(why)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "Long", "Integer", "String", "Exception"));
    }
}
