package dev.sluice.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * One JSON object per log line, as Lambda's JSON log format expects from application output:
 * {@code timestamp} (RFC 3339), {@code level} (TRACE..ERROR, which Lambda filters on), {@code
 * message}, {@code logger}, the function name, the invocation's {@link LogFields} (request_id,
 * run_id, source, table, item, message_id) and {@code error} with the stack trace. Handlers and
 * the engine log through System.Logger (java.util.logging underneath), so every line of theirs
 * comes out this way once {@link #install} ran.
 */
public final class JsonLogFormatter extends Formatter {
    private final String function;

    public JsonLogFormatter(String function) {
        this.function = function;
    }

    /** Makes the root logger write JSON lines to stdout, replacing its handlers (Lambda's init calls it). */
    public static void install(String function) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler out = new StreamHandler(System.out, new JsonLogFormatter(function)) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        out.setLevel(Level.ALL);
        root.addHandler(out);
    }

    @Override
    public String format(LogRecord r) {
        ObjectNode n = LambdaJson.MAPPER.createObjectNode();
        n.put("timestamp", Instant.ofEpochMilli(r.getMillis()).toString());
        n.put("level", level(r.getLevel()));
        n.put("message", formatMessage(r));
        n.put("logger", r.getLoggerName());
        if (function != null) {
            n.put("function", function);
        }
        for (Map.Entry<String, String> f : LogFields.current().entrySet()) {
            n.put(f.getKey(), f.getValue());
        }
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            n.put("error", trace.toString());
        }
        return n.toString() + System.lineSeparator();
    }

    static String level(Level level) {
        int v = level.intValue();
        return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARN"
                : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
