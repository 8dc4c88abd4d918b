package dev.sluice.engine.fetch;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The text of a value as hashed into a deterministic {@code _cq_id}. */
final class ValueText {
    private ValueText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "(null)";
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(of(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }
}
