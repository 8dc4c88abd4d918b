package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.TableSchema;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch with one row per primary key, the last of equal keys winning, in batch order.
 * {@code INSERT … ON CONFLICT DO UPDATE} refuses to touch a row twice in one statement, and
 * the SPI promises that the last row of a key wins. Batches without repeated keys (nearly
 * all) come back as they are.
 */
final class LastPerKey {
    private LastPerKey() {
    }

    static List<Object[]> of(TableSchema table, List<Object[]> rows) {
        int[] key = table.primaryKey().stream().mapToInt(table::columnIndex).toArray();
        Map<List<Object>, Integer> last = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            last.put(keyOf(rows.get(i), key), i);
        }
        if (last.size() == rows.size()) {
            return rows;
        }
        List<Object[]> out = new ArrayList<>(last.size());
        for (int i = 0; i < rows.size(); i++) {
            if (last.get(keyOf(rows.get(i), key)) == i) {
                out.add(rows.get(i));
            }
        }
        return out;
    }

    /** Key values, byte arrays wrapped so that equal contents are equal keys. */
    private static List<Object> keyOf(Object[] row, int[] key) {
        Object[] values = new Object[key.length];
        for (int k = 0; k < key.length; k++) {
            Object v = row[key[k]];
            values[k] = v instanceof byte[] b ? ByteBuffer.wrap(b) : v;
        }
        return Arrays.asList(values);
    }
}
