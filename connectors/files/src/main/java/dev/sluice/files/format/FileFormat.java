package dev.sluice.files.format;

import java.util.Locale;

/** The format of a written object, by the name a {@code file} or {@code s3} destination spec gives it. */
public enum FileFormat {
    PARQUET, JSON, CSV;

    /** The name in a spec's {@code format} field and in {@code {{FORMAT}}}: parquet, json or csv. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code name} (parquet, json or csv).
     *
     * @throws IllegalArgumentException naming the formats there are, when there is none by that name
     */
    public static FileFormat fromConfigName(String name) {
        for (FileFormat f : values()) {
            if (f.configName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + name + "\": use parquet, json or csv");
    }
}
