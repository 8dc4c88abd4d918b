package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ColumnType} round-trips through write and readAll ({@link TypeSamples}), and
 * odd names work as table and column names.
 *
 * <p>NaN and the infinities have their own test, {@link #nonFiniteDoublesRoundTrip()}: the
 * reference keeps them, and so must every destination that can; one that cannot overrides that
 * test with {@code @Disabled("why")} and documents what it does instead.
 */
public abstract class ValueConformance extends MigrationConformance {

    /** Names that break naive SQL: quotes, spaces, unicode, reserved words, length, a semicolon. */
    public static final List<String> ODD_NAMES = List.of(
            "with \"double\" quotes",
            "it's",
            "with spaces",
            "ünïcödé_名前_🚀",
            "select",
            "order",
            "a_name_longer_than_sixty_three_characters_which_postgres_would_truncate_x",
            "semi;colon); DROP TABLE x; --",
            "back\\slash",
            "Mixed_Case",
            "`backtick`",
            "[brackets]",
            "1starts_with_a_digit");

    private static Object[] oddValues(String prefix, List<Integer> keptFromFirst) {
        Object[] values = new Object[ODD_NAMES.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (keptFromFirst.contains(i) ? "v1" : prefix) + " " + ODD_NAMES.get(i);
        }
        return values;
    }

    @Test
    public void everyTypeRoundTrips() {
        List<TypeSamples.Sample> samples = TypeSamples.all();
        CqSchema.Builder b = CqSchema.table("all_types");
        samples.forEach(s -> b.column(s.column(), s.type()));
        TableSchema t = b.primaryKey(CqSchema.ID).build();
        migrate(t);
        int count = samples.stream().mapToInt(s -> s.values().size()).max().orElseThrow();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            List<Object> values = new ArrayList<>();
            for (TypeSamples.Sample s : samples) {
                values.add(s.values().get(r % s.values().size()));
            }
            rows.add(row(r, values.toArray()));
        }
        rows.add(row(count, new Object[samples.size()]));
        destination().write(t, rows);
        assertRows(t, rows);
    }

    @Test
    public void everyTypeRoundTripsInNotNullColumns() {
        List<TypeSamples.Sample> samples = TypeSamples.all();
        CqSchema.Builder b = CqSchema.table("all_types_not_null");
        samples.forEach(s -> b.notNullColumn(s.column(), s.type()));
        TableSchema t = b.appendMode().build();
        migrate(t);
        List<Object> values = new ArrayList<>();
        samples.forEach(s -> values.add(s.values().get(0)));
        Object[] r = CqSchema.row(T0, SOURCE, id(1), id(0), values.toArray());
        write(t, r);
        assertRows(t, r);
    }

    @Test
    public void nonFiniteDoublesRoundTrip() {
        TableSchema t = CqSchema.table("non_finite").column("value", ColumnType.FLOAT64).build();
        migrate(t);
        List<Object[]> rows = new ArrayList<>();
        for (double d : TypeSamples.NON_FINITE_DOUBLES) {
            rows.add(row(rows.size(), d));
        }
        destination().write(t, rows);
        assertRows(t, rows);
    }

    @Test
    public void megabyteValuesRoundTrip() {
        TableSchema t = CqSchema.table("large").column("text", ColumnType.STRING).column("bytes", ColumnType.BYTES)
                .primaryKey(CqSchema.ID).build();
        migrate(t);
        Object[] r = row(1, TypeSamples.megabyteString(), TypeSamples.megabyteBytes());
        write(t, r);
        write(t, r);
        assertRows(t, r);
    }

    @Test
    public void oddNamesWorkAsTableNames() {
        for (String name : ODD_NAMES) {
            TableSchema t = CqSchema.table(name).column("value", ColumnType.STRING).primaryKey(CqSchema.ID).build();
            migrate(t);
            migrate(t);
            Object[] stale = CqSchema.row(T0.minusSeconds(1), SOURCE, id(1), null, "stale");
            write(t, stale, row(2, "two"));
            write(t, row(2, "two, updated"));
            assertThat(destination().deleteStale(t, SOURCE, T0)).as("table %s", name).isEqualTo(1);
            assertRows(t, row(2, "two, updated"));
        }
    }

    @Test
    public void oddNamesWorkAsColumnNamesAndKeys() {
        CqSchema.Builder upsert = CqSchema.table("odd_columns_upsert");
        CqSchema.Builder unique = CqSchema.table("odd_columns_unique");
        for (String name : ODD_NAMES) {
            upsert.column(name, ColumnType.STRING);
            unique.column(name, ColumnType.STRING);
        }
        TableSchema up = upsert.primaryKey(ODD_NAMES.get(0), ODD_NAMES.get(4)).build();
        TableSchema un = unique.uniqueKey(ODD_NAMES.get(1), ODD_NAMES.get(7)).build();
        migrate(up, un);
        migrate(up, un);
        Object[] first = row(1, oddValues("v1", List.of()));
        Object[] second = row(2, oddValues("v2", List.of(0, 1, 4, 7))); // same keys as first
        write(up, first);
        write(up, second);
        write(un, first);
        write(un, second);
        assertRows(up, second);
        assertRows(un, first);
        TableSchema wider = CqSchema.bare("odd_columns_upsert").columns(up.columns())
                .column(new Column("added \"later\"; --", ColumnType.INT64, false, false))
                .primaryKey(ODD_NAMES.get(0), ODD_NAMES.get(4)).build();
        migrate(wider);
        assertThat(destination().readAll(wider)).hasSize(1);
    }
}
