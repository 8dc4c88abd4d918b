package dev.sluice.files;

import dev.sluice.files.format.Compression;
import dev.sluice.files.format.FileFormat;
import dev.sluice.files.format.FormatOptions;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.Spec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the file and s3 destinations share: where objects go ({@code path}), their
 * {@code format}, {@code format_spec} and {@code compression}, and whether tables rotate
 * into several objects or keep one ({@code no_rotate}).
 *
 * @param emptyObjects {@code write_empty_objects_for_empty_tables}: a table read without rows
 *                     gets an object holding only its schema (Parquet only, as CloudQuery)
 */
public record FileSettings(PathTemplate path, FormatOptions format, boolean noRotate, boolean emptyObjects) {
    static final Set<String> KEYS = Set.of("path", "format", "format_spec", "compression", "no_rotate",
            "athena", "write_empty_objects_for_empty_tables");
    private static final Set<String> CSV_SPEC = Set.of("delimiter", "skip_header");

    /** Reads the shared fields, adding each problem; {@code path} is the path as written (or derived). */
    static Optional<FileSettings> read(Spec spec, Optional<String> path, ConfigProblems problems) {
        Optional<FileFormat> format = problems.check(() -> format(spec), Optional.empty());
        boolean noRotate = problems.check(() -> spec.bool("no_rotate", false), false);
        boolean athena = problems.check(() -> spec.bool("athena", false), false);
        boolean empty = problems.check(() -> spec.bool("write_empty_objects_for_empty_tables", false), false);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        if (empty && format.get() != FileFormat.PARQUET) {
            problems.add("write_empty_objects_for_empty_tables", "can only be used with format: parquet (as in CloudQuery)");
        }
        Compression compression = problems.check(() -> compression(spec, format.get()), Compression.NONE);
        char delimiter = ',';
        boolean skipHeader = false;
        if (spec.has("format_spec")) {
            Spec formatSpec = problems.check(() -> spec.child("format_spec"), Spec.empty());
            if (format.get() == FileFormat.CSV) {
                problems.check(() -> formatSpec.requireOnly(CSV_SPEC));
                delimiter = problems.check(() -> delimiter(formatSpec), ',');
                skipHeader = problems.check(() -> formatSpec.bool("skip_header", false), false);
            } else if (!formatSpec.asMap().isEmpty()) {
                problems.add("format_spec", "Sluice reads no format_spec options for " + name(format.get())
                        + " (only csv's delimiter and skip_header); remove " + String.join(", ", formatSpec.asMap().keySet()));
            }
        }
        Optional<PathTemplate> template = path.isEmpty() ? Optional.empty() : problems.check(() ->
                Optional.of(PathTemplate.parse("path", path.get(), name(format.get()), noRotate)), Optional.empty());
        if (template.isEmpty() || !problems.isEmpty()) {
            return Optional.empty();
        }
        char d = delimiter;
        boolean skip = skipHeader;
        return problems.check(() -> Optional.of(new FileSettings(template.get(), new FormatOptions(format.get(),
                compression, d, skip, athena, FormatOptions.defaults(format.get()).parquetRowGroupBytes()), noRotate, empty)),
                Optional.empty());
    }

    private static Optional<FileFormat> format(Spec spec) {
        String value = spec.string("format");
        return Optional.of(Arrays.stream(FileFormat.values()).filter(f -> name(f).equals(value)).findFirst()
                .orElseThrow(() -> new ConfigException("format", "\"" + value
                        + "\" is not a format: use parquet, json or csv")));
    }

    private static Compression compression(Spec spec, FileFormat format) {
        String value = spec.optionalString("compression").orElse("");
        String hint = format == FileFormat.PARQUET ? "for parquet: \"\" (snappy), snappy, zstd, gzip or none"
                : "for " + name(format) + ": \"\" (none) or gzip";
        Compression c = switch (value) {
            case "" -> format == FileFormat.PARQUET ? Compression.SNAPPY : Compression.NONE;
            case "gzip" -> Compression.GZIP;
            case "snappy" -> format == FileFormat.PARQUET ? Compression.SNAPPY : null;
            case "zstd" -> format == FileFormat.PARQUET ? Compression.ZSTD : null;
            case "none" -> format == FileFormat.PARQUET ? Compression.NONE : null;
            default -> null;
        };
        if (c == null) {
            throw new ConfigException("compression", "\"" + value + "\" is not a compression " + hint);
        }
        return c;
    }

    private static char delimiter(Spec formatSpec) {
        String d = formatSpec.optionalString("delimiter").orElse(",");
        if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
            throw new ConfigException("format_spec.delimiter",
                    "\"" + d + "\" must be one character other than a quote or a line break");
        }
        return d.charAt(0);
    }

    static String name(FileFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
