package dev.sluice.files;

import dev.sluice.spi.ConfigException;
import dev.sluice.spi.ConnectorException;
import dev.sluice.spi.ObjectName;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudQuery's {@code path}: where each object goes, with {@code {{TABLE}}},
 * {@code {{TABLE_HYPHEN}}}, {@code {{FORMAT}}}, {@code {{UUID}}}, {@code {{SYNC_ID}}},
 * {@code {{YEAR}}}, {@code {{MONTH}}}, {@code {{DAY}}}, {@code {{HOUR}}} and {@code {{MINUTE}}}.
 * Validated as CloudQuery does (relative, no {@code .}, {@code ..} or empty segments; a path
 * without {@code {{TABLE}}} gets {@code /{{TABLE}}.<format>} appended, plus {@code .{{UUID}}}
 * unless {@code no_rotate}; {@code {{UUID}}} required unless {@code no_rotate}, refused with it).
 * Unlike CloudQuery, {@code {{UUID}}} is the engine's object id and the time fields are the
 * sync's time (UTC), not the moment of writing, so an object written twice gets the same key.
 */
public record PathTemplate(String template, boolean hasUuid) {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final Set<String> VARIABLES = Set.of("TABLE", "TABLE_HYPHEN", "FORMAT", "UUID", "SYNC_ID",
            "YEAR", "MONTH", "DAY", "HOUR", "MINUTE");

    /**
     * @param field  the spec field, for messages
     * @param format the format's config name, appended when the path has no {@code {{TABLE}}}
     */
    public static PathTemplate parse(String field, String path, String format, boolean noRotate) {
        if (path.isEmpty()) {
            throw new ConfigException(field, "must not be empty");
        }
        if (path.startsWith("/")) {
            throw new ConfigException(field, "\"" + path + "\" must be relative: it must not start with /");
        }
        for (String segment : List.of(path.split("/", -1))) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new ConfigException(field, "\"" + path + "\" must not contain empty, . or .. segments"
                        + " (no //, ./, ../ or trailing /)");
            }
        }
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                throw new ConfigException(field, "\"" + path + "\" has an unknown placeholder {{" + m.group(1)
                        + "}}; known: " + String.join(", ", VARIABLES.stream().sorted().map(v -> "{{" + v + "}}").toList()));
            }
        }
        String full = path;
        if (!full.contains("{{TABLE}}")) {
            full += "/{{TABLE}}." + format + (noRotate ? "" : ".{{UUID}}");
        }
        boolean uuid = full.contains("{{UUID}}");
        if (noRotate && uuid) {
            throw new ConfigException(field, "\"" + path + "\" must not contain {{UUID}} when no_rotate is true");
        }
        if (!noRotate && !uuid) {
            throw new ConfigException(field, "\"" + path + "\" must contain {{UUID}}: every table is written in "
                    + "several objects, each named by its {{UUID}} (or set no_rotate: true for one object per table)");
        }
        return new PathTemplate(full, uuid);
    }

    /** The key of object {@code name} of {@code table}; {@code format} is what {{FORMAT}} becomes. */
    public String expand(String table, String format, ObjectName name) {
        if (table.isEmpty() || table.contains("/") || table.contains("\\") || table.equals(".") || table.equals("..")) {
            throw new ConnectorException("table name \"" + table + "\" cannot be part of an object's path");
        }
        ZonedDateTime t = name.syncTime().atZone(ZoneOffset.UTC);
        return template
                .replace("{{TABLE_HYPHEN}}", table.replace('_', '-'))
                .replace("{{TABLE}}", table)
                .replace("{{FORMAT}}", format)
                .replace("{{UUID}}", name.id().toString())
                .replace("{{SYNC_ID}}", name.syncId())
                .replace("{{YEAR}}", String.format("%04d", t.getYear()))
                .replace("{{MONTH}}", String.format("%02d", t.getMonthValue()))
                .replace("{{DAY}}", String.format("%02d", t.getDayOfMonth()))
                .replace("{{HOUR}}", String.format("%02d", t.getHour()))
                .replace("{{MINUTE}}", String.format("%02d", t.getMinute()));
    }

    /**
     * Where {@code test_write} puts its probe: beside the objects, under the part of the path
     * before its first placeholder, named {@code sluice-write-probe-<uuid>.tmp}.
     */
    public String probeKey(java.util.UUID id) {
        int variable = template.indexOf("{{");
        String fixed = variable < 0 ? template : template.substring(0, variable);
        int slash = fixed.lastIndexOf('/');
        return (slash < 0 ? "" : fixed.substring(0, slash + 1)) + "sluice-write-probe-" + id + ".tmp";
    }
}
