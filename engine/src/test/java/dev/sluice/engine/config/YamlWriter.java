package dev.sluice.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Writes config documents (maps of strings, numbers, booleans, lists and maps) as YAML a person
 * might write, in one of many equivalent ways: a {@link Style} picks indentation, key order,
 * quoting, flow or block collections, block scalars, comments, {@code ${VAR}} for values, CRLF
 * and a byte-order mark. Every way reads back as the same values.
 */
final class YamlWriter {
    /** How to write; {@code random} decides each choice, null for the canonical form. */
    record Style(int indent, boolean crlf, boolean bom, Random random) {
        static Style canonical() {
            return new Style(2, false, false, null);
        }

        boolean pick(int percent) {
            return random != null && random.nextInt(100) < percent;
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./*-]*( [A-Za-z0-9_./*-]+)*");
    private static final List<String> NOT_PLAIN = List.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");
    private static final String COMMENT_TEXT = "a comment: it's \"quoted\" # ${UNSET} [ { & * | >";

    private final Style style;
    /** Values written as {@code ${V<n>}}: the environment that expands them back. */
    private final Map<String, String> env;
    private final List<String> lines = new ArrayList<>();
    /** Per line: whether a comment may follow it (not inside a block scalar's body). */
    private final List<Boolean> commentable = new ArrayList<>();

    private YamlWriter(Style style, Map<String, String> env) {
        this.style = style;
        this.env = env;
    }

    /** The documents as one file's text; variables it uses are added to {@code env}. */
    static String write(List<Map<String, Object>> documents, Style style, Map<String, String> env) {
        StringBuilder out = new StringBuilder(style.bom() ? "\uFEFF" : "");
        String newline = style.crlf() ? "\r\n" : "\n";
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---").append(newline);
            }
            YamlWriter w = new YamlWriter(style, env);
            w.map(documents.get(i), 0);
            out.append(w.withComments(newline));
        }
        return out.toString();
    }

    private String withComments(String newline) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean mayComment = commentable.get(i);
            if (mayComment && style.pick(20)) {
                out.append(" ".repeat(indentOf(line))).append("# ").append(COMMENT_TEXT).append(newline);
            }
            out.append(line);
            if (mayComment && style.pick(20)) {
                out.append(" # ").append(COMMENT_TEXT);
            }
            out.append(newline);
        }
        return out.toString();
    }

    private void map(Map<String, Object> map, int indent) {
        List<String> keys = new ArrayList<>(map.keySet());
        if (style.random() != null) {
            java.util.Collections.shuffle(keys, style.random());
        }
        for (String key : keys) {
            entry(key, map.get(key), indent);
        }
    }

    @SuppressWarnings("unchecked")
    private void entry(String key, Object value, int indent) {
        String head = " ".repeat(indent) + key + ":";
        if (value instanceof Map<?, ?> m && !m.isEmpty() && !style.pick(30)) {
            add(head, true);
            map((Map<String, Object>) m, indent + style.indent());
        } else if (value instanceof List<?> l && !l.isEmpty() && !style.pick(50)) {
            add(head, true);
            for (Object item : l) {
                add(" ".repeat(indent + style.indent()) + "- " + inline(item), true);
            }
        } else if (value instanceof String s && s.contains("\n") && style.pick(60)) {
            add(head + " |", true);
            String[] body = s.substring(0, s.length() - 1).split("\n", -1);
            for (String line : body) {
                add(" ".repeat(indent + style.indent()) + line, false);
            }
        } else {
            add(head + " " + inline(value), true);
        }
    }

    private String inline(Object value) {
        if (value instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, v) -> entries.add(k + ": " + inline(v)));
            return "{" + String.join(", ", entries) + "}";
        }
        if (value instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(this::inline).toList()) + "]";
        }
        if (value instanceof String s) {
            return string(s);
        }
        return String.valueOf(value);
    }

    private String string(String s) {
        boolean plain = PLAIN.matcher(s).matches() && !NOT_PLAIN.contains(s.toLowerCase(Locale.ROOT));
        boolean simple = s.chars().noneMatch(c -> c == '"' || c == '\\' || c == '\'' || c < 0x20);
        int choice = style.random() == null ? 2 : style.random().nextInt(3);
        if (simple && style.pick(25)) {
            String name = "V" + env.size();
            env.put(name, s);
            s = "${" + name + "}";
        }
        if (plain && choice == 0) {
            return s;
        }
        if (choice == 1 && s.chars().noneMatch(c -> c < 0x20)) {
            return "'" + s.replace("'", "''") + "'";
        }
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted(c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private void add(String line, boolean mayComment) {
        lines.add(line);
        commentable.add(mayComment);
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
