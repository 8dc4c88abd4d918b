package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.BreakingChangeException;
import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * migrate: SAFE creates tables and adds nullable columns and refuses anything else before
 * changing any table; FORCED drops and recreates a table whose change is breaking.
 */
public abstract class MigrationConformance extends DeleteStaleConformance {

    /** {@code id} int64 primary key, {@code name} string NOT NULL, {@code amount} int64. */
    private static CqSchema.Builder base(String name) {
        return CqSchema.table(name).column("id", ColumnType.INT64).notNullColumn("name", ColumnType.STRING)
                .column("amount", ColumnType.INT64);
    }

    private static TableSchema v1(String name) {
        return base(name).primaryKey("id").build();
    }

    private void migrate(MigrateMode mode, TableSchema... tables) {
        destination().migrate(List.of(tables), mode);
    }

    @Test
    public void migrateIsIdempotent() {
        TableSchema t = v1("idempotent");
        migrate(t);
        migrate(t);
        write(t, row(1, 1L, "one", 10L));
        migrate(t);
        assertRows(t, row(1, 1L, "one", 10L));
    }

    @Test
    public void safeMigrationAddsNullableColumns() {
        TableSchema v1 = v1("grows");
        TableSchema v2 = base("grows").column("note", ColumnType.STRING).column("tags", ColumnType.STRING_LIST)
                .primaryKey("id").build();
        migrate(v1);
        write(v1, row(1, 1L, "one", 10L));
        migrate(v2);
        assertRows(v2, row(1, 1L, "one", 10L, null, null));
        write(v2, row(2, 2L, "two", 20L, "noted", List.of("x")));
        assertRows(v2, row(1, 1L, "one", 10L, null, null), row(2, 2L, "two", 20L, "noted", List.of("x")));
        assertRows(v1, row(1, 1L, "one", 10L), row(2, 2L, "two", 20L));
    }

    @Test
    public void safeMigrationLeavesAloneANullableColumnTheSchemaNoLongerHas() {
        TableSchema wide = base("shrinks").column("note", ColumnType.STRING).primaryKey("id").build();
        TableSchema narrow = v1("shrinks");
        migrate(wide);
        write(wide, row(1, 1L, "one", 10L, "kept"));
        migrate(narrow);
        write(narrow, row(2, 2L, "two", 20L));
        assertRows(wide, row(1, 1L, "one", 10L, "kept"), row(2, 2L, "two", 20L, null));
    }

    @Test
    public void aColumnTheSchemaNoLongerHasIsNullInRowsWrittenAfterIt() {
        TableSchema wide = base("drifts").column("note", ColumnType.STRING).primaryKey("id").build();
        TableSchema narrow = v1("drifts");
        migrate(wide);
        write(wide, row(1, 1L, "one", 10L, "old note"), row(2, 2L, "two", 20L, "untouched"));
        migrate(narrow);
        write(narrow, row(3, 1L, "one", 11L));
        assertRows(wide, row(3, 1L, "one", 11L, null), row(2, 2L, "two", 20L, "untouched"));
    }

    @Test
    public void safeMigrationRefusesATypeChange() {
        TableSchema v1 = v1("retyped");
        TableSchema v2 = CqSchema.table("retyped").column("id", ColumnType.INT64)
                .notNullColumn("name", ColumnType.STRING).column("amount", ColumnType.STRING).primaryKey("id").build();
        migrate(v1);
        write(v1, row(1, 1L, "one", 10L));
        assertThatExceptionOfType(BreakingChangeException.class).isThrownBy(() -> migrate(v2))
                .satisfies(e -> assertBreaking(e, "retyped", "amount", "type"));
        assertUntouched(v1);
    }

    @Test
    public void safeMigrationRefusesAPrimaryKeyChange() {
        TableSchema v1 = v1("rekeyed");
        TableSchema v2 = base("rekeyed").primaryKey("name").build();
        migrate(v1);
        write(v1, row(1, 1L, "one", 10L));
        assertThatExceptionOfType(BreakingChangeException.class).isThrownBy(() -> migrate(v2))
                .satisfies(e -> {
                    assertThat(e.table()).isEqualTo("rekeyed");
                    assertThat(e.column()).isIn("id", "name");
                    assertThat(e.change()).containsIgnoringCase("primary key");
                });
        assertUntouched(v1);
    }

