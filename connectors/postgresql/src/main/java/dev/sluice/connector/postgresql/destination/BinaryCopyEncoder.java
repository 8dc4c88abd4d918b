package dev.sluice.connector.postgresql.destination;

import dev.sluice.spi.Column;
import dev.sluice.spi.ColumnType;
import dev.sluice.spi.ConnectorException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format: a header, per row a field count and per field a
 * length (-1 for NULL) and the type's binary send format, then a trailer. Binary spares the
 * server parsing text for numbers, timestamps and uuids, and needs no escaping.
 *
 * <p>Text (strings, JSON, list elements) loses NUL characters, as CloudQuery's destination
 * strips them: PostgreSQL's text cannot hold U+0000. In JSON, {@code \u0000} escapes are
 * stripped from keys and string values ({@link JsonNuls}).
 */
final class BinaryCopyEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Seconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;
    /** PostgreSQL's timestamp range in microseconds from its epoch: 4714-11-24 BC to 294277-01-01. */
    private static final long MIN_MICROS = -211_813_488_000_000_000L;
    private static final long END_MICROS = 9_223_371_331_200_000_000L;
    private static final int TEXT_OID = 25;
    private static final int INT8_OID = 20;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final String table;
    private final List<Column> columns;
    private final ColumnType[] types;
    private final CopyBuffer out;

    BinaryCopyEncoder(String table, List<Column> columns, CopySink sink) {
        this.table = table;
        this.columns = columns;
        this.types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        this.out = new CopyBuffer(sink);
    }

    void header() throws SQLException {
        out.bytes(SIGNATURE);
        out.int32(0); // flags
        out.int32(0); // header extension length
    }

    void row(Object[] row, int index) throws SQLException {
        if (row == null || row.length != types.length) {
            throw new ConnectorException("postgresql: table \"" + table + "\": row " + index + " has "
                    + (row == null ? "no" : String.valueOf(row.length)) + " values for " + types.length + " columns");
        }
        out.int16(types.length);
        for (int i = 0; i < types.length; i++) {
            Object v = row[i];
            if (v == null) {
                out.int32(-1);
            } else {
                field(types[i], v, i, index);
            }
        }
    }

    /** The trailer, and everything still buffered goes to the sink. */
    void finish() throws SQLException {
        out.int16(-1);
        out.flush();
    }

    private void field(ColumnType type, Object v, int column, int index) throws SQLException {
        if (!type.accepts(v)) {
            throw bad(column, index, type.whyNot(v));
        }
        switch (dev.sluice.connector.postgresql.PgTypes.legacy(type)) {
            case BOOL -> {
                out.reserve(5);
                out.putInt(1);
                out.int8((Boolean) v ? 1 : 0);
            }
            case INT64 -> fixed8((Long) v);
            case FLOAT64 -> fixed8(Double.doubleToLongBits((Double) v));
            case TIMESTAMP -> fixed8(micros((Instant) v, column, index));
            case UUID -> {
                UUID u = (UUID) v;
                out.reserve(20);
                out.putInt(16);
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
            }
            case STRING -> text((String) v);
            case JSON -> {
                byte[] utf8 = JsonNuls.strip((String) v).getBytes(StandardCharsets.UTF_8);
                out.int32(utf8.length + 1);
                out.int8(1); // jsonb binary format version
                out.bytes(utf8);
            }
            case BYTES -> {
                byte[] b = (byte[]) v;
                out.int32(b.length);
                out.bytes(b);
            }
            case UINT64 -> numeric((BigInteger) v);
            case STRING_LIST -> textArray((List<?>) v, column, index);
            case INT64_LIST -> int8Array((List<?>) v, column, index);
        }
    }

    private void fixed8(long bits) throws SQLException {
        out.reserve(12);
        out.putInt(8);
        out.putLong(bits);
    }

    private void text(String s) throws SQLException {
        byte[] utf8 = utf8(s);
        out.int32(utf8.length);
        out.bytes(utf8);
    }

    static byte[] utf8(String s) {
        return stripNul(s).getBytes(StandardCharsets.UTF_8);
    }

    /** PostgreSQL's text cannot hold U+0000. */
    static String stripNul(String s) {
        return s.indexOf('\0') >= 0 ? s.replace("\0", "") : s;
    }

    private long micros(Instant t, int column, int index) {
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L), t.getNano() / 1_000);
        } catch (ArithmeticException e) {
            micros = Long.MIN_VALUE;
        }
        if (micros < MIN_MICROS || micros >= END_MICROS) {
            throw bad(column, index, "timestamp " + t + " is outside PostgreSQL's range (4714 BC to 294276 AD)");
        }
        return micros;
    }

    /** numeric's send format: digit count, weight, sign, display scale, then base-10000 digits. */
    private void numeric(BigInteger v) throws SQLException {
        short[] digits = new short[6]; // 2^64 has 20 decimal digits: at most 5 groups of 4
        int n = 0;
        BigInteger rest = v;
        while (rest.signum() > 0) {
            BigInteger[] qr = rest.divideAndRemainder(TEN_THOUSAND);
            digits[n++] = qr[1].shortValue();
            rest = qr[0];
        }
        int weight = n - 1;
        int low = 0;
        while (low < n && digits[low] == 0) {
            low++; // trailing zero groups are implied by the weight
        }
        int count = n - low;
        out.reserve(12 + 2 * count);
        out.putInt(8 + 2 * count);
        putShort(count);
        putShort(n == 0 ? 0 : weight);
        putShort(0); // positive
        putShort(0); // display scale
        for (int i = n - 1; i >= low; i--) {
            putShort(digits[i]);
        }
    }

    private void putShort(int v) throws SQLException {
        out.int16(v);
    }

    private void textArray(List<?> list, int column, int index) throws SQLException {
        byte[][] elements = new byte[list.size()][];
        int size = 20 + 4 * list.size();
        boolean nulls = false;
        for (int i = 0; i < elements.length; i++) {
            Object e = list.get(i);
            if (e == null) {
                nulls = true;
            } else if (e instanceof String s) {
                elements[i] = utf8(s);
                size += elements[i].length;
            } else {
                throw bad(column, index, "a string_list element cannot be a " + e.getClass().getSimpleName());
            }
        }
        arrayHeader(list.isEmpty() ? 12 : size, list.size(), nulls, TEXT_OID);
        for (byte[] e : elements) {
            if (e == null) {
                out.int32(-1);
            } else {
                out.int32(e.length);
                out.bytes(e);
            }
        }
    }

    private void int8Array(List<?> list, int column, int index) throws SQLException {
        int size = 20;
        boolean nulls = false;
        for (Object e : list) {
            if (e == null) {
                nulls = true;
                size += 4;
            } else if (e instanceof Long) {
                size += 12;
            } else {
                throw bad(column, index, "an int64_list element cannot be a " + e.getClass().getSimpleName());
            }
        }
        arrayHeader(list.isEmpty() ? 12 : size, list.size(), nulls, INT8_OID);
        for (Object e : list) {
            if (e == null) {
                out.int32(-1);
            } else {
                fixed8((Long) e);
            }
        }
    }

    /** A one-dimensional array starting at 1, or a zero-dimensional one when empty. */
    private void arrayHeader(int size, int length, boolean nulls, int elementOid) throws SQLException {
        out.int32(size);
        out.int32(length == 0 ? 0 : 1);
        out.int32(nulls ? 1 : 0);
        out.int32(elementOid);
        if (length > 0) {
            out.int32(length);
            out.int32(1);
        }
    }

    private ConnectorException bad(int column, int index, String why) {
        return new ConnectorException("postgresql: table \"" + table + "\", column \"" + columns.get(column).name()
                + "\", row " + index + ": " + why);
    }
}
