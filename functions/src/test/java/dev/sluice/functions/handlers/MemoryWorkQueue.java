package dev.sluice.functions.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.run.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The work and finalize queues in memory: what the handlers sent, taken off as the SQS events
 * Lambda would deliver ({@link WorkMessages} bodies, one record per message).
 */
final class MemoryWorkQueue implements WorkQueue {
    private final List<String> work = new ArrayList<>();
    private final List<String> finalize = new ArrayList<>();

    @Override
    public synchronized void enqueue(List<WorkItem> items) {
        items.forEach(i -> work.add(WorkMessages.encode(i)));
    }

    @Override
    public synchronized void requestFinalize(String runId) {
        finalize.add(WorkMessages.encodeFinalize(runId));
    }

    synchronized List<String> work() {
        return List.copyOf(work);
    }

    synchronized List<String> finalizeRequests() {
        return List.copyOf(finalize);
    }

    /** The oldest work message as a one-record SQS event, removed from the queue. */
    synchronized Optional<ObjectNode> takeWork() {
        return work.isEmpty() ? Optional.empty() : Optional.of(sqsEvent(List.of(work.remove(0))));
    }

    /** Every finalize request as one SQS event, removed from the queue. */
    synchronized Optional<ObjectNode> takeFinalize() {
        if (finalize.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode event = sqsEvent(finalize);
        finalize.clear();
        return Optional.of(event);
    }

    /** An SQS event of {@code bodies} with fresh message ids ({@code m0}, {@code m1}, ...: the record's index). */
    static ObjectNode sqsEvent(List<String> bodies) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode r = records.addObject();
            r.put("messageId", "m" + i + "-" + UUID.randomUUID());
            r.put("receiptHandle", "receipt-" + i);
            r.put("body", bodies.get(i));
            r.putObject("attributes").put("ApproximateReceiveCount", "1");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:sluice-test");
            r.put("awsRegion", "us-east-1");
        }
        return event;
    }
}
