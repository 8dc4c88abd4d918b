package dev.sluice.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, strict reads of one YAML map (a document, its {@code spec}, a {@code backend_options}),
 * reporting each wrong field as a {@link Problem} with its path from the document's root.
 * A null value counts as absent. Messages describe a wrong value by its type, never by its text.
 */
final class FieldReader {
    private final Map<String, Object> values;
    private final String prefix;
    private final Origin origin;
    private final List<Problem> problems;
    /** Shared with child readers, so that a problem in a nested map fails its parent too. */
    private final boolean[] failed;

    FieldReader(Map<String, Object> values, String prefix, Origin origin, List<Problem> problems) {
        this(values, prefix, origin, problems, new boolean[1]);
    }

    private FieldReader(Map<String, Object> values, String prefix, Origin origin, List<Problem> problems, boolean[] failed) {
        this.values = values;
        this.prefix = prefix;
        this.origin = origin;
        this.problems = problems;
        this.failed = failed;
    }

    /** A reader for the nested map at {@code key}, sharing this reader's failure state. */
    FieldReader child(String key, Map<String, Object> nested) {
        return new FieldReader(nested, path(key), origin, problems, failed);
    }

    /** Whether any read of this reader (or its children) reported a problem. */
    boolean failed() {
        return failed[0];
    }

    String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    void problem(String key, String message) {
        failed[0] = true;
        problems.add(Problem.at(origin, path(key), message));
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        problem(key, "must be a string, got " + describe(v));
        return Optional.empty();
    }

    /** A string that must be present and not blank; {@code hint} ends the "missing" message. */
    Optional<String> requiredString(String key, String hint) {
        if (!has(key)) {
            problem(key, "missing required field " + key + hint);
            return Optional.empty();
        }
        Optional<String> s = string(key);
        if (s.isPresent() && s.get().isBlank()) {
            problem(key, "must not be empty" + hint);
            return Optional.empty();
        }
        return s;
    }

    Optional<Boolean> bool(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        problem(key, "must be true or false, got " + describe(v));
        return Optional.empty();
    }

    /** A list of non-empty strings, kept as written. */
    Optional<List<String>> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "must be a list of strings (for example [a, b]), got " + describe(v));
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String s)) {
                problem(key + "[" + i + "]", "must be a string, got " + describe(item));
                ok = false;
            } else if (s.isBlank()) {
                problem(key + "[" + i + "]", "must not be empty");
                ok = false;
            } else {
                out.add(s);
            }
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    Optional<Map<String, Object>> map(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, val) -> copy.put(String.valueOf(k), val));
            return Optional.of(copy);
        }
        problem(key, "must be a map, got " + describe(v));
        return Optional.empty();
    }

    /** One of a fixed set of names, parsed by {@code parse}; {@code what} names the set ("a write mode"). */
    <E> Optional<E> choice(String key, String what, List<String> names, Function<String, Optional<E>> parse) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        String expected = "expected one of " + String.join(", ", names);
        if (!(v instanceof String s)) {
            problem(key, "must be " + what + " (" + expected + "), got " + describe(v));
            return Optional.empty();
        }
        Optional<E> parsed = parse.apply(s);
        if (parsed.isEmpty()) {
            problem(key, "\"" + s + "\" is not " + what + " (" + expected + ")");
        }
        return parsed;
    }

    /** Reports every key not in {@code known}, with the hint {@code hints} gives for it or a likely spelling. */
    void rejectUnknown(Set<String> known, Map<String, String> hints) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                problem(key, UnknownKeys.message(key, known, hints));
            }
        }
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Map) {
            return "a map";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
