package dev.sluice.files.format;

import java.nio.charset.StandardCharsets;

/**
 * The part of Thrift's compact protocol Parquet's page headers and footer need: structs of
 * i8, i16, i32, i64, bool, binary, list and struct fields. Field headers hold the delta from the
 * previous field id when it is 1 to 15; integers are zigzag varints; a bool field's value is its
 * header's type.
 */
final class ThriftCompact {
    static final int BOOL_TRUE = 1;
    static final int BOOL_FALSE = 2;
    static final int I8 = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteSink out;
    /** The last field id of each struct being written, innermost last. */
    private final short[] lastIds = new short[32];
    private int depth;

    ThriftCompact(ByteSink out) {
        this.out = out;
    }

    /** Starts a struct written as a list element or at the top (a field's struct: {@link #structField}). */
    ThriftCompact structBegin() {
        lastIds[++depth] = 0;
        return this;
    }

    ThriftCompact structEnd() {
        out.write(0);
        depth--;
        return this;
    }

    ThriftCompact structField(int id) {
        fieldHeader(id, STRUCT);
        return structBegin();
    }

    ThriftCompact i8Field(int id, int v) {
        fieldHeader(id, I8);
        out.write(v);
        return this;
    }

    ThriftCompact i16Field(int id, int v) {
        fieldHeader(id, I16);
        zigzag(v);
        return this;
    }

    ThriftCompact i32Field(int id, int v) {
        fieldHeader(id, I32);
        zigzag(v);
        return this;
    }

    ThriftCompact i64Field(int id, long v) {
        fieldHeader(id, I64);
        zigzag(v);
        return this;
    }

    ThriftCompact boolField(int id, boolean v) {
        fieldHeader(id, v ? BOOL_TRUE : BOOL_FALSE);
        return this;
    }

    ThriftCompact stringField(int id, String v) {
        fieldHeader(id, BINARY);
        string(v);
        return this;
    }

    ThriftCompact binaryField(int id, byte[] v) {
        fieldHeader(id, BINARY);
        out.writeVarint(v.length);
        out.write(v);
        return this;
    }

    /** A list field's header; its {@code size} elements follow ({@link #i32}, {@link #string}, {@link #structBegin}). */
    ThriftCompact listField(int id, int elementType, int size) {
        fieldHeader(id, LIST);
        if (size < 15) {
            out.write(size << 4 | elementType);
        } else {
            out.write(0xF0 | elementType);
            out.writeVarint(size);
        }
        return this;
    }

    ThriftCompact i32(int v) {
        zigzag(v);
        return this;
    }

    ThriftCompact string(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeVarint(b.length);
        out.write(b);
        return this;
    }

    private void fieldHeader(int id, int type) {
        int delta = id - lastIds[depth];
        if (delta > 0 && delta <= 15) {
            out.write(delta << 4 | type);
        } else {
            out.write(type);
            zigzag(id);
        }
        lastIds[depth] = (short) id;
    }

    private void zigzag(long v) {
        out.writeVarint((v << 1) ^ (v >> 63));
    }
}
