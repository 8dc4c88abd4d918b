package dev.sluice.connector.postgresql.source;

import java.util.regex.Pattern;

/** A glob over {@code schema.table}: {@code *} any run of characters, {@code ?} one. */
public record TableGlob(String text, Pattern pattern) {

    static TableGlob parse(String glob) {
        String q = qualified(glob);
        StringBuilder re = new StringBuilder();
        for (char ch : q.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return new TableGlob(q, Pattern.compile(re.toString()));
    }

    /** {@code name} with {@code public.} in front when it names no schema. */
    static String qualified(String name) {
        return name.contains(".") ? name : "public." + name;
    }

    boolean matches(String schema, String table) {
        return pattern.matcher(schema + "." + table).matches();
    }
}
