package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.connector.postgresql.PgNames;
import dev.sluice.spi.BreakingChangeException;
import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What migrating a stored table to a wanted schema takes, decided before anything changes.
 * Names compare as PostgreSQL stores them (exact, at most 63 bytes); types as
 * {@code format_type()} prints them.
 *
 * <p>Not breaking: new nullable columns, stored nullable columns the schema no longer lists
 * (left alone), a unique key the schema dropped. Breaking: a changed primary key, type or
 * nullability, a new NOT NULL column, a stored NOT NULL column the schema no longer lists,
 * a changed unique key.
 */
record PgSchemaDiff(Optional<BreakingChangeException> breaking, List<Column> added, boolean dropUniqueKey) {

    static PgSchemaDiff of(StoredPgTable stored, TableSchema wanted) {
        String table = wanted.name();
        if (!stored(wanted.primaryKey()).equals(stored.primaryKey())) {
            return breaking(table, firstDifference(stored.primaryKey(), wanted.primaryKey()),
                    "primary key changed from " + stored.primaryKey() + " to " + wanted.primaryKey());
        }
        List<Column> added = new ArrayList<>();
        for (Column c : wanted.columns()) {
            boolean notNull = PgSql.notNull(wanted, c);
            Optional<StoredPgTable.StoredColumn> old = stored.column(c.name());
            String type = PgTypes.declared(c.type());
            if (old.isEmpty()) {
                if (notNull) {
                    return breaking(table, c.name(), "adding a NOT NULL column");
                }
                added.add(c);
            } else if (!PgTypes.holds(old.get().type(), c.type())) {
                return breaking(table, c.name(), "type changed from " + old.get().type() + " to " + type);
            } else if (old.get().notNull() != notNull) {
                return breaking(table, c.name(), "nullability changed from " + nullability(old.get().notNull())
                        + " to " + nullability(notNull));
            }
        }
        Set<String> wantedNames = new HashSet<>(stored(wanted.columns().stream().map(Column::name).toList()));
        for (StoredPgTable.StoredColumn old : stored.columns()) {
            if (old.notNull() && !wantedNames.contains(old.name())) {
                return breaking(table, old.name(), "a NOT NULL column is missing from the new schema");
            }
        }
        boolean dropUnique = false;
        if (!stored(wanted.uniqueKey()).equals(stored.uniqueKey())) {
            if (!wanted.uniqueKey().isEmpty()) {
                return breaking(table, firstDifference(stored.uniqueKey(), wanted.uniqueKey()),
                        "unique key changed from " + stored.uniqueKey() + " to " + wanted.uniqueKey());
            }
            dropUnique = true;
        }
        return new PgSchemaDiff(Optional.empty(), added, dropUnique);
    }

    private static List<String> stored(List<String> names) {
        return names.stream().map(PgNames::stored).toList();
    }

    private static PgSchemaDiff breaking(String table, String column, String change) {
        return new PgSchemaDiff(Optional.of(new BreakingChangeException(table, column, change)), List.of(), false);
    }

    /** The wanted name at the first position where the keys differ (the stored one if the wanted key is shorter). */
    private static String firstDifference(List<String> stored, List<String> wanted) {
        for (int i = 0; i < Math.max(stored.size(), wanted.size()); i++) {
            String x = i < stored.size() ? stored.get(i) : null;
            String y = i < wanted.size() ? wanted.get(i) : null;
            if (!Objects.equals(x, y == null ? null : PgNames.stored(y))) {
                return y != null ? y : x;
            }
        }
        throw new IllegalArgumentException("keys are equal");
    }

    private static String nullability(boolean notNull) {
        return notNull ? "NOT NULL" : "nullable";
    }
}
