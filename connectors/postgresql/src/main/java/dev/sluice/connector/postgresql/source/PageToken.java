package dev.sluice.connector.postgresql.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.spi.ConnectorException;
import java.util.List;

/**
 * Resume tokens and cursors of the PostgreSQL source: the ordering columns' values of the last
 * row read, as their text forms (a JSON array), which the next query casts back to the columns'
 * types. For a table read by block range, the next block number; for a relation read from a
 * cursor ({@link HeldCursors}), {@code rows:<rows read>:<reader>}.
 */
final class PageToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private PageToken() {
    }

    static String encode(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of {@code token}, which must hold {@code size} of them. */
    static List<String> decode(String token, int size, String table) {
        try {
            List<String> values = JSON.readValue(token, STRINGS);
            if (values.size() == size && values.stream().allMatch(v -> v != null)) {
                return values;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new ConnectorException("postgresql: table " + table + ": resume token or cursor " + token
                + " does not fit the table's key (" + size + " values expected); the table's key or cursor"
                + " column changed since it was stored");
    }

    static long block(String token, SourceTable t) {
        try {
            long block = Long.parseLong(token);
            if (block >= 0) {
                return block;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw notForThisTable(token, t);
    }

    /** A token stored for another way of reading: the relation changed (a key, its kind) since. */
    static ConnectorException notForThisTable(String token, SourceTable t) {
        return new ConnectorException("postgresql: table " + t.fullName() + ": resume token " + token
                + " does not fit how the " + t.kind().description + " is read now; it gained or lost a primary key,"
                + " or was replaced by another kind of relation, since the token was stored");
    }
}
