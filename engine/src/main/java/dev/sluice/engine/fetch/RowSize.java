package dev.sluice.engine.fetch;

import java.util.List;

/** A value's approximate size, for {@code batch_size_bytes}. */
final class RowSize {
    private RowSize() {
    }

    static long of(Object v) {
        if (v instanceof String s) {
            return 16L + s.length();
        }
        if (v instanceof byte[] b) {
            return 16L + b.length;
        }
        if (v instanceof List<?> list) {
            long n = 16;
            for (Object e : list) {
                n += e == null ? 1 : of(e);
            }
            return n;
        }
        return 8;
    }
}
