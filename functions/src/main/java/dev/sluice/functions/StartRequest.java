package dev.sluice.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.serverless.BadRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code {"source": "name", "tables": ["glob", ...]}}, both optional; anything else is a bad request. */
record StartRequest(Optional<String> source, List<String> tables) {
    private static final Set<String> FIELDS = Set.of("source", "tables");

    static StartRequest parse(JsonNode body) {
        if (body.isMissingNode() || body.isNull()) {
            return new StartRequest(Optional.empty(), List.of());
        }
        if (!body.isObject()) {
            throw new BadRequestException("the request must be a JSON object such as {\"source\": \"aws\", \"tables\": [\"aws_s3_*\"]}");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new BadRequestException("unknown field \"" + f + "\" (known: source, tables)");
            }
        }
        JsonNode source = body.path("source");
        if (!source.isMissingNode() && !source.isNull() && (!source.isTextual() || source.asText().isBlank())) {
            throw new BadRequestException("\"source\" must be a source name");
        }
        List<String> tables = new ArrayList<>();
        JsonNode t = body.path("tables");
        if (!t.isMissingNode() && !t.isNull()) {
            if (!t.isArray()) {
                throw new BadRequestException("\"tables\" must be a list of table names or globs");
            }
            for (JsonNode e : t) {
                if (!e.isTextual() || e.asText().isBlank()) {
                    throw new BadRequestException("\"tables\" must hold table names or globs, got " + e);
                }
                tables.add(e.asText());
            }
        }
        return new StartRequest(source.isTextual() ? Optional.of(source.asText()) : Optional.empty(), tables);
    }
}
