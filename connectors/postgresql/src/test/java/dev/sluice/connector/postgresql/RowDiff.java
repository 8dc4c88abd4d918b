package dev.sluice.connector.postgresql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Source and destination rows (the same columns, each value as text or null) to difference
 * lines: rows missing or extra by key, then per column how many paired rows differ and the
 * first of them. Rows pair by key; when every key differs as text but the counts agree (a key
 * column whose text form changed), by position.
 *
 * @param keyAt the key columns' positions (every column for a relation without a key)
 */
record RowDiff(String table, List<String> columns, List<Integer> keyAt) {
    private static final int EXAMPLES = 3;

    static List<String> of(String table, List<String> columns, List<Integer> keyAt, List<List<String>> want,
                           List<List<String>> got) {
        return new RowDiff(table, columns, keyAt).compare(want, got);
    }

    private List<String> compare(List<List<String>> want, List<List<String>> got) {
        List<String> out = new ArrayList<>();
        Map<List<String>, List<String>> wantByKey = byKey(want);
        Map<List<String>, List<String>> gotByKey = byKey(got);
        List<List<String>> missing = want.stream().filter(r -> !gotByKey.containsKey(key(r))).toList();
        List<List<String>> extra = got.stream().filter(r -> !wantByKey.containsKey(key(r))).toList();
        if (want.size() != got.size() || !missing.isEmpty() || !extra.isEmpty()) {
            out.add(table + ": " + want.size() + " rows in the source, " + got.size() + " in the destination; "
                    + missing.size() + " source rows have no destination row with their key, e.g. " + shown(missing)
                    + "; " + extra.size() + " destination rows have no source row with their key, e.g. " + shown(extra));
        }
        List<Pair> pairs = new ArrayList<>();
        String pairing;
        if (missing.isEmpty() && extra.isEmpty() || want.size() != got.size()) {
            pairing = "by key";
            want.stream().filter(r -> gotByKey.containsKey(key(r)))
                    .forEach(r -> pairs.add(new Pair(r, gotByKey.get(key(r)))));
        } else {
            pairing = "by position (keys differ as text)";
            for (int i = 0; i < want.size(); i++) {
                pairs.add(new Pair(want.get(i), got.get(i)));
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            final int at = c;
            List<Pair> differing = pairs.stream().filter(p -> !same(p.want().get(at), p.got().get(at))).toList();
            if (!differing.isEmpty()) {
                Pair first = differing.get(0);
                out.add(table + "." + columns.get(c) + ": " + differing.size() + " of " + pairs.size()
                        + " rows differ (paired " + pairing + "), first at key " + describeKey(first.want())
                        + ": source " + literal(first.want().get(at)) + ", destination " + literal(first.got().get(at)));
            }
        }
        return out;
    }

    /** A source row and the destination row compared with it. */
    private record Pair(List<String> want, List<String> got) {
    }

    private Map<List<String>, List<String>> byKey(List<List<String>> rows) {
        Map<List<String>, List<String>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.putIfAbsent(key(r), r));
        return out;
    }

    private List<String> key(List<String> row) {
        return keyAt.stream().map(row::get).toList();
    }

    private String describeKey(List<String> row) {
        return keyAt.size() == columns.size() ? "(whole row)" : keyAt.stream()
                .map(i -> columns.get(i) + "=" + literal(row.get(i))).collect(Collectors.joining(", ", "(", ")"));
    }

    private String shown(List<List<String>> rows) {
        return rows.isEmpty() ? "none" : rows.stream().limit(EXAMPLES).map(r -> r.stream().map(RowDiff::literal)
                .collect(Collectors.joining(", ", "(", ")"))).collect(Collectors.joining(" "));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        String shown = value.length() > 120 ? value.substring(0, 120) + "…" : value;
        return "'" + shown + "'";
    }
}
