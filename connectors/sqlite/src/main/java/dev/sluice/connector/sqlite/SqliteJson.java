package dev.sluice.connector.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON text: the one parser factory the module uses (Jackson's streaming API), with no limits
 * on lengths or nesting beyond memory (it does not recurse), and the check that a json
 * column's text is one JSON document, which SQLite does not make.
 */
final class SqliteJson {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .build())
            .build();

    private SqliteJson() {
    }

    /** {@code text} if it is exactly one JSON document (whitespace around it allowed); else why not. */
    static String requireDocument(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("the text is not JSON: it is empty");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("the text is not JSON: more follows the document at offset "
                        + p.currentTokenLocation().getCharOffset());
            }
            return text;
        } catch (JsonProcessingException e) {
            throw malformed("the text is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
    }

    /** Jackson's reason and where, without the text itself. */
    static IllegalArgumentException malformed(String what, JsonProcessingException e) {
        long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        return new IllegalArgumentException(what + ": " + e.getOriginalMessage()
                + (offset >= 0 ? " at offset " + offset : ""));
    }
}
