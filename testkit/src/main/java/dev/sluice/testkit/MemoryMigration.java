package dev.sluice.testkit;

import dev.sluice.spi.BreakingChangeException;
import dev.sluice.spi.Column;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What migrating a stored table to a wanted schema takes, decided before anything changes.
 * Non-breaking: new nullable columns, a removed unique key, stored nullable columns the schema
 * no longer lists (left alone). Breaking: a changed primary key, type or nullability, a new
 * NOT NULL column, a stored NOT NULL column the schema no longer lists (writes would fail),
 * a changed (not removed) unique key.
 */
record MemoryMigration(Optional<BreakingChangeException> breaking, List<Column> added, boolean dropUniqueKey) {

    static MemoryMigration plan(MemoryTable stored, TableSchema wanted) {
        requireDistinctColumns(wanted);
        String table = wanted.name();
        if (!stored.primaryKey().equals(wanted.primaryKey())) {
            return breaking(table, firstDifference(stored.primaryKey(), wanted.primaryKey()),
                    "primary key changed from " + keyText(stored.primaryKey()) + " to " + keyText(wanted.primaryKey()));
        }
        List<Column> added = new ArrayList<>();
        for (Column c : wanted.columns()) {
            boolean notNull = effectiveNotNull(wanted, c);
            Optional<Column> old = stored.column(c.name());
            if (old.isEmpty()) {
                if (notNull) {
                    return breaking(table, c.name(), "adding a NOT NULL column");
                }
                added.add(c);
            } else if (old.get().type() != c.type()) {
                return breaking(table, c.name(), "type changed from " + old.get().type().displayName()
                        + " to " + c.type().displayName());
            } else if (old.get().notNull() != notNull) {
                return breaking(table, c.name(), "nullability changed from " + nullability(old.get().notNull())
                        + " to " + nullability(notNull));
            }
        }
        for (Column old : stored.columns()) {
            if (old.notNull() && wanted.columnIndex(old.name()) < 0) {
                return breaking(table, old.name(), "a NOT NULL column is missing from the new schema");
            }
        }
        boolean dropUnique = false;
        if (!stored.uniqueKey().equals(wanted.uniqueKey())) {
            if (!wanted.uniqueKey().isEmpty()) {
                return breaking(table, firstDifference(stored.uniqueKey(), wanted.uniqueKey()),
                        "unique key changed from " + keyText(stored.uniqueKey()) + " to " + keyText(wanted.uniqueKey()));
            }
            dropUnique = true;
        }
        return new MemoryMigration(Optional.empty(), added, dropUnique);
    }

    static boolean effectiveNotNull(TableSchema schema, Column c) {
        return c.notNull() || schema.primaryKey().contains(c.name());
    }

    static void requireDistinctColumns(TableSchema schema) {
        Set<String> seen = new HashSet<>();
        for (Column c : schema.columns()) {
            if (!seen.add(c.name())) {
                throw new ConnectorException("table \"" + schema.name() + "\": column \"" + c.name() + "\" appears twice");
            }
        }
    }

    private static MemoryMigration breaking(String table, String column, String change) {
        return new MemoryMigration(Optional.of(new BreakingChangeException(table, column, change)), List.of(), false);
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : null;
            String y = i < b.size() ? b.get(i) : null;
            if (!Objects.equals(x, y)) {
                return y != null ? y : x;
            }
        }
        throw new IllegalArgumentException("keys are equal");
    }

    private static String keyText(List<String> key) {
        return "(" + String.join(", ", key) + ")";
    }

    private static String nullability(boolean notNull) {
        return notNull ? "NOT NULL" : "nullable";
    }
}
