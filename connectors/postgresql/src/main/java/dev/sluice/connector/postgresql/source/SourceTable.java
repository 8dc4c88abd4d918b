package dev.sluice.connector.postgresql.source;

import static dev.sluice.connector.postgresql.PgNames.quote;

import dev.sluice.spi.Table;
import java.util.List;
import java.util.Optional;

/**
 * A table found in the catalog: the Sluice table, where it lives, and how to read it.
 *
 * @param select     select expressions aligned with {@code table.columns()}
 * @param key        primary-key columns with their declared types (for casting resume tokens)
 * @param cursor     for an incremental table, its cursor column and declared type
 * @param kind       what the relation is, which decides how a table without a key is paged
 */
record SourceTable(Table table, String schema, String relation, long oid, List<String> select,
                   List<KeyColumn> key, Optional<KeyColumn> cursor, Kind kind) {

    /** The relations the source reads (pg_class.relkind r, p, v, m). */
    enum Kind {
        TABLE("table"), PARTITIONED("partitioned table"), VIEW("view"), MATERIALIZED_VIEW("materialized view");

        final String description;

        Kind(String description) {
            this.description = description;
        }

        static Kind of(String relkind) {
            return switch (relkind) {
                case "r" -> TABLE;
                case "p" -> PARTITIONED;
                case "v" -> VIEW;
                case "m" -> MATERIALIZED_VIEW;
                default -> throw new IllegalArgumentException("relkind " + relkind);
            };
        }

        /** A table or materialized view has blocks of its own to page by; a view or a partitioned parent has none. */
        boolean hasBlocks() {
            return this == TABLE || this == MATERIALIZED_VIEW;
        }
    }

    /** A column used for ordering, with the type its token text is cast back to. */
    record KeyColumn(String name, String declaredType, boolean integer) {
        /** The column qualified by the page query's alias: an output column of the same name cannot shadow it. */
        String quoted() {
            return PageQuery.ALIAS + "." + quote(name);
        }
    }

    String qualifiedName() {
        return quote(schema) + "." + quote(relation);
    }

    String fullName() {
        return schema + "." + relation;
    }
}
