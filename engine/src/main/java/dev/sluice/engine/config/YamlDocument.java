package dev.sluice.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
        try {
            return new Parsed(YAML.readValue(text, Object.class), Optional.empty());
        } catch (JsonProcessingException e) {
            return new Parsed(null, Optional.of(describe(e)));
        }
    }

    private static Failure describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                String reason = join(marked.getContext(), marked.getProblem());
                return new Failure(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, reason);
            }
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
        return new Failure(line, column, "not valid YAML (" + e.getClass().getSimpleName() + ")");
    }

    private static String join(String context, String problem) {
        if (context == null || context.isBlank()) {
            return problem == null ? "not valid YAML" : problem;
        }
        return problem == null ? context : context + ": " + problem;
    }
}
