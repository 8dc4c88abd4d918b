package dev.sluice.files.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The values of JSON columns: checked to be one JSON document, and with {@code athena} their
 * objects' keys rewritten as CloudQuery's {@code athena} option does (every character that is not
 * an ASCII letter, digit or underscore becomes an underscore, at any depth). A rewritten document
 * is compact (no whitespace); its numbers and strings keep their text and its keys their order.
 */
final class JsonText {
    /** No limits of Jackson's on what a column may hold, except nesting, which a stack bounds. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).maxNestingDepth(10_000).maxNameLength(Integer.MAX_VALUE).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonText() {
    }

    /** The text to store for a JSON value: as it is, or rewritten for Athena. */
    static String stored(String text, boolean athena) {
        if (!athena) {
            check(text);
            return text;
        }
        StringWriter out = new StringWriter(text.length());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            copy(text, g, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes a JSON value into a document being generated: its text as it is when {@code keepText}
     * holds and it has no line break (JSON Lines puts one document on one line), else its tokens.
     */
    static void embed(String text, JsonGenerator g, boolean keepText, boolean athena) throws IOException {
        if (keepText && !athena && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            check(text);
            g.writeRawValue(text);
        } else {
            copy(text, g, athena);
        }
    }

    /** CloudQuery's Athena key: each character other than A-Z, a-z, 0-9 and _ replaced by _. */
    static String athenaKey(String key) {
        StringBuilder b = null;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            boolean word = cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_');
            if (!word && b == null) {
                b = new StringBuilder(key.length()).append(key, 0, i);
            }
            if (b != null) {
                if (word) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('_');
                }
            }
            i += Character.charCount(cp);
        }
        return b == null ? key : b.toString();
    }

    private static void check(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("an empty text is not JSON");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("the text holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String text, JsonGenerator g, boolean athena) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("an empty text is not JSON");
            }
            int depth = 0;
            do {
                switch (t) {
                    case START_OBJECT -> { g.writeStartObject(); depth++; }
                    case START_ARRAY -> { g.writeStartArray(); depth++; }
                    case END_OBJECT -> { g.writeEndObject(); depth--; }
                    case END_ARRAY -> { g.writeEndArray(); depth--; }
                    case FIELD_NAME -> g.writeFieldName(athena ? athenaKey(p.currentName()) : p.currentName());
                    case VALUE_STRING -> g.writeString(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                    case VALUE_TRUE -> g.writeBoolean(true);
                    case VALUE_FALSE -> g.writeBoolean(false);
                    case VALUE_NULL -> g.writeNull();
                    default -> throw new IllegalArgumentException("unexpected JSON token " + t);
                }
            } while (depth > 0 && (t = p.nextToken()) != null);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("the text holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    private static IllegalArgumentException notJson(JsonProcessingException e) {
        return new IllegalArgumentException("the text is not JSON: " + e.getOriginalMessage());
    }
}
