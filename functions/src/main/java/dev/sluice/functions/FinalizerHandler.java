package dev.sluice.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.run.MalformedMessageException;
import dev.sluice.engine.run.WorkMessage;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.serverless.RunFinalizer;
import dev.sluice.engine.serverless.ServerlessContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The finalizer function. On the finalize queue: finalizes each run named (delete-stale for
 * tables whose items all succeeded, summary, status, lease released; a second request changes
 * nothing). On its sweep schedule: closes runs whose deadline passed (items lost or
 * dead-lettered) and finalizes them.
 */
public final class FinalizerHandler implements RequestStreamHandler {
    private static final System.Logger LOG = System.getLogger(FinalizerHandler.class.getName());

    private final Supplier<ServerlessContext> context;
    private final RunMetrics metrics;

    public FinalizerHandler() {
        this(Container::shared);
        Container.init();
    }

    public FinalizerHandler(Supplier<ServerlessContext> context) {
        this(context, RunMetrics.fromEnvironment(System.getenv()));
    }

    /** {@code metrics} receives a run's metrics when this handler ends it. */
    public FinalizerHandler(Supplier<ServerlessContext> context, RunMetrics metrics) {
        this.context = context;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) {
        LogFields.clear();
        LogFields.put("request_id", lambda.getAwsRequestId());
        LambdaJson.write(output, handle(LambdaJson.read(input), lambda));
    }

    Object handle(JsonNode event, Context lambda) {
        Optional<List<SqsRecords.Message>> messages = SqsRecords.of(event);
        if (messages.isPresent()) {
            return finalizeRuns(messages.get(), lambda.getAwsRequestId());
        }
        if (ScheduledEvents.isScheduled(event)) {
            ServerlessContext ctx = context.get();
            List<String> closed = new RunFinalizer(ctx).sweep(lambda.getAwsRequestId());
            LOG.log(System.Logger.Level.INFO, "sweep: closed " + closed.size() + " overdue run(s) " + closed);
            closed.forEach(id -> ctx.ledger().run(id).ifPresent(metrics::emit));
            return Map.of("closed", closed);
        }
        LOG.log(System.Logger.Level.ERROR, "finalizer: the event is neither an SQS event nor a scheduled event; nothing to do");
        return Map.of("error", "not an SQS or scheduled event");
    }

    private Object finalizeRuns(List<SqsRecords.Message> messages, String requestId) {
        SqsRecords batch = new SqsRecords();
        ServerlessContext ctx;
        try {
            ctx = context.get();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "finalizer: cannot start: " + e.getMessage());
            messages.forEach(batch::fail);
            return batch.response();
        }
        for (SqsRecords.Message m : messages) {
            try {
                LogFields.put("message_id", m.id());
                if (WorkMessages.decode(m.body()) instanceof WorkMessage.Finalize f) {
                    LogFields.put("run_id", f.runId());
                    new RunFinalizer(ctx).finalizeRun(f.runId(), requestId + "/" + m.id()).ifPresent(report -> {
                        LOG.log(System.Logger.Level.INFO, "run " + f.runId() + " finalized: " + report.status());
                        ctx.ledger().run(f.runId()).ifPresent(metrics::emit);
                    });
                } else {
                    LOG.log(System.Logger.Level.ERROR, "finalizer: message " + m.id() + " is a work item on the finalize queue;"
                            + " it returns to the queue and reaches the dead-letter queue");
                    batch.fail(m);
                }
            } catch (MalformedMessageException e) {
                LOG.log(System.Logger.Level.ERROR, "finalizer: message " + m.id() + " is malformed: " + e.getMessage());
                batch.fail(m);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "finalizer: message " + m.id() + " failed: " + e, e);
                batch.fail(m);
            }
            LogFields.endItem();
        }
        return batch.response();
    }
}
