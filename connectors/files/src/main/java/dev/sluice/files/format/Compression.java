package dev.sluice.files.format;

import java.util.Locale;

/**
 * How an object's bytes are compressed. JSON and CSV objects are compressed whole ({@link #NONE} or
 * {@link #GZIP}, as CloudQuery's {@code compression} field allows); Parquet compresses each page
 * inside the file with any of these codecs, {@link #SNAPPY} by default, as CloudQuery's Parquet
 * writer does.
 */
public enum Compression {
    NONE, GZIP, SNAPPY, ZSTD;

    /** The name in a spec: "" or none for {@link #NONE}, otherwise gzip, snappy or zstd. */
    public String configName() {
        return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * The compression named {@code name}: empty or "none" is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the compressions there are, when there is none by that name
     */
    public static Compression fromConfigName(String name) {
        if (name == null || name.isEmpty() || name.equals("none")) {
            return NONE;
        }
        for (Compression c : values()) {
            if (c.configName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown compression \"" + name + "\": use none, gzip, snappy or zstd");
    }
}
