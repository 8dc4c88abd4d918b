package dev.sluice.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up logging (the engine logs through {@link System.Logger}, which the JDK routes to
 * java.util.logging): one handler on stderr, at the chosen level, as text or JSON lines,
 * each line written above the progress line when one is shown ({@link StatusLine}).
 */
final class Logging {
    enum Format { text, json }

    private static volatile boolean debug;
    private static volatile boolean info = true;
    private static volatile boolean json;
    /** Loggers whose level was set here: java.util.logging holds loggers weakly, and would forget their level. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Logging() {
    }

    static void configure(LogLevel level, Format format) {
        Level jul = level.jul;
        debug = jul == Level.FINE;
        info = jul.intValue() <= Level.INFO.intValue();
        json = format == Format.json;
        CONFIGURED.clear();
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new StderrHandler();
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

    /** True with --log-format json: every line on stderr is a JSON object, the final error line too. */
    static boolean json() {
        return json;
    }

    /** Sets the line format before the command's options are fully known (a usage error names it). */
    static void useJson(boolean on) {
        json = on;
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

    /** Like the JDK's ConsoleHandler (System.err at the time of each line), but through {@link StatusLine}. */
    private static final class StderrHandler extends Handler {
        @Override
        public void publish(LogRecord r) {
            if (!isLoggable(r)) {
                return;
            }
            String line;
            try {
                line = getFormatter().format(r);
            } catch (RuntimeException e) {
                reportError("cannot format a log line", e, ErrorManager.FORMAT_FAILURE);
                return;
            }
            PrintStream err = System.err;
            StatusLine.write(err, line);
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static final class TextFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            return String.format("%s %-5s %s%n", Instant.ofEpochMilli(r.getMillis()), levelName(r.getLevel()), formatMessage(r));
        }
    }

    private static final class JsonFormatter extends Formatter {
        @Override
        public String format(LogRecord r) {
            return JsonLine.of(Instant.ofEpochMilli(r.getMillis()), levelName(r.getLevel()), r.getLoggerName(), formatMessage(r))
                    + System.lineSeparator();
        }
    }
}
