package dev.sluice.connector.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An array's text form ({@code {1,NULL,"a b"}}, {@code {{1,2},{3,4}}}, optionally after a
 * dimension decoration such as {@code [0:1]=}) as nested lists, each element's text turned
 * into a value by {@code element}. Lower bounds are not kept: a list starts at its first
 * element. Elements are separated by commas (every type Sluice reads as a list uses commas);
 * a quoted element keeps what its backslashes escape; an unquoted {@code NULL} is null.
 */
final class PgArrayText {
    private final String s;
    private final Function<String, Object> element;
    private int i;

    private PgArrayText(String s, Function<String, Object> element) {
        this.s = s;
        this.element = element;
    }

    /** The array's dimensions, as written, differ from what the column declares. */
    static final class DimensionsMismatch extends IllegalArgumentException {
        final int found;

        DimensionsMismatch(int found) {
            super("an array of " + found + " dimension" + (found == 1 ? "" : "s"));
            this.found = found;
        }
    }

    /**
     * The elements of {@code text}, nested {@code dimensions} deep; an empty array is an empty
     * list whatever the dimensions.
     *
     * @throws DimensionsMismatch when the array has another number of dimensions
     */
    static List<Object> parse(String text, int dimensions, Function<String, Object> element) {
        PgArrayText p = new PgArrayText(text, element);
        if (text.startsWith("[")) {
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw p.bad();
            }
            p.i = eq + 1;
        }
        int found = p.depth();
        if (found != 0 && found != dimensions) {
            throw new DimensionsMismatch(found);
        }
        List<Object> out = p.array(dimensions);
        if (p.i != text.length()) {
            throw p.bad();
        }
        return out;
    }

    /** How many braces open before the first element (0 for an empty array). */
    private int depth() {
        int j = i;
        int d = 0;
        while (j < s.length() && s.charAt(j) == '{') {
            d++;
            j++;
        }
        return j < s.length() && s.charAt(j) == '}' && d == 1 ? 0 : d;
    }

    private List<Object> array(int dimensions) {
        expect('{');
        List<Object> out = new ArrayList<>();
        if (peek() == '}') {
            i++;
            return out;
        }
        while (true) {
            if (peek() == '{') {
                if (dimensions <= 1) {
                    throw bad();
                }
                out.add(array(dimensions - 1));
            } else {
                if (dimensions != 1) {
                    throw bad();
                }
                out.add(scalar());
            }
            char ch = next();
            if (ch == '}') {
                return out;
            }
            if (ch != ',') {
                throw bad();
            }
        }
    }

    private Object scalar() {
        if (peek() == '"') {
            i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                char ch = next();
                if (ch == '"') {
                    return element.apply(b.toString());
                }
                b.append(ch == '\\' ? next() : ch);
            }
        }
        int start = i;
        while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != '}') {
            i++;
        }
        String text = trimArraySpace(s.substring(start, i));
        if (text.isEmpty()) {
            throw bad();
        }
        return text.equalsIgnoreCase("NULL") ? null : element.apply(text);
    }

    /**
     * Without the white space PostgreSQL's array input skips around an unquoted element (its
     * {@code array_isspace}: space, tab, line feed, carriage return, vertical tab, form feed);
     * other white space, such as U+3000 or U+001F, is part of the element, which the server
     * leaves unquoted.
     */
    private static String trimArraySpace(String t) {
        int from = 0;
        int to = t.length();
        while (from < to && isArraySpace(t.charAt(from))) {
            from++;
        }
        while (to > from && isArraySpace(t.charAt(to - 1))) {
            to--;
        }
        return t.substring(from, to);
    }

    private static boolean isArraySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private char peek() {
        if (i >= s.length()) {
            throw bad();
        }
        return s.charAt(i);
    }

    private char next() {
        char ch = peek();
        i++;
        return ch;
    }

    private void expect(char ch) {
        if (next() != ch) {
            throw bad();
        }
    }

    private IllegalArgumentException bad() {
        return new IllegalArgumentException("not an array's text at character " + (i + 1) + ": "
                + (s.length() > 200 ? s.substring(0, 200) + "…" : s));
    }
}
