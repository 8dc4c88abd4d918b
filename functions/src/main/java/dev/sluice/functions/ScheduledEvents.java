package dev.sluice.functions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Events from schedules. An EventBridge rule without input sends its envelope
 * ({@code "detail-type": "Scheduled Event"}); EventBridge Scheduler, or a rule with input,
 * sends the configured input itself, such as {@code {"source": "aws", "tables": ["aws_s3_*"]}}.
 */
final class ScheduledEvents {
    private ScheduledEvents() {
    }

    static boolean isEnvelope(JsonNode event) {
        return event.isObject() && event.has("detail-type");
    }

    /** A scheduled-event envelope, or the sweep schedule's input {@code {"sluice": "sweep"}} (events/sweep.json). */
    static boolean isScheduled(JsonNode event) {
        return (isEnvelope(event) && "Scheduled Event".equals(event.path("detail-type").asText()))
                || "sweep".equals(event.path("sluice").asText());
    }

    /** The start request: the envelope's detail, or the event itself when it is the schedule's input. */
    static JsonNode input(JsonNode event) {
        return isEnvelope(event) ? event.path("detail") : event;
    }
}
