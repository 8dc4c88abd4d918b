package dev.sluice.spi;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * The column types a connector can use, with the Java class that carries each value.
 * A null value is always allowed unless the column is {@link Column#notNull()}.
 */
public enum ColumnType {
    BOOL(Boolean.class),
    INT64(Long.class),
    /** Unsigned 64-bit; values are {@link BigInteger} in [0, 2^64). */
    UINT64(BigInteger.class),
    FLOAT64(Double.class),
    STRING(String.class),
    BYTES(byte[].class),
    /** UTC instant with microsecond precision. */
    TIMESTAMP(Instant.class),
    UUID(java.util.UUID.class),
    /** A JSON document, carried as its text. */
    JSON(String.class),
    /** A list of strings ({@code List<String>}, elements may be null). */
    STRING_LIST(List.class),
    /** A list of 64-bit integers ({@code List<Long>}, elements may be null). */
    INT64_LIST(List.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The lower-case name used in configs, docs and {@code sluice tables}. */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when {@code value} is null or an instance this type carries. */
    public boolean accepts(Object value) {
        if (value == null || !javaType.isInstance(value)) {
            return value == null;
        }
        if (this == UINT64) {
            BigInteger v = (BigInteger) value;
            return v.signum() >= 0 && v.bitLength() <= 64;
        }
        return true;
    }

}
