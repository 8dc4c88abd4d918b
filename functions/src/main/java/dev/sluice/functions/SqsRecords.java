package dev.sluice.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of an SQS event and the batch-item failures to report back
 * ({@code ReportBatchItemFailures}: only the failed messages return to the queue).
 */
final class SqsRecords {
    /** One message: its id, receipt handle, body and how often the queue has delivered it. */
    record Message(String id, String receiptHandle, String body, int receiveCount) {
    }

    private final List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();

    /** The event's messages; empty when it is not an SQS event. */
    static Optional<List<Message>> of(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            return Optional.empty();
        }
        List<Message> out = new ArrayList<>();
        for (JsonNode r : records) {
            String id = r.path("messageId").asText("");
            int count = r.path("attributes").path("ApproximateReceiveCount").asInt(1);
            out.add(new Message(id, r.path("receiptHandle").asText(""), r.path("body").asText(""), Math.max(1, count)));
        }
        return Optional.of(out);
    }

    void fail(Message m) {
        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.id()).build());
    }

    SQSBatchResponse response() {
        return SQSBatchResponse.builder().withBatchItemFailures(List.copyOf(failures)).build();
    }
}
