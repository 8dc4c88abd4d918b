package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One log line as JSON ({@code --log-format json}): time, level, logger, message. */
final class JsonLine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLine() {
    }

    static String of(Instant time, String level, String logger, String message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", time.toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"" + level + "\",\"message\":\"(not representable as JSON)\"}";
        }
    }
}
