package dev.sluice.engine.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces CloudQuery's variables in a document's text, before it is parsed as YAML:
 * {@code ${file:PATH}} by the file's contents (PATH relative to the working directory, one
 * trailing newline dropped; multi-line JSON is escaped to fit a double-quoted string, as
 * CloudQuery does), {@code ${time:...}} by a time (see {@link TimeExpressions}) and
 * {@code ${NAME}} by the environment variable. One pass: substituted text is not expanded again.
 * A variable is written on one line; {@code ${}}, a {@code ${} never closed on its line and a
 * nested {@code ${${X}}} are failures, not text. {@code $${X}} is no escape: a {@code $} and X's
 * value, as in CloudQuery. {@code ${file:PATH}} reads a regular UTF-8 file of at most
 * {@link #MAX_FILE_BYTES}. Every failure is reported, naming the variable or file, never a value.
 */
final class VariableExpander {
    /** A variable closed on its line, or (group 1 absent) a {@code ${} that is not. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}\\n]*)}|\\$\\{");
    /** The name-like start of an unclosed variable, quoted in its failure. */
    private static final Pattern NAME_START = Pattern.compile("[A-Za-z0-9_:./~-]{0,40}");
    static final long MAX_FILE_BYTES = 3L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A failure at a line of the document (from 1). */
    record Failure(int line, String message) {
    }

    /** The expanded text, the failures, and whether substituted text added lines (which shifts line numbers). */
    record Result(String text, List<Failure> failures, boolean addedLines) {
    }

    private final Map<String, String> env;
    private final Path workingDirectory;
    private final Clock clock;

    VariableExpander(Map<String, String> env, Path workingDirectory, Clock clock) {
        this.env = Map.copyOf(env);
        this.workingDirectory = workingDirectory;
        this.clock = clock;
    }

    Result expand(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        List<Failure> failures = new ArrayList<>();
        boolean addedLines = false;
        int last = 0;
        int line = 1;
        while (m.find()) {
            line += newlines(text, last, m.start());
            out.append(text, last, m.start());
            last = m.end();
            Optional<String> value = value(m, text, line, failures);
            if (value.isPresent()) {
                addedLines |= value.get().indexOf('\n') >= 0;
                out.append(value.get());
            }
        }
        out.append(text, last, text.length());
        return new Result(out.toString(), failures, addedLines);
    }

    /** The value of the variable {@code m} found, or empty after adding the failure. */
    private Optional<String> value(Matcher m, String text, int line, List<Failure> failures) {
        String name = m.group(1);
        if (name == null) {
            failures.add(new Failure(line, unclosed(text, m.end())));
            return Optional.empty();
        }
        if (name.isBlank()) {
            failures.add(new Failure(line, m.group() + " names no variable: write ${NAME}, ${file:PATH} or ${time:...}"));
            return Optional.empty();
        }
        if (name.contains("${")) {
            failures.add(new Failure(line, m.group() + "...: variables cannot be nested"));
            return Optional.empty();
        }
        if (name.startsWith("file:")) {
            return file(name.substring("file:".length()), line, failures);
        }
        if (name.startsWith("time:")) {
            return time(name.substring("time:".length()), line, failures);
        }
        Optional<String> value = Optional.ofNullable(env.get(name));
        if (value.isEmpty()) {
            failures.add(new Failure(line, "environment variable " + name + " is not set"));
        }
        return value;
    }

    private Optional<String> file(String path, int line, List<Failure> failures) {
        String content;
        try {
            content = readFile(path);
        } catch (UnreadableFile e) {
            failures.add(new Failure(line, "${file:" + path + "}: " + e.getMessage()));
            return Optional.empty();
        }
        String trimmed = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if ((content.indexOf('\n') >= 0 || content.indexOf('\r') >= 0) && isJson(content)) {
            return Optional.of(new String(JsonStringEncoder.getInstance().quoteAsString(trimmed)));
        }
        return Optional.of(trimmed);
    }

    /** The text of a regular UTF-8 file of at most {@link #MAX_FILE_BYTES}, or why not, in words. */
    private String readFile(String path) throws UnreadableFile {
        if (path.isBlank()) {
            throw new UnreadableFile("names no file (write ${file:PATH})");
        }
        Path file;
        try {
            file = workingDirectory.resolve(path);
        } catch (InvalidPathException e) {
            throw new UnreadableFile(path + " is not a valid file path");
        }
        if (Files.isDirectory(file)) {
            throw new UnreadableFile(path + " is a directory, not a file");
        }
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new UnreadableFile(path + " is not a regular file");
            }
            if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw new UnreadableFile(path + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UnreadableFile("file " + path + " does not exist");
        } catch (CharacterCodingException e) {
            throw new UnreadableFile("file " + path + " is not UTF-8 text");
        } catch (AccessDeniedException e) {
            throw new UnreadableFile("file " + path + " cannot be read: permission denied");
        } catch (IOException | SecurityException e) {
            throw new UnreadableFile("file " + path + " cannot be read");
        }
    }

    /** Why {@code ${file:...}} has no value, as the message says it. */
    private static final class UnreadableFile extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFile(String message) {
            super(message, null, false, false);
        }
    }

    private static String unclosed(String text, int afterOpening) {
        Matcher name = NAME_START.matcher(text);
        name.region(afterOpening, text.length()).lookingAt();
        return "${" + name.group() + " is not closed: write a variable on one line as ${NAME}";
    }

    private Optional<String> time(String expression, int line, List<Failure> failures) {
        Optional<String> value = TimeExpressions.expand(expression, clock);
        if (value.isEmpty()) {
            failures.add(new Failure(line, "${time:" + expression + "}: " + TimeExpressions.EXPECTED));
        }
        return value;
    }

    private static boolean isJson(String content) {
        try {
            JSON.readTree(content);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
