package dev.sluice.engine.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Every failure is reported, naming the variable or file, never a value.
 */
final class VariableExpander {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
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
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            int line = lineAt(text, m.start());
            String name = m.group(1);
            Optional<String> value;
            if (name.startsWith("file:")) {
                value = file(name.substring("file:".length()), line, failures);
            } else if (name.startsWith("time:")) {
                value = time(name.substring("time:".length()), line, failures);
            } else {
                value = Optional.ofNullable(env.get(name));
                if (value.isEmpty()) {
                    failures.add(new Failure(line, "environment variable " + name + " is not set"));
                }
            }
            if (value.isPresent()) {
                addedLines |= value.get().indexOf('\n') >= 0;
                out.append(value.get());
            }
        }
        out.append(text, last, text.length());
        return new Result(out.toString(), failures, addedLines);
    }

    private Optional<String> file(String path, int line, List<Failure> failures) {
        String content;
        try {
            content = Files.readString(workingDirectory.resolve(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            failures.add(new Failure(line, "${file:" + path + "}: file " + path + " does not exist"));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            failures.add(new Failure(line, "${file:" + path + "}: file " + path + " cannot be read ("
                    + e.getClass().getSimpleName() + ")"));
            return Optional.empty();
        }
        String trimmed = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if ((content.indexOf('\n') >= 0 || content.indexOf('\r') >= 0) && isJson(content)) {
            return Optional.of(new String(JsonStringEncoder.getInstance().quoteAsString(trimmed)));
        }
        return Optional.of(trimmed);
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

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
