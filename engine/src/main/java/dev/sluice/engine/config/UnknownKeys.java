package dev.sluice.engine.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The message for a key a document may not have: a specific hint when one is known, else a likely spelling. */
final class UnknownKeys {
    private UnknownKeys() {
    }

    static String message(String key, Set<String> known, Map<String, String> hints) {
        String hint = hints.get(key);
        if (hint != null) {
            return "unknown field " + key + ": " + hint;
        }
        String closest = null;
        int best = 3;
        for (String candidate : new TreeSet<>(known)) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate);
            if (d < best) {
                best = d;
                closest = candidate;
            }
        }
        return "unknown field " + key + (closest != null ? " (did you mean " + closest + "?)"
                : " (known fields: " + String.join(", ", new TreeSet<>(known)) + ")");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
