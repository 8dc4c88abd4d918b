package dev.sluice.connector.sqlite;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON arrays that list columns hold: {@code ["a",null]} and {@code [1,null,-2]}. Enough
 * JSON for that and no more, so the module needs no JSON library; SQLite's json functions read
 * the result.
 */
final class JsonArrays {
    private final String text;
    private int pos;

    private JsonArrays(String text) {
        this.text = text;
    }

    static String encode(List<?> values) {
        StringBuilder b = new StringBuilder(2 + values.size() * 8).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                b.append("null");
            } else if (v instanceof String s) {
                appendString(b, s);
            } else if (v instanceof Long n) {
                b.append(n.longValue());
            } else {
                throw new IllegalArgumentException("a list element cannot be a " + v.getClass().getSimpleName());
            }
        }
        return b.append(']').toString();
    }

    /** Strings and nulls; anything else is malformed. */
    static List<String> decodeStrings(String text) {
        List<String> out = new ArrayList<>();
        new JsonArrays(text).parse(p -> out.add(p.peek() == '"' ? p.string() : p.nullLiteral(String.class)));
        return out;
    }

    /** 64-bit integers and nulls; anything else is malformed. */
    static List<Long> decodeLongs(String text) {
        List<Long> out = new ArrayList<>();
        new JsonArrays(text).parse(p -> out.add(p.peek() == 'n' ? p.nullLiteral(Long.class) : p.integer()));
        return out;
    }

    private interface Element {
        void read(JsonArrays parser);
    }

    private void parse(Element element) {
        skipSpace();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                element.read(this);
                skipSpace();
                char c = next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw malformed("expected , or ]");
                }
            }
        }
        skipSpace();
        if (pos != text.length()) {
            throw malformed("text after the array");
        }
    }

    private <T> T nullLiteral(Class<T> type) {
        if (!text.startsWith("null", pos)) {
            throw malformed("expected a " + (type == String.class ? "string" : "integer") + " or null");
        }
        pos += 4;
        return null;
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw malformed("expected a 64-bit integer");
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(hex4());
                default -> throw malformed("bad escape \\" + e);
            }
        }
    }

    private char hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
                throw malformed("bad \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private static void appendString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw malformed("expected " + c);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("malformed JSON array at offset " + pos + ": " + why);
    }
}
