package dev.sluice.connector.postgresql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A table with a hostile name, hostile column names, random column types and rows: names with
 * quotes, backslashes, spaces, dots, {@code %}, unicode, names near and past PostgreSQL's 63
 * bytes, and names that differ only by case. Optionally keyed on its first column.
 */
record RandomTable(String name, List<RandomColumn> columns, boolean keyed, List<List<Object>> rows) {
    record RandomColumn(String name, PgColumnKind kind) {
    }

    private static final Set<String> SYSTEM_COLUMNS = Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");

    static Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(4, Arbitraries.of("\"", "'", "\\", " ", ".", "%", "_", "$", "-", ";", "--", "/*", "?", "*", ":",
                        "ü", "日本", "🚀", "\t", "ß", "İ", "select", "NULL", "\"\"")),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(55).ofMaxLength(62)));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(p -> String.join("", p))
                .filter(n -> !n.startsWith("_cq_") && !n.startsWith("cq_") && !n.startsWith("cloudquery_"));
    }

    static Arbitrary<RandomTable> tables() {
        Arbitrary<RandomColumn> column = Combinators.combine(names(), Arbitraries.of(PgColumnKind.class)).as(RandomColumn::new);
        return Combinators.combine(names(), column.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false),
                Arbitraries.of(PgColumnKind.BIGINT, PgColumnKind.INTEGER, PgColumnKind.TEXT), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 8), Arbitraries.randoms())
                .as((name, columns, keyed, keyKind, caseTwin, rowCount, random) -> {
                    List<RandomColumn> cols = distinctColumns(columns, caseTwin);
                    if (keyed) {
                        cols.set(0, new RandomColumn(cols.get(0).name(), keyKind));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    Set<String> keys = new HashSet<>();
                    for (int i = 0; i < rowCount; i++) {
                        List<Object> row = new ArrayList<>();
                        for (RandomColumn c : cols) {
                            row.add(c.kind().values.generator(100).next(random).value());
                        }
                        if (!keyed || row.get(0) != null && keys.add(String.valueOf(row.get(0)))) {
                            rows.add(row);
                        }
                    }
                    return new RandomTable(name, cols, keyed, rows);
                });
    }

    /** Columns with distinct stored names, not system columns; with a twin differing only by case when asked. */
    private static List<RandomColumn> distinctColumns(List<RandomColumn> columns, boolean caseTwin) {
        List<RandomColumn> out = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        for (RandomColumn c : columns) {
            if (!SYSTEM_COLUMNS.contains(stored(c.name())) && stored.add(stored(c.name()))) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            out.add(new RandomColumn("c", columns.get(0).kind()));
            stored.add("c");
        }
        String twin = swapCase(out.get(0).name());
        if (caseTwin && !SYSTEM_COLUMNS.contains(stored(twin)) && stored.add(stored(twin))) {
            out.add(new RandomColumn(twin, out.get(out.size() - 1).kind()));
        }
        return out;
    }

    static String swapCase(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        return upper.equals(s) ? s.toLowerCase(Locale.ROOT) : upper;
    }

    /** The name as PostgreSQL keeps it: its first 63 bytes of UTF-8, never splitting a character. */
    static String stored(String name) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : name.codePoints().toArray()) {
            int len = Character.toString(cp).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > 63) {
                break;
            }
            bytes += len;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
