package dev.sluice.connector.postgresql.destination;

import java.sql.SQLException;
import java.util.Arrays;

/** A growing byte array to encode a value into before its length is known. */
final class ByteScratch implements CopySink {
    private byte[] bytes = new byte[0];
    private int length;

    @Override
    public void write(byte[] b, int offset, int len) {
        if (length + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + len, 2 * bytes.length));
        }
        System.arraycopy(b, offset, bytes, length, len);
        length += len;
    }

    int length() {
        return length;
    }

    /** Appends everything written to {@code out} and starts empty again. */
    void moveTo(CopyBuffer out) throws SQLException {
        out.bytes(bytes, 0, length);
        length = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    void clear() {
        length = 0;
    }
}
