package dev.sluice.connector.postgresql;

import dev.sluice.spi.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Identifiers. Names come from sources and are untrusted: every one is double-quoted, inner
 * quotes doubled, NUL refused (PostgreSQL cannot store it).
 *
 * <p>Length: PostgreSQL keeps the first 63 bytes of a longer identifier (never splitting a
 * UTF-8 character), in DDL and in queries alike, so a long name works as long as no other name
 * of the same kind truncates to the same text. Sluice checks that: two columns of one table, or
 * two tables of one migration, that would merge are refused with a message naming both.
 * Names Sluice derives (constraints, indexes, staging tables) are kept within 63 bytes with a
 * hash, so they never merge either.
 */
public final class PgNames {
    public static final int MAX_BYTES = 63;

    private PgNames() {
    }

    /** {@code name} as a quoted identifier. */
    public static String quote(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new ConnectorException("postgresql: the name \"" + name.replace("\0", "\\0")
                    + "\" contains a NUL character, which PostgreSQL identifiers cannot hold");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String quoteAll(List<String> names) {
        return names.stream().map(PgNames::quote).collect(Collectors.joining(", "));
    }

    /** The name as PostgreSQL stores it: at most 63 bytes of UTF-8, cut at a character boundary. */
    public static String stored(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return name;
        }
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_BYTES) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return name.substring(0, i);
    }

    /** Refuses names that PostgreSQL's truncation would merge; {@code what} is "column" or "table". */
    public static void requireDistinctStored(String what, String where, List<String> names) {
        Map<String, String> seen = new HashMap<>();
        for (String n : names) {
            String previous = seen.putIfAbsent(stored(n), n);
            if (previous != null && !previous.equals(n)) {
                throw new ConnectorException("postgresql: " + where + what + "s \"" + previous + "\" and \"" + n
                        + "\" would both be stored as \"" + stored(n) + "\" (PostgreSQL keeps the first 63 bytes of a name)");
            }
            if (previous != null) {
                throw new ConnectorException("postgresql: " + where + what + " \"" + n + "\" appears twice");
            }
        }
    }

    /**
     * A name Sluice derives from {@code base} (a table name) with {@code suffix}: {@code base + suffix}
     * when it fits in 63 bytes (so short tables get CloudQuery's familiar names, such as
     * {@code items_cqpk}), else a prefix of {@code base}, a hash of all of it, and the suffix.
     */
    public static String derived(String base, String suffix) {
        String plain = base + suffix;
        if (plain.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return plain;
        }
        String tail = "_" + hash(base).substring(0, 12) + suffix;
        return fit(base, tail);
    }

    private static String fit(String base, String tail) {
        int room = MAX_BYTES - tail.getBytes(StandardCharsets.UTF_8).length;
        String prefix = base;
        while (prefix.getBytes(StandardCharsets.UTF_8).length > room) {
            prefix = prefix.substring(0, prefix.offsetByCodePoints(prefix.length(), -1));
        }
        return prefix + tail;
    }

    /** Hex SHA-256 of {@code text}. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
