package dev.sluice.connector.postgresql.destination;

import dev.sluice.connector.postgresql.PgTypes;
import dev.sluice.spi.Column;
import dev.sluice.spi.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * What writing a schema's rows needs to know of its stored table, read once per migration:
 * the nullable stored columns the schema no longer has (an upsert sets them to NULL), and each
 * column's stored type, which binary COPY straight into the table must match (an instant list
 * stored as {@code timestamp without time zone[]}, as {@link PgTypes#holds} allows, names
 * that element type).
 */
record StoredShape(List<String> leftBehind, List<String> columnTypes) {

    static StoredShape of(Optional<StoredPgTable> stored, TableSchema schema) {
        List<String> types = schema.columns().stream().map(c -> stored.flatMap(s -> s.column(c.name()))
                .map(StoredPgTable.StoredColumn::type).filter(t -> PgTypes.holds(t, c.type()))
                .orElse(PgTypes.declared(c.type()))).toList();
        return new StoredShape(stored.map(s -> s.leftBehindBy(schema)).orElse(List.of()), types);
    }

    /** The types a table created from {@code schema} has (a staging table's). */
    static List<String> declared(TableSchema schema) {
        return schema.columns().stream().map(Column::type).map(PgTypes::declared).toList();
    }
}
