package dev.sluice.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.plan.WorkItem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JSON of queue messages: a work item (run, source, table, partition, resume token,
 * sequence) or a finalization request. Small by construction; a resume token that would
 * not fit an SQS message is refused when encoding, not when sending.
 */
public final class WorkMessages {
    static final String WORK = "sluice.work_item";
    static final String FINALIZE = "sluice.finalize";
    /** SQS's limit is 256 KiB; leave room for attributes. */
    public static final int MAX_BYTES = 200 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkMessages() {
    }

    public static String encode(WorkItem item) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", WORK);
        n.put("run_id", item.runId());
        n.put("source", item.sourceName());
        n.put("table", item.table());
        n.put("partition", item.partition());
        item.resumeToken().ifPresentOrElse(t -> n.put("resume_token", t), () -> n.putNull("resume_token"));
        n.put("sequence", item.sequence());
        String text = n.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("work item " + item.key() + " of run " + item.runId()
                    + ": its resume token is too large for a queue message (" + text.length() + " characters)");
        }
        return text;
    }

    public static String encodeFinalize(String runId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", FINALIZE);
        n.put("run_id", runId);
        return n.toString();
    }

    public static WorkMessage decode(String body) {
        JsonNode n;
        try {
            n = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new MalformedMessageException("not a JSON object");
        }
        String kind = text(n, "kind");
        if (FINALIZE.equals(kind)) {
            return new WorkMessage.Finalize(required(n, "run_id"));
        }
        if (!WORK.equals(kind)) {
            throw new MalformedMessageException("not a Sluice message (kind " + (kind == null ? "missing" : "\"" + kind + "\"")
                    + ", expected " + WORK + " or " + FINALIZE + ")");
        }
        JsonNode seq = n.get("sequence");
        if (seq == null || !seq.canConvertToLong() || seq.asLong() < 0) {
            throw new MalformedMessageException("field sequence must be a non-negative integer");
        }
        return new WorkMessage.Work(new WorkItem(required(n, "run_id"), required(n, "source"), required(n, "table"),
                Optional.ofNullable(text(n, "partition")).orElse(""), Optional.ofNullable(text(n, "resume_token")),
                seq.asLong()));
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw new MalformedMessageException("field " + field + " is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MalformedMessageException("field " + field + " must be a string");
        }
        return v.asText();
    }
}
