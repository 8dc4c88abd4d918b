package dev.sluice.files.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written to the end: the buffers of the Parquet writer (page values and
 * levels, column chunks, Thrift structures). Numbers are little-endian, as Parquet's PLAIN encoding
 * stores them.
 */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    int size() {
        return size;
    }

    /** The bytes held: the array itself, valid up to {@link #size}. */
    byte[] array() {
        return bytes;
    }

    void reset() {
        size = 0;
    }

    /** Forgets the bytes past {@code size}. */
    void truncate(int size) {
        this.size = Math.min(this.size, size);
    }

    /** Forgets the bytes and drops a buffer grown beyond {@code capacity}. */
    void release(int capacity) {
        size = 0;
        if (bytes.length > capacity) {
            bytes = new byte[capacity];
        }
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    void writeIntLE(int v) {
        ensure(4);
        bytes[size] = (byte) v;
        bytes[size + 1] = (byte) (v >>> 8);
        bytes[size + 2] = (byte) (v >>> 16);
        bytes[size + 3] = (byte) (v >>> 24);
        size += 4;
    }

    void writeLongLE(long v) {
        writeIntLE((int) v);
        writeIntLE((int) (v >>> 32));
    }

    /** An unsigned LEB128 varint, as Thrift's compact protocol and the RLE hybrid's headers write them. */
    void writeVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    void writeUtf8(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Room for {@code n} more bytes at {@link #size}: the array to write them into before {@link #advance}. */
    byte[] reserve(int n) {
        ensure(n);
        return bytes;
    }

    void advance(int n) {
        size += n;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a Parquet buffer cannot exceed 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, (long) bytes.length * 2)));
        }
    }
}
