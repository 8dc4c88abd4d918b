package dev.sluice.connector.postgresql.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of one keyset page: rows after the last key read (or after the stored cursor), within
 * the item's key range, in key order (cursor then key for an incremental table), at most a page.
 * The ordering columns come back as text too, to make the next token.
 */
record PageQuery(String sql, List<String> parameters, int orderColumns) {
    static final String ALIAS = "src";

    static PageQuery keyset(SourceTable t, Optional<List<String>> after, KeyRange range, int pageSize) {
        List<SourceTable.KeyColumn> order = new ArrayList<>();
        t.cursor().ifPresent(order::add);
        order.addAll(t.key());
        List<String> where = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        t.cursor().ifPresent(c -> where.add(c.quoted() + " IS NOT NULL"));
        after.ifPresent(values -> {
            where.add("(" + order.stream().map(SourceTable.KeyColumn::quoted).collect(Collectors.joining(", ")) + ") > ("
                    + order.stream().map(k -> "CAST(? AS " + k.declaredType() + ")").collect(Collectors.joining(", ")) + ")");
            parameters.addAll(values);
        });
        SourceTable.KeyColumn first = t.key().get(0);
        range.low().ifPresent(lo -> {
            where.add(first.quoted() + " >= CAST(? AS " + first.declaredType() + ")");
            parameters.add(lo);
        });
        range.high().ifPresent(hi -> {
            where.add(first.quoted() + " < CAST(? AS " + first.declaredType() + ")");
            parameters.add(hi);
        });
        String sql = "SELECT " + String.join(", ", t.select()) + ", "
                + order.stream().map(k -> k.quoted() + "::text").collect(Collectors.joining(", "))
                + " FROM " + t.qualifiedName() + " AS " + ALIAS
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order.stream().map(SourceTable.KeyColumn::quoted).collect(Collectors.joining(", "))
                + " LIMIT " + pageSize;
        return new PageQuery(sql, parameters, order.size());
    }

    /** Rows in blocks [from, to) of an unkeyed table: stable while the table is not rewritten. */
    static PageQuery blocks(SourceTable t, long from, long to) {
        return new PageQuery("SELECT " + String.join(", ", t.select()) + " FROM " + t.qualifiedName()
                + " WHERE ctid >= CAST(? AS tid) AND ctid < CAST(? AS tid)",
                List.of("(" + from + ",0)", "(" + to + ",0)"), 0);
    }
}
