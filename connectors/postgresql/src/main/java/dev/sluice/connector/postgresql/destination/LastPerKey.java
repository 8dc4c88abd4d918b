package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.ColumnType;
import dev.sluice.spi.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A batch with one row per primary key, the last of equal keys winning, in batch order.
 * {@code INSERT … ON CONFLICT DO UPDATE} refuses to touch a row twice in one statement, and
 * the SPI promises that the last row of a key wins. Keys are equal as PostgreSQL finds them
 * equal ({@link KeyValues}). Batches without repeated keys (nearly all) come back as they are.
 */
final class LastPerKey {
    private LastPerKey() {
    }

    static List<Object[]> of(TableSchema table, List<Object[]> rows) {
        int[] key = table.primaryKey().stream().mapToInt(table::columnIndex).toArray();
        ColumnType[] types = Arrays.stream(key).mapToObj(k -> table.columns().get(k).type()).toArray(ColumnType[]::new);
        List<UnaryOperator<Object>> normal = Arrays.stream(types).map(KeyValues::normalizer).toList();
        List<List<Object>> keys = new ArrayList<>(rows.size());
        Map<List<Object>, Integer> last = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            List<Object> k = keyOf(rows.get(i), key, types, normal);
            keys.add(k);
            last.put(k, i);
        }
        if (last.size() == rows.size()) {
            return rows;
        }
        List<Object[]> out = new ArrayList<>(last.size());
        for (int i = 0; i < rows.size(); i++) {
            if (last.get(keys.get(i)) == i) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** The row's key values in normal form; a value its type refuses stays as it is, for the encoder to report. */
    private static List<Object> keyOf(Object[] row, int[] key, ColumnType[] types, List<UnaryOperator<Object>> normal) {
        Object[] values = new Object[key.length];
        for (int k = 0; k < key.length; k++) {
            Object v = row[key[k]];
            UnaryOperator<Object> n = normal.get(k);
            values[k] = v == null || n == null || !types[k].accepts(v) ? v : n.apply(v);
        }
        return Arrays.asList(values);
    }
}
