package dev.sluice.cli;

import java.util.Locale;
import java.util.logging.Level;
import picocli.CommandLine;

/** {@code --log-level}: debug, info, warn (or warning) or error; anything else is a usage error (exit 2). */
enum LogLevel {
    debug(Level.FINE), info(Level.INFO), warn(Level.WARNING), error(Level.SEVERE);

    final Level jul;

    LogLevel(Level jul) {
        this.jul = jul;
    }

    static final class Converter implements CommandLine.ITypeConverter<LogLevel> {
        @Override
        public LogLevel convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "debug" -> debug;
                case "info" -> info;
                case "warn", "warning" -> warn;
                case "error" -> error;
                default -> throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a log level (debug, info, warn or error)");
            };
        }
    }
}
