package dev.sluice.functions.handlers;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Invokes a handler the way the Lambda runtime does, through its stream interface, with raw
 * bytes; an exception escaping the handler fails the test with the input named. Also where the
 * sample events are.
 */
final class Invoke {
    static final ObjectMapper JSON = new ObjectMapper();

    private Invoke() {
    }

    /** The handler's answer to {@code input} (raw bytes, any text), parsed as JSON. */
    static JsonNode raw(RequestStreamHandler handler, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        assertThatCode(() -> {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                    LocalContext.countingDown(600_000, 0));
            answer.set(JSON.readTree(out.toByteArray()));
        }).as("%s on input %s", handler.getClass().getSimpleName(), abbreviate(input)).doesNotThrowAnyException();
        return answer.get();
    }

    static JsonNode json(RequestStreamHandler handler, JsonNode event) {
        try {
            return raw(handler, JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode file(RequestStreamHandler handler, Path event) {
        try {
            return raw(handler, Files.readString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API Gateway proxy response's body, parsed. */
    static JsonNode body(JsonNode response) {
        try {
            return JSON.readTree(response.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nearest directory upwards from the working directory that holds template.yaml. */
    static Path root() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no directory with template.yaml above " + dir);
    }

    /** The project's sample events (events/). */
    static Path events() {
        return root().resolve("events");
    }

    /** AWS's sample events: -Dsluice.shared (set by the parent pom) or ../shared beside the root, then conformance/events. */
    static Path conformanceEvents() {
        String configured = System.getProperty("sluice.shared");
        Path shared = configured != null && Files.isDirectory(Paths.get(configured))
                ? Paths.get(configured) : root().getParent().resolve("shared");
        return shared.resolve("conformance/events").normalize();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? "\"" + s + "\"" : "\"" + s.substring(0, 200) + "...\"";
    }
}
