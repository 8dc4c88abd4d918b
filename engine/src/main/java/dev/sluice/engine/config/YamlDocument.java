package dev.sluice.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Parses one expanded document strictly (duplicate keys and trailing content are errors) into
 * maps, lists and scalars as Jackson reads YAML (ints as Integer/Long, {@code 30s} as String).
 * A parse failure says where and what, never quoting the text: it may hold expanded secrets.
 */
final class YamlDocument {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** The parser's limit on a document's size, in characters. */
    private static final int MAX_CHARACTERS = new LoaderOptions().getCodePointLimit();
    private static final Failure TOO_LARGE = new Failure(0, 0, "the document is too large (YAML documents are read up to "
            + MAX_CHARACTERS + " characters)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    /** Why a document is not valid YAML, at a line and column of the document text (from 1; 0 when unknown). */
    record Failure(int line, int column, String reason) {
    }

    /** The parsed value (null for an empty document), or the failure. */
    record Parsed(Object value, Optional<Failure> failure) {
    }

    private YamlDocument() {
    }

    static Parsed parse(String text) {
        if (text.length() > MAX_CHARACTERS && text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            return new Parsed(null, Optional.of(TOO_LARGE)); // refused before the parser spends seconds on it
        }
        Optional<Failure> unsupported = UnsupportedYaml.find(text);
        if (unsupported.isPresent()) {
            return new Parsed(null, unsupported);
        }
        try {
            return new Parsed(YAML.readValue(text, Object.class), Optional.empty());
        } catch (MismatchedInputException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("No content")) {
                return new Parsed(null, Optional.empty()); // directives or markers only: an empty document
            }
            return new Parsed(null, Optional.of(describe(e, text)));
        } catch (JsonProcessingException e) {
            return new Parsed(null, Optional.of(describe(e, text)));
        }
    }

    private static Failure describe(JsonProcessingException e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                String reason = join(marked.getContext(), marked.getProblem());
                return new Failure(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, reason);
            }
            if (t instanceof ReaderException reader) {
                return notAllowed(reader, text);
            }
            if (t instanceof YAMLException yaml && String.valueOf(yaml.getMessage()).contains("exceeds the limit")) {
                return TOO_LARGE;
            }
        }
        if (e instanceof StreamConstraintsException) {
            return new Failure(0, 0, String.valueOf(e.getOriginalMessage()).contains("nesting depth")
                    ? "lists and maps are nested too deeply (more than 1000 levels)"
                    : "a value is larger than YAML documents may hold");
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        String original = String.valueOf(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return new Failure(line, column, "duplicate key " + duplicate.group(1));
        }
        if (original.startsWith("Trailing token")) {
            return new Failure(line, column, "a second YAML document starts here; "
                    + "separate documents with a line that is exactly ---");
        }
        if (original.startsWith("Expected a field name")) {
            return new Failure(line, column, "a key must be a single value, not a list or a map");
        }
        if (original.startsWith("Malformed numeric value")) {
            return new Failure(line, column, "a value tagged as a number (!!int, !!float) is not a number");
        }
        return new Failure(line, column, "not valid YAML");
    }

    /** A character YAML does not allow (NUL, other control characters), at its line and column. */
    private static Failure notAllowed(ReaderException e, String text) {
        int index = text.offsetByCodePoints(0, Math.min(Math.max(0, e.getPosition()), text.codePointCount(0, text.length())));
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        int line = (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        return new Failure(line, text.codePointCount(lineStart, index) + 1,
                "character U+%04X is not allowed in YAML".formatted(e.getCodePoint()));
    }

    private static String join(String context, String problem) {
        if (context == null || context.isBlank()) {
            return problem == null ? "not valid YAML" : problem;
        }
        return problem == null ? context : context + ": " + problem;
    }
}
