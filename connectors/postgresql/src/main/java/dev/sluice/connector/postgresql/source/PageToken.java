package dev.sluice.connector.postgresql.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.spi.ConnectorException;
import java.util.List;

/**
 * Resume tokens and cursors of the PostgreSQL source: the ordering columns' values of the last
 * row read, as their text forms (a JSON array), which the next query casts back to the columns'
 * types. For a table read by block range, the next block number.
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

    static long block(String token, String table) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new ConnectorException("postgresql: table " + table + ": resume token " + token
                    + " is not a block number; the table gained a primary key since it was stored");
        }
    }
}
