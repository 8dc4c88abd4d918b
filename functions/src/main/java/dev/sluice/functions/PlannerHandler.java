package dev.sluice.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.serverless.BadRequestException;
import dev.sluice.engine.serverless.RunStarter;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.engine.serverless.StartOutcome;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The planner function, on a schedule: starts a run per source (or the one the input names,
 * narrowed to its tables), taking the source's lease and enqueueing one work item per table or
 * partition. A source whose previous run is still active is skipped and said so.
 */
public final class PlannerHandler implements RequestStreamHandler {
    private static final System.Logger LOG = System.getLogger(PlannerHandler.class.getName());

    private final Supplier<ServerlessContext> context;

    public PlannerHandler() {
        this(Container::shared);
        Container.init();
    }

    public PlannerHandler(Supplier<ServerlessContext> context) {
        this.context = context;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) {
        LogFields.clear();
        LogFields.put("request_id", lambda.getAwsRequestId());
        LambdaJson.write(output, handle(LambdaJson.read(input)));
    }

    Map<String, Object> handle(JsonNode event) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            if (event.isMissingNode()) {
                throw new BadRequestException("the event is empty or not JSON; send {} to sync every source,"
                        + " or {\"source\": \"name\", \"tables\": [\"glob\"]}");
            }
            StartRequest request = StartRequest.parse(ScheduledEvents.input(event));
            List<StartOutcome> outcomes = new RunStarter(context.get()).start(request.source(), request.tables());
            out.put("runs", outcomes.stream().map(PlannerHandler::describe).toList());
        } catch (BadRequestException e) {
            LOG.log(System.Logger.Level.ERROR, "planner: bad input: " + e.getMessage());
            out.put("error", e.getMessage());
        }
        return out;
    }

    static Map<String, Object> describe(StartOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", o.source());
        LogFields.put("source", o.source());
        LogFields.put("run_id", o.runId().or(o::activeRunId).orElse(null));
        if (o.started()) {
            m.put("run_id", o.runId().get());
            m.put("items", o.items());
            LOG.log(System.Logger.Level.INFO, "planner: source " + o.source() + ": run " + o.runId().get() + ", " + o.items() + " items");
        } else {
            m.put("refused", "a run of this source is still active");
            o.activeRunId().ifPresent(id -> m.put("active_run_id", id));
            LOG.log(System.Logger.Level.WARNING, "planner: source " + o.source() + " skipped: run " + o.activeRunId().orElse("?") + " is still active");
        }
        return m;
    }
}
