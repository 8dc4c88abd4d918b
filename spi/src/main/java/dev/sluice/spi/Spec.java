package dev.sluice.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector's {@code spec:} block as parsed from YAML (maps, lists, strings, numbers,
 * booleans), with typed accessors that fail with a {@link ConfigException} naming the field.
 */
public final class Spec {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, Object> values;

    public Spec(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Spec empty() {
        return new Spec(Map.of());
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    /** Rejects every key not in {@code known}, naming all of them at once. */
    public void requireOnly(Set<String> known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new ConfigException(first, "unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> new ConfigException(key, "is required"));
    }

    public Optional<String> optionalString(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw new ConfigException(key, "must be a string");
        }
        return Optional.of(v.toString());
    }

    public long integer(String key, long defaultValue, long min, long max) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        long n;
        if (v instanceof Number num && !(v instanceof Double || v instanceof Float)) {
            n = num.longValue();
        } else {
            try {
                n = Long.parseLong(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "must be an integer, got \"" + v + "\"");
            }
        }
        if (n < min || n > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, "must be true or false, got \"" + v + "\"");
        };
    }

    /** A duration written as CloudQuery does ({@code 30s}, {@code 1m30s}, {@code 500ms}) or a number of seconds. */
    public Duration duration(String key, Duration defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return Duration.ofSeconds(n.longValue());
        }
        String text = v.toString().trim();
        Matcher m = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new ConfigException(key, "must be a duration such as 30s, 1m30s or 500ms, got \"" + text + "\"");
        }
        return total;
    }

    /** A nested map, or an empty spec. */
    public Spec child(String key) {
        Object v = values.get(key);
        if (v == null) {
            return empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ConfigException(key, "must be a map");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, val) -> copy.put(String.valueOf(k), val));
        return new Spec(copy);
    }

    /** A list of strings (a single string counts as a one-element list). */
    public List<String> strings(String key, List<String> defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (v instanceof Map) {
            throw new ConfigException(key, "must be a list of strings");
        }
        return List.of(v.toString());
    }

    /** This spec without the given keys (the engine removes the ones it owns before a connector sees it). */
    public Spec without(Set<String> keys) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.keySet().removeAll(keys);
        return new Spec(copy);
    }

    @Override
    public String toString() {
        return "Spec" + new TreeSet<>(values.keySet()); // keys only: values may be secrets
    }
}
