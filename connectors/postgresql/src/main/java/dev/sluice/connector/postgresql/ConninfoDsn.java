package dev.sluice.connector.postgresql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libpq's {@code key=value} connection string, split as libpq's {@code conninfo_parse} does:
 * pairs separated by whitespace, spaces allowed around {@code =}, a value in single quotes may
 * hold spaces, and a backslash escapes the next character (quoted or not). A later pair wins
 * over an earlier one with the same key. Keys are checked by {@link ConninfoKeywords}.
 */
final class ConninfoDsn {
    private ConninfoDsn() {
    }

    static Map<String, String> parse(String s) {
        Map<String, String> pairs = new LinkedHashMap<>();
        String previousKey = null;
        int i = 0;
        int n = s.length();
        while (true) {
            i = skipSpace(s, i);
            if (i >= n) {
                return pairs;
            }
            int keyStart = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
                i++;
            }
            String key = s.substring(keyStart, i);
            i = skipSpace(s, i);
            if (i >= n || s.charAt(i) != '=') {
                throw new MalformedConninfo(ConninfoKeywords.isSecret(previousKey)
                        ? "text after the " + previousKey + " is not a key=value pair (a value with spaces must be in single quotes)"
                        : "missing \"=\" after " + named(key) + " (a key=value DSN or a postgresql:// URL is expected)");
            }
            if (ConninfoKeywords.isSecret(previousKey) && !ConninfoKeywords.isKnown(key)) {
                throw new MalformedConninfo("text after the " + previousKey + " is not a known key=value pair"
                        + " (a value with spaces must be in single quotes)");
            }
            if (key.isEmpty()) {
                throw new MalformedConninfo("a \"=\" has no key before it");
            }
            i = skipSpace(s, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                i = quoted(s, i + 1, key, value);
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    if (s.charAt(i) == '\\') {
                        i++;
                        if (i >= n) {
                            break;
                        }
                    }
                    value.append(s.charAt(i++));
                }
            }
            pairs.put(key, value.toString());
            previousKey = key;
        }
    }

    /** Reads a quoted value from just after its opening quote; returns the index after the closing one. */
    private static int quoted(String s, int i, String key, StringBuilder value) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\'') {
                return i;
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    break;
                }
                c = s.charAt(i++);
            }
            value.append(c);
        }
        throw new MalformedConninfo("the quoted value of " + named(key) + " has no closing quote");
    }

    /**
     * A word of the string for a message: quoted only when it is a connection keyword. Any other
     * word may be (part of) a password, as in {@code mysql://user:pw@host/db} read as a DSN.
     */
    private static String named(String word) {
        return ConninfoKeywords.isKnown(word) ? "\"" + word + "\"" : "a word that is not a connection keyword";
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
