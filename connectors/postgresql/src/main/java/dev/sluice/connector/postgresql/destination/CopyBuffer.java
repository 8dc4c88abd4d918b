package dev.sluice.connector.postgresql.destination;

import java.sql.SQLException;

/**
 * A fixed buffer in front of a {@link CopySink}, written big-endian as PostgreSQL's binary COPY
 * format wants. Full buffers go out while the caller keeps encoding, so the server inserts one
 * chunk while the next is built. Values larger than the buffer bypass it.
 */
final class CopyBuffer {
    static final int SIZE = 1 << 16;

    private final CopySink sink;
    private final byte[] buf = new byte[SIZE];
    private int pos;

    CopyBuffer(CopySink sink) {
        this.sink = sink;
    }

    /** Makes room for {@code n} contiguous bytes ({@code n} must not exceed {@link #SIZE}). */
    void reserve(int n) throws SQLException {
        if (pos + n > buf.length) {
            flush();
        }
    }

    void int16(int v) throws SQLException {
        reserve(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void int32(int v) throws SQLException {
        reserve(4);
        putInt(v);
    }

    void int64(long v) throws SQLException {
        reserve(8);
        putLong(v);
    }

    void int8(int v) throws SQLException {
        reserve(1);
        buf[pos++] = (byte) v;
    }

    /** Unchecked writes after {@link #reserve}. */
    void putShort(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void putInt(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    void bytes(byte[] b) throws SQLException {
        bytes(b, 0, b.length);
    }

    void bytes(byte[] b, int off, int len) throws SQLException {
        if (len > buf.length - pos) {
            flush();
            if (len > buf.length) {
                sink.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Bytes written and not yet sent to the sink. */
    int pending() {
        return pos;
    }

    /** Moves the bytes not yet sent to the sink into {@code target} instead. */
    void moveTo(CopyBuffer target) throws SQLException {
        target.bytes(buf, 0, pos);
        pos = 0;
    }

    /** Forgets the bytes not yet sent to the sink. */
    void discard() {
        pos = 0;
    }

    void flush() throws SQLException {
        if (pos > 0) {
            sink.write(buf, 0, pos);
            pos = 0;
        }
    }
}
