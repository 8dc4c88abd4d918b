package dev.sluice.functions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields every log line of the current invocation carries (request id, run id, source,
 * table, item, message id), set by the handlers around each event and each message, read by
 * {@link JsonLogFormatter}. One invocation per thread, as Lambda runs them.
 */
public final class LogFields {
    private static final ThreadLocal<Map<String, String>> FIELDS = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogFields() {
    }

    /** Sets {@code name} (or removes it when {@code value} is null) until {@link #clear()}. */
    public static void put(String name, String value) {
        if (value == null) {
            FIELDS.get().remove(name);
        } else {
            FIELDS.get().put(name, value);
        }
    }

    /** The run, source, table and item of a work item, as every line about it names them. */
    public static void item(String runId, String source, String table, String item) {
        put("run_id", runId);
        put("source", source);
        put("table", table);
        put("item", item);
    }

    /** Forgets the item's fields, keeping the invocation's. */
    public static void endItem() {
        for (String f : new String[] {"run_id", "source", "table", "item", "message_id"}) {
            FIELDS.get().remove(f);
        }
    }

    public static void clear() {
        FIELDS.get().clear();
    }

    static Map<String, String> current() {
        return Map.copyOf(FIELDS.get());
    }
}
