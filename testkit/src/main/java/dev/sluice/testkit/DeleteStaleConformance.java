package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.TableSchema;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * deleteStale removes exactly the rows of one source older than the sync time
 * ({@code _cq_source_name = ? AND _cq_sync_time < ?}), to the microsecond.
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
}
