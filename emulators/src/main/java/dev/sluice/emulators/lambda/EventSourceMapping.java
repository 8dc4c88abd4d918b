package dev.sluice.emulators.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.fetch.CrashPoints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays Lambda's SQS event source mapping against the emulated queue: receives a batch, hands
 * it to the real handler class as the SQS event JSON Lambda would send, deletes the messages the
 * handler did not report in {@code batchItemFailures}, and makes the failed ones visible again
 * at once (the queue redrives them to the DLQ after maxReceiveCount), or, {@link
 * #withLambdaVisibility() as Lambda does}, leaves them to the visibility their handler set. An
 * invocation that dies ({@link CrashPoints.Crash}) leaves its messages in flight.
 */
public final class EventSourceMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final RequestStreamHandler handler;
    private final int batchSize;
    private final Supplier<Context> contexts;
    private final boolean lambdaVisibility;
    private final List<String> died = new java.util.ArrayList<>();

    public EventSourceMapping(SqsClient sqs, String queueUrl, RequestStreamHandler handler, int batchSize, Supplier<Context> contexts) {
        this(sqs, queueUrl, handler, batchSize, contexts, false);
    }

    private EventSourceMapping(SqsClient sqs, String queueUrl, RequestStreamHandler handler, int batchSize,
                               Supplier<Context> contexts, boolean lambdaVisibility) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
        this.batchSize = batchSize;
        this.contexts = contexts;
        this.lambdaVisibility = lambdaVisibility;
    }

    /**
     * This mapping as Lambda's really is: a failed message keeps the visibility its handler
     * gave it (or the queue's timeout), instead of coming back at once.
     */
    public EventSourceMapping withLambdaVisibility() {
        return new EventSourceMapping(sqs, queueUrl, handler, batchSize, contexts, true);
    }

    /**
     * The messages of invocations that died (the handler threw {@link CrashPoints.Crash}):
     * they stay in flight until the queue's visibility timeout, as on Lambda. This makes them
     * visible now, as if that timeout had passed; the number of messages.
     */
    public int visibilityTimeoutPassed() {
        died.forEach(h -> sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(h).visibilityTimeout(0)));
        int n = died.size();
        died.clear();
        return n;
    }

    /** One receive and invocation; the number of messages delivered (0 when the queue had none). */
    public int pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).waitTimeSeconds(0)).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        JsonNode response;
        try {
            response = invoke(handler, event(messages), contexts.get());
        } catch (CrashPoints.Crash processEnded) {
            messages.forEach(m -> died.add(m.receiptHandle()));
            return messages.size();
        }
        Set<String> failed = new HashSet<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        for (Message m : messages) {
            if (failed.contains(m.messageId())) {
                if (!lambdaVisibility) {
                    sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                }
            } else {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return messages.size();
    }

    /** Polls until a receive comes back empty; the number of invocations. */
    public int drain(int maxInvocations) {
        int invocations = 0;
        while (pollOnce() > 0) {
            if (++invocations > maxInvocations) {
                throw new AssertionError("queue " + queueUrl + " not drained after " + maxInvocations + " invocations");
            }
        }
        return invocations;
    }

    public static ObjectNode event(List<Message> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount",
                    m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            r.put("eventSource", "aws:sqs");
            r.put("awsRegion", "us-east-1");
        }
        return event;
    }

    public static JsonNode invoke(RequestStreamHandler handler, JsonNode event, Context context) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, context);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
