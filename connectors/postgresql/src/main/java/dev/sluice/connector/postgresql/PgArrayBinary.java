package dev.sluice.connector.postgresql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An array in PostgreSQL's binary format (the driver receives arrays of integers, floats,
 * text and bytea that way once a statement is prepared on the server): dimension count, a
 * has-nulls flag, the element type, each dimension's length and lower bound, then every
 * element as a length (-1 for null) and its bytes, in row-major order. Elements become the
 * Java values Sluice carries: Long for integers, Float and Double, String, byte[].
 */
final class PgArrayBinary {
    private static final int BOOL = 16;
    private static final int BYTEA = 17;
    private static final int INT8 = 20;
    private static final int INT2 = 21;
    private static final int INT4 = 23;
    private static final int TEXT = 25;
    private static final int OID = 26;
    private static final int FLOAT4 = 700;
    private static final int FLOAT8 = 701;
    private static final int BPCHAR = 1042;
    private static final int VARCHAR = 1043;
    private static final int UUID = 2950;

    private PgArrayBinary() {
    }

    /**
     * @throws PgArrayText.DimensionsMismatch when the array is not empty and has another number of dimensions
     */
    static List<Object> parse(byte[] bytes, int dimensions) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int found = b.getInt();
        b.getInt(); // has nulls
        int oid = b.getInt();
        if (found == 0) {
            return new ArrayList<>();
        }
        if (found != dimensions) {
            throw new PgArrayText.DimensionsMismatch(found);
        }
        int[] lengths = new int[found];
        for (int d = 0; d < found; d++) {
            lengths[d] = b.getInt();
            b.getInt(); // lower bound
        }
        return level(b, lengths, 0, oid);
    }

    private static List<Object> level(ByteBuffer b, int[] lengths, int d, int oid) {
        List<Object> out = new ArrayList<>(lengths[d]);
        for (int k = 0; k < lengths[d]; k++) {
            out.add(d + 1 < lengths.length ? level(b, lengths, d + 1, oid) : element(b, oid));
        }
        return out;
    }

    private static Object element(ByteBuffer b, int oid) {
        int length = b.getInt();
        if (length < 0) {
            return null;
        }
        return switch (oid) {
            case BOOL -> b.get() != 0;
            case INT2 -> (long) b.getShort();
            case INT4 -> (long) b.getInt();
            case INT8 -> b.getLong();
            case OID -> b.getInt() & 0xffff_ffffL;
            case FLOAT4 -> b.getFloat();
            case FLOAT8 -> b.getDouble();
            case UUID -> new java.util.UUID(b.getLong(), b.getLong());
            case TEXT, VARCHAR, BPCHAR, BYTEA -> {
                byte[] data = new byte[length];
                b.get(data);
                yield oid == BYTEA ? data : new String(data, StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException("an array of element type " + oid + " arrived in binary");
        };
    }
}
