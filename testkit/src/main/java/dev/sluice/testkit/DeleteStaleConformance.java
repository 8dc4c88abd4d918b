package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * deleteStale removes exactly the rows of one source older than the sync time
 * ({@code _cq_source_name = ? AND _cq_sync_time < ?}), to the microsecond; scoped to a
 * partition, only those whose scope columns (odd names included) hold the scope's values.
 */
public abstract class DeleteStaleConformance extends WriteConformance {

    @Test
    public void deleteStaleDeletesExactlyTheOlderRowsOfTheSource() {
        TableSchema t = upsertTable("stale");
        migrate(t);
        Object[] justBefore = CqSchema.row(T0.minus(1, ChronoUnit.MICROS), SOURCE, id(1), null, 1L, "just before");
        Object[] dayBefore = CqSchema.row(T0.minus(1, ChronoUnit.DAYS), SOURCE, id(2), null, 2L, "a day before");
        Object[] atSyncTime = CqSchema.row(T0, SOURCE, id(3), null, 3L, "at the sync time");
        Object[] justAfter = CqSchema.row(T0.plus(1, ChronoUnit.MICROS), SOURCE, id(4), null, 4L, "just after");
        Object[] otherSource = CqSchema.row(T0.minus(1, ChronoUnit.DAYS), OTHER_SOURCE, id(5), null, 5L, "other source");
        Object[] noSyncTime = CqSchema.row(null, SOURCE, id(6), null, 6L, "no sync time");
        write(t, justBefore, dayBefore, atSyncTime, justAfter, otherSource, noSyncTime);

        assertThat(destination().deleteStale(t, SOURCE, T0)).isEqualTo(2);
        assertRows(t, atSyncTime, justAfter, otherSource, noSyncTime);
        assertThat(destination().deleteStale(t, SOURCE, T0)).isZero();
    }

    @Test
    public void deleteStaleInAppendModeLetsTheDeletedRowsBeWrittenAgain() {
        TableSchema t = appendTable("stale_append");
        migrate(t);
        Object[] old = CqSchema.row(T0, SOURCE, id(1), null, "old sync");
        Object[] current = CqSchema.row(T1, SOURCE, id(1), null, "this sync");
        write(t, old, current);

        assertThat(destination().deleteStale(t, SOURCE, T1)).isEqualTo(1);
        assertRows(t, current);
        write(t, old);
        assertRows(t, old, current);
    }

    @Test
    public void deleteStaleOnATableWithoutStaleRowsReturnsZero() {
        TableSchema t = plainTable("nothing_stale");
        migrate(t);
        write(t, CqSchema.row(T1, SOURCE, id(1), null, "current"));
        assertThat(destination().deleteStale(t, SOURCE, T0)).isZero();
        assertThat(destination().deleteStale(t, "unknown source", T1.plusSeconds(1))).isZero();
        assertThat(destination().readAll(t)).hasSize(1);
    }

    /** Scope columns named as a source might not: quotes, a space, a reserved word, a semicolon. */
    private static final String ACCOUNT = "account \"id\"";
    private static final String REGION = "select";
    private static final String NUMBER = "n); DROP TABLE x; --";
    private static final String FLAG = "it's";
    private static final String DAY = "Day";
    private static final String AT = "at time";
    private static final String TOKEN = "uuid";

    private static TableSchema scopedTable(String name) {
        return CqSchema.table(name).column("id", ColumnType.INT64).column(ACCOUNT, ColumnType.STRING)
                .column(REGION, ColumnType.STRING).column("name", ColumnType.STRING).primaryKey("id").build();
    }

    private static Object[] scoped(int n, Instant syncTime, String source, String account, String region) {
        return CqSchema.row(syncTime, source, id(n), null, (long) n, account, region, "row " + n);
    }