    @Test
    public void safeMigrationRefusesANewNotNullColumn() {
        TableSchema v1 = v1("tightened");
        TableSchema v2 = base("tightened").column(new Column("must", ColumnType.STRING, false, true))
                .primaryKey("id").build();
        migrate(v1);
        write(v1, row(1, 1L, "one", 10L));
        assertThatExceptionOfType(BreakingChangeException.class).isThrownBy(() -> migrate(v2))
                .satisfies(e -> {
                    assertThat(e.table()).isEqualTo("tightened");
                    assertThat(e.column()).isEqualTo("must");
                    assertThat(e.change()).isNotBlank();
                });
        assertUntouched(v1);
    }

    @Test
    public void safeMigrationChangesNoTableWhenAnyBreaks() {
        TableSchema a = v1("a_grows");
        TableSchema aWide = base("a_grows").column("note", ColumnType.STRING).primaryKey("id").build();
        TableSchema created = v1("b_new");
        TableSchema c = v1("c_breaks");
        TableSchema cRetyped = CqSchema.table("c_breaks").column("id", ColumnType.STRING)
                .notNullColumn("name", ColumnType.STRING).column("amount", ColumnType.INT64).primaryKey("id").build();
        migrate(a, c);
        write(a, row(1, 1L, "one", 10L));
        assertThatExceptionOfType(BreakingChangeException.class).isThrownBy(() -> migrate(aWide, created, cRetyped))
                .satisfies(e -> assertThat(e.table()).isEqualTo("c_breaks"));
        assertRows(a, row(1, 1L, "one", 10L));
        assertThatThrownBy(() -> destination().readAll(aWide)).as("column note must not exist").isNotNull();
        assertThatThrownBy(() -> destination().readAll(created)).as("table b_new must not exist").isNotNull();
    }

    @Test
    public void forcedMigrationDropsAndRecreatesABrokenTable() {
        TableSchema v1 = v1("forced");
        TableSchema v2 = CqSchema.table("forced").column("id", ColumnType.INT64)
                .notNullColumn("name", ColumnType.STRING).column("amount", ColumnType.STRING).primaryKey("id").build();
        migrate(v1);
        write(v1, row(1, 1L, "one", 10L));
        migrate(MigrateMode.FORCED, v2);
        assertRows(v2);
        write(v2, row(2, 2L, "two", "twenty"));
        assertRows(v2, row(2, 2L, "two", "twenty"));
    }

    @Test
    public void forcedMigrationAppliesANewPrimaryKey() {
        TableSchema v1 = v1("forced_key");
        TableSchema v2 = base("forced_key").primaryKey("name").build();
        migrate(v1);
        write(v1, row(1, 1L, "one", 10L));
        migrate(MigrateMode.FORCED, v2);
        write(v2, row(2, 2L, "same", 20L), row(3, 3L, "same", 30L));
        assertRows(v2, row(3, 3L, "same", 30L));
    }

    @Test
    public void forcedMigrationKeepsTheRowsOfTablesThatDoNotBreak() {
        TableSchema a = v1("forced_keeps");
        TableSchema aWide = base("forced_keeps").column("note", ColumnType.STRING).primaryKey("id").build();
        TableSchema b = v1("forced_drops");
        TableSchema bRetyped = CqSchema.table("forced_drops").column("id", ColumnType.INT64)
                .notNullColumn("name", ColumnType.STRING).column("amount", ColumnType.FLOAT64).primaryKey("id").build();
        migrate(a, b);
        write(a, row(1, 1L, "one", 10L));
        write(b, row(2, 2L, "two", 20L));
        migrate(MigrateMode.FORCED, aWide, bRetyped);
        assertRows(aWide, row(1, 1L, "one", 10L, null));
        assertRows(bRetyped);
    }

    private static void assertBreaking(BreakingChangeException e, String table, String column, String change) {
        assertThat(e.table()).isEqualTo(table);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.change()).containsIgnoringCase(change);
        assertThat(e.getMessage()).contains(table).contains(column);
    }

    /** The table still has its row and still takes writes of its old schema. */
    private void assertUntouched(TableSchema v1) {
        assertRows(v1, row(1, 1L, "one", 10L));
        write(v1, row(1, 1L, "one, updated", 11L));
        assertRows(v1, row(1, 1L, "one, updated", 11L));
    }
}
