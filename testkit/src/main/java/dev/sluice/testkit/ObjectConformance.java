package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.ObjectName;
import dev.sluice.spi.ObjectWriter;
import dev.sluice.spi.OpenObject;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every destination of objects ({@link dev.sluice.spi.Destination#objects()}) does: an
 * object appears only when sealed and then with every row it was given; an aborted one leaves
 * nothing; sealing the same name again replaces the object whole (a replayed page writes no
 * copy); objects of other names and tables add up, also written concurrently. A destination's
 * tests extend it, supplying a fresh destination and a reader of what is stored.
 */
public abstract class ObjectConformance extends ConformanceSupport {

    /** The {@code _cq_id} of every row in every object of {@code table} a reader can see now, in any order. */
    protected abstract List<UUID> storedIds(TableSchema table);

    private ObjectWriter objects() {
        return destination().objects().orElseThrow(() -> new AssertionError("the destination has no objects()"));
    }

    private static ObjectName name(int n) {
        return new ObjectName(new UUID(0x0b1ec7_0000_0000L, n), "sync-1", T0, n == 1);
    }

    private static List<Object[]> rows(int from, int to) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(row(i, "name " + i));
        }
        return rows;
    }

    private static List<UUID> ids(int from, int to) {
        List<UUID> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    private void sealed(TableSchema table, int name, List<Object[]> rows) {
        OpenObject o = objects().begin(table, name(name));
        o.append(rows);
        o.seal();
    }

    @Test
    public void aSealedObjectHoldsEveryRowOfEveryAppend() {
        TableSchema t = appendTable("objects_sealed");
        migrate(t);
        OpenObject o = objects().begin(t, name(1));
        o.append(rows(0, 3));
        o.append(rows(3, 10));
        o.seal();
        assertThat(storedIds(t)).containsExactlyInAnyOrderElementsOf(ids(0, 10));
    }

    @Test
    public void nothingIsVisibleBeforeTheSeal() {
        TableSchema t = appendTable("objects_unsealed");
        migrate(t);
        OpenObject o = objects().begin(t, name(1));
        o.append(rows(0, 5));
        assertThat(storedIds(t)).isEmpty();
        o.seal();
        assertThat(storedIds(t)).hasSize(5);
    }

    @Test
    public void anAbortedObjectLeavesNothingAndTheEarlierObjectOfItsNameStays() {
        TableSchema t = appendTable("objects_aborted");
        migrate(t);
        sealed(t, 1, rows(0, 4));
        OpenObject again = objects().begin(t, name(1));
        again.append(rows(0, 8));
        again.abort();
        again.abort();
        OpenObject other = objects().begin(t, name(2));
        other.append(rows(100, 110));
        other.abort();
        assertThat(storedIds(t)).containsExactlyInAnyOrderElementsOf(ids(0, 4));
    }

    @Test
    public void sealingTheSameNameAgainReplacesTheObjectWhole() {
        TableSchema t = appendTable("objects_replaced");
        migrate(t);
        sealed(t, 1, rows(0, 6));
        sealed(t, 1, rows(0, 9)); // a replay that read further before the object ended
        assertThat(storedIds(t)).containsExactlyInAnyOrderElementsOf(ids(0, 9));
        sealed(t, 1, rows(0, 2));
        assertThat(storedIds(t)).containsExactlyInAnyOrderElementsOf(ids(0, 2));
    }

    @Test
    public void objectsOfOtherNamesAndTablesAddUpWrittenConcurrently() throws Exception {
        TableSchema a = appendTable("objects_a");
        TableSchema b = appendTable("objects_b");
        migrate(a, b);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 1; n <= 8; n++) {
                int k = n;
                done.add(pool.submit(() -> sealed(k % 2 == 0 ? a : b, k, rows(k * 1000, k * 1000 + 50))));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<UUID> expectedA = new ArrayList<>();
        List<UUID> expectedB = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            (n % 2 == 0 ? expectedA : expectedB).addAll(ids(n * 1000, n * 1000 + 50));
        }
        assertThat(storedIds(a)).containsExactlyInAnyOrderElementsOf(expectedA);
        assertThat(storedIds(b)).containsExactlyInAnyOrderElementsOf(expectedB);
    }

    @Test
    public void migrationIsHarmlessAndRepeatable() {
        TableSchema t = appendTable("objects_migrated");
        migrate(t);
        migrate(t);
        sealed(t, 1, rows(0, 1));
        migrate(t);
        assertThat(storedIds(t)).containsExactly(id(0));
    }
}