    @Test
    public void deleteStaleScopedToAPartitionDeletesOnlyItsStaleRows() {
        TableSchema t = scopedTable("stale_scoped");
        migrate(t);
        Instant old = T0.minus(1, ChronoUnit.DAYS);
        Object[] mine = scoped(1, old, SOURCE, "111", "us-east-1");
        Object[] mineToo = scoped(2, T0.minus(1, ChronoUnit.MICROS), SOURCE, "111", "us-east-1");
        Object[] otherRegion = scoped(3, old, SOURCE, "111", "eu-west-1");
        Object[] otherAccount = scoped(4, old, SOURCE, "222", "us-east-1");
        Object[] current = scoped(5, T0, SOURCE, "111", "us-east-1");
        Object[] otherSource = scoped(6, old, OTHER_SOURCE, "111", "us-east-1");
        Object[] noRegion = scoped(7, old, SOURCE, "111", null);
        Object[] prefix = scoped(8, old, SOURCE, "1111", "us-east-1");
        write(t, mine, mineToo, otherRegion, otherAccount, current, otherSource, noRegion, prefix);

        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put(ACCOUNT, "111");
        partition.put(REGION, "us-east-1");
        assertThat(destination().deleteStale(t, SOURCE, T0, partition)).isEqualTo(2);
        assertRows(t, otherRegion, otherAccount, current, otherSource, noRegion, prefix);
        assertThat(destination().deleteStale(t, SOURCE, T0, partition)).as("again").isZero();
        assertThat(destination().deleteStale(t, SOURCE, T0, Map.of(ACCOUNT, "nobody", REGION, "us-east-1")))
                .as("a scope that matches nothing").isZero();
        assertThat(destination().deleteStale(t, OTHER_SOURCE, T0, Map.of(ACCOUNT, "222"))).as("no stale row of that source").isZero();
        assertRows(t, otherRegion, otherAccount, current, otherSource, noRegion, prefix);
        assertThat(destination().deleteStale(t, SOURCE, T0, Map.of(ACCOUNT, "111"))).as("a global table's scope").isEqualTo(2);
        assertRows(t, otherAccount, current, otherSource, prefix);
        assertThat(destination().deleteStale(t, SOURCE, T0, Map.of())).as("no scope: the whole source").isEqualTo(2);
        assertRows(t, current, otherSource);
    }

    @Test
    public void deleteStaleScopedComparesEachValueAsItsColumnsType() {
        UUID token = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");
        LocalDate day = LocalDate.of(2024, 2, 29);
        Instant at = Instant.parse("2024-04-30T23:59:59.999999Z");
        TableSchema t = CqSchema.table("stale_scoped_types").column("id", ColumnType.INT64).column(NUMBER, ColumnType.INT64)
                .column(FLAG, ColumnType.BOOL).column(TOKEN, ColumnType.UUID).column(DAY, ColumnType.DATE)
                .column(AT, ColumnType.TIMESTAMP).primaryKey("id").build();
        migrate(t);
        Instant old = T0.minus(1, ChronoUnit.HOURS);
        Object[] match = CqSchema.row(old, SOURCE, id(1), null, 1L, 7L, true, token, day, at);
        Object[] number = CqSchema.row(old, SOURCE, id(2), null, 2L, 8L, true, token, day, at);
        Object[] flag = CqSchema.row(old, SOURCE, id(3), null, 3L, 7L, false, token, day, at);
        Object[] uuid = CqSchema.row(old, SOURCE, id(4), null, 4L, 7L, true, new UUID(0, 1), day, at);
        Object[] date = CqSchema.row(old, SOURCE, id(5), null, 5L, 7L, true, token, day.plusDays(1), at);
        Object[] time = CqSchema.row(old, SOURCE, id(6), null, 6L, 7L, true, token, day, at.minus(1, ChronoUnit.MICROS));
        write(t, match, number, flag, uuid, date, time);

        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(NUMBER, 7L);
        scope.put(FLAG, true);
        scope.put(TOKEN, token);
        scope.put(DAY, day);
        scope.put(AT, at);
        assertThat(destination().deleteStale(t, SOURCE, T0, scope)).isEqualTo(1);
        assertRows(t, number, flag, uuid, date, time);
    }

    @Test
    public void deleteStaleRefusesAScopeItCannotApplyAndDeletesNothing() {
        TableSchema t = CqSchema.table("stale_scoped_refused").column("id", ColumnType.INT64).column(ACCOUNT, ColumnType.STRING)
                .column("doc", ColumnType.JSON).primaryKey("id").build();
        migrate(t);
        Object[] stale = CqSchema.row(T0.minusSeconds(1), SOURCE, id(1), null, 1L, "111", "{}");
        write(t, stale);

        assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> destination().deleteStale(t, SOURCE, T0, Map.of("no such column", "111")))
                .withMessageContaining("no such column");
        assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> destination().deleteStale(t, SOURCE, T0, Map.of(ACCOUNT, 111L)))
                .withMessageContaining(ACCOUNT);
        assertThatExceptionOfType(ConnectorException.class)
                .isThrownBy(() -> destination().deleteStale(t, SOURCE, T0, Map.of("doc", "{}")))
                .withMessageContaining("doc");
        assertRows(t, stale);
    }
}
