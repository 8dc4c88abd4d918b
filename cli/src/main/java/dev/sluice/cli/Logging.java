package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up logging (the engine logs through {@link System.Logger}, which the JDK routes to
 * java.util.logging): one handler on stderr, at the chosen level, as text or JSON lines.
 */
final class Logging {
    enum Format { text, json }

    private static volatile boolean debug;
    private static volatile boolean info;
    /** Loggers whose level was set here: java.util.logging holds loggers weakly, and would forget their level. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logging() {
    }

    static void configure(String level, Format format) {
        Level jul = switch (level.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> throw new IllegalArgumentException("--log-level must be debug, info, warn or error, got " + level);
        };
        debug = jul == Level.FINE;
        info = jul.intValue() <= Level.INFO.intValue();
        CONFIGURED.clear();
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setLevel(jul);
        handler.setFormatter(format == Format.json ? new JsonFormatter() : new TextFormatter());
        root.addHandler(handler);
        // debug is for Sluice's own loggers: the JDK's and libraries' debug output (TLS certificates, say) stays out
        root.setLevel(jul.intValue() < Level.INFO.intValue() ? Level.INFO : jul);
        Logger sluice = Logger.getLogger("dev.sluice");
        sluice.setLevel(jul);
        CONFIGURED.add(sluice);
    }

    static boolean debugEnabled() {
        return debug;
    }

    /** True at --log-level info or debug. */
    static boolean infoEnabled() {
        return info;
    }

    /** At --log-level info, these loggers (and theirs below) log warnings and errors only; debug keeps everything. */
    static void quietAtInfo(String... loggers) {
        if (!info || debug) {
            return;
        }
        for (String name : loggers) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.WARNING);
            CONFIGURED.add(l);
        }
    }

    private static String levelName(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "error";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "warn";
        }
        return level.intValue() >= Level.INFO.intValue() ? "info" : "debug";
    }

    private static final class TextFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            return String.format("%s %-5s %s%n", Instant.ofEpochMilli(r.getMillis()), levelName(r.getLevel()), formatMessage(r));
        }
    }

    private static final class JsonFormatter extends Formatter {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String format(LogRecord r) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.ofEpochMilli(r.getMillis()).toString());
            line.put("level", levelName(r.getLevel()));
            line.put("logger", r.getLoggerName());
            line.put("message", formatMessage(r));
            try {
                return JSON.writeValueAsString(line) + System.lineSeparator();
            } catch (JsonProcessingException e) {
                return formatMessage(r) + System.lineSeparator();
            }
        }
    }
}
