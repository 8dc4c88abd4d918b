package dev.sluice.files.store;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The bytes of one part, at most {@code limit} of them. Its array starts small and doubles as
 * bytes arrive, so a small object holds little memory; {@link #release()} drops it.
 */
final class PartBuffer {
    private static final int INITIAL = 64 * 1024;

    private final int limit;
    private byte[] bytes;
    private int size;

    PartBuffer(int limit) {
        this.limit = limit;
        this.bytes = new byte[Math.min(INITIAL, limit)];
    }

    boolean full() {
        return size == limit;
    }

    int size() {
        return size;
    }

    /** Copies as many of {@code len} bytes as fit; returns how many. */
    int write(byte[] b, int off, int len) {
        int n = Math.min(len, limit - size);
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, size + n)));
        }
        System.arraycopy(b, off, bytes, size, n);
        size += n;
        return n;
    }

    /** The buffered bytes as a request body, read from the buffer itself (no copy), as often as the SDK retries. */
    RequestBody body() {
        byte[] b = bytes;
        int n = size;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(b, 0, n), n, "application/octet-stream");
    }

    /** Empties the buffer, keeping its array for the next part. */
    void clear() {
        size = 0;
    }

    /** Drops the array; the buffer must not be used again. */
    void release() {
        bytes = null;
        size = 0;
    }

    /** The bytes of memory the buffer holds. */
    int capacity() {
        return bytes == null ? 0 : bytes.length;
    }
}
