package dev.sluice.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.run.MalformedMessageException;
import dev.sluice.engine.run.WorkMessage;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.serverless.FetchResult;
import dev.sluice.engine.serverless.ItemHandler;
import dev.sluice.engine.serverless.ServerlessContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fetch function, on the work queue: runs each work item until it is done or the
 * invocation's remaining time falls under the margin (then the continuation is on the queue).
 * Returns an {@code SQSBatchResponse}: a message fails (and comes back, or reaches the DLQ) when
 * its failure is transient or it is malformed or foreign, or it is a duplicate another handler
 * holds (it comes back when that hold ends); stale sequences are dropped; items whose failure retrying cannot fix end FAILED and their message is done.
 */
public final class FetchHandler implements RequestStreamHandler {
    private static final System.Logger LOG = System.getLogger(FetchHandler.class.getName());

    private final Supplier<ServerlessContext> context;
    private final Supplier<Redelivery> redelivery;

    public FetchHandler() {
        this(Container::shared, Container::redelivery);
        Container.init();
    }

    /** Messages handed back wait for the queue's visibility timeout. */
    public FetchHandler(Supplier<ServerlessContext> context) {
        this(context, () -> Redelivery.QUEUE_TIMEOUT);
    }

    public FetchHandler(Supplier<ServerlessContext> context, Supplier<Redelivery> redelivery) {
        this.context = context;
        this.redelivery = redelivery;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) {
        LogFields.clear();
        LogFields.put("request_id", lambda.getAwsRequestId());
        LambdaJson.write(output, handle(LambdaJson.read(input), lambda));
    }

    Object handle(JsonNode event, Context lambda) {
        SqsRecords batch = new SqsRecords();
        Optional<List<SqsRecords.Message>> messages = SqsRecords.of(event);
        if (messages.isEmpty()) {
            LOG.log(System.Logger.Level.ERROR, "fetch: the event is not an SQS event (no Records); nothing to do");
            return batch.response();
        }
        Map<SqsRecords.Message, WorkItem> work = new LinkedHashMap<>();
        for (SqsRecords.Message m : messages.get()) {
            LogFields.put("message_id", m.id());
            Optional<WorkItem> item = decode(m);
            if (item.isPresent()) {
                work.put(m, item.get());
            } else {
                fail(batch, m, Duration.ZERO); // to the dead-letter queue after maxReceiveCount, without delay
            }
        }
        LogFields.endItem();
        if (work.isEmpty()) {
            return batch.response();
        }
        ServerlessContext ctx;
        try {
            ctx = context.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "fetch: cannot start: " + e.getMessage());
            work.keySet().forEach(m -> fail(batch, m, Redelivery.backoff(m.receiveCount())));
            return batch.response();
        }
        Supplier<Duration> remaining = () -> Duration.ofMillis(lambda.getRemainingTimeInMillis());
        for (Map.Entry<SqsRecords.Message, WorkItem> e : work.entrySet()) {
            SqsRecords.Message m = e.getKey();
            WorkItem item = e.getValue();
            LogFields.item(item.runId(), item.sourceName(), item.table(), item.key());
            LogFields.put("message_id", m.id());
            if (remaining.get().compareTo(ctx.settings().timeMargin()) < 0) {
                fail(batch, m, Duration.ZERO); // no time left to start it: the next invocation takes it
            } else {
                run(ctx, m, item, lambda.getAwsRequestId(), remaining).ifPresent(after -> fail(batch, m, after));
            }
            LogFields.endItem();
        }
        return batch.response();
    }

    private void fail(SqsRecords batch, SqsRecords.Message m, Duration comeBackAfter) {
        batch.fail(m);
        if (!m.receiptHandle().isEmpty()) {
            redelivery.get().after(m.receiptHandle(), comeBackAfter);
        }
    }

    /** The work item a message carries; empty (and logged) for a malformed or foreign one. */
    private static Optional<WorkItem> decode(SqsRecords.Message m) {
        WorkMessage decoded;
        try {
            decoded = WorkMessages.decode(m.body());
        } catch (MalformedMessageException e) {
            LOG.log(System.Logger.Level.ERROR, "fetch: message " + m.id() + " is malformed: " + e.getMessage()
                    + "; it returns to the queue and reaches the dead-letter queue");
            return Optional.empty();
        }
        if (decoded instanceof WorkMessage.Work work) {
            return Optional.of(work.item());
        }
        LOG.log(System.Logger.Level.ERROR, "fetch: message " + m.id() + " is a finalize request on the work queue;"
                + " it returns to the queue and reaches the dead-letter queue");
        return Optional.empty();
    }

    /**
     * When the message must come back (a transient failure: after the backoff; a duplicate
     * another handler holds: when its hold ends); empty when it is done with.
     */
    private static Optional<Duration> run(ServerlessContext ctx, SqsRecords.Message m, WorkItem item, String requestId,
                                          Supplier<Duration> remaining) {
        try {
            FetchResult r = new ItemHandler(ctx).handle(item, requestId + "/" + m.id(), remaining, m.receiveCount());
            LOG.log(System.Logger.Level.INFO, "fetch: " + item.key() + " of run " + item.runId()
                    + " (sequence " + item.sequence() + "): " + r.kind() + (r.detail().isEmpty() ? "" : ": " + r.detail()));
            return r.redeliver() ? Optional.of(r.comeBackAfter().orElse(Redelivery.backoff(m.receiveCount()))) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "fetch: message " + m.id() + " failed: " + e, e);
            return Optional.of(Redelivery.backoff(m.receiveCount()));
        }
    }
}
