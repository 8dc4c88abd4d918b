package dev.sluice.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.run.MalformedMessageException;
import dev.sluice.engine.run.WorkMessage;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.serverless.FetchResult;
import dev.sluice.engine.serverless.ItemHandler;
import dev.sluice.engine.serverless.ServerlessContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fetch function, on the work queue: runs each work item until it is done or the
 * invocation's remaining time falls under the margin (then the continuation is on the queue).
 * Returns an {@code SQSBatchResponse}: a message fails (and comes back, or reaches the DLQ) when
 * its failure is transient or it is malformed or foreign; duplicates and stale sequences are
 * dropped; items whose failure retrying cannot fix end FAILED and their message is done.
 */
public final class FetchHandler implements RequestStreamHandler {
    private static final System.Logger LOG = System.getLogger(FetchHandler.class.getName());

    private final Supplier<ServerlessContext> context;

    public FetchHandler() {
        this(Container::shared);
    }

    public FetchHandler(Supplier<ServerlessContext> context) {
        this.context = context;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) {
        LambdaJson.write(output, handle(LambdaJson.read(input), lambda));
    }

    Object handle(JsonNode event, Context lambda) {
        SqsRecords batch = new SqsRecords();
        Optional<List<SqsRecords.Message>> messages = SqsRecords.of(event);
        if (messages.isEmpty()) {
            LOG.log(System.Logger.Level.ERROR, "fetch: the event is not an SQS event (no Records); nothing to do");
            return batch.response();
        }
        ServerlessContext ctx;
        try {
            ctx = context.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "fetch: cannot start: " + e.getMessage());
            messages.get().forEach(batch::fail);
            return batch.response();
        }
        Supplier<Duration> remaining = () -> Duration.ofMillis(lambda.getRemainingTimeInMillis());
        for (SqsRecords.Message m : messages.get()) {
            if (remaining.get().compareTo(ctx.settings().timeMargin()) < 0) {
                batch.fail(m); // no time left to start it: the queue delivers it again
                continue;
            }
            if (!handleOne(ctx, m, lambda.getAwsRequestId(), remaining)) {
                batch.fail(m);
            }
        }
        return batch.response();
    }

    /** False when the message must go back to the queue. */
    private static boolean handleOne(ServerlessContext ctx, SqsRecords.Message m, String requestId, Supplier<Duration> remaining) {
        WorkMessage decoded;
        try {
            decoded = WorkMessages.decode(m.body());
        } catch (MalformedMessageException e) {
            LOG.log(System.Logger.Level.ERROR, "fetch: message " + m.id() + " is malformed: " + e.getMessage()
                    + "; it returns to the queue and reaches the dead-letter queue");
            return false;
        }
        if (!(decoded instanceof WorkMessage.Work work)) {
            LOG.log(System.Logger.Level.ERROR, "fetch: message " + m.id() + " is a finalize request on the work queue;"
                    + " it returns to the queue and reaches the dead-letter queue");
            return false;
        }
        try {
            FetchResult r = new ItemHandler(ctx).handle(work.item(), requestId + "/" + m.id(), remaining, m.receiveCount());
            LOG.log(System.Logger.Level.INFO, "fetch: " + work.item().key() + " of run " + work.item().runId()
                    + " (sequence " + work.item().sequence() + "): " + r.kind() + (r.detail().isEmpty() ? "" : ": " + r.detail()));
            return !r.redeliver();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "fetch: message " + m.id() + " failed: " + e, e);
            return false;
        }
    }
}
