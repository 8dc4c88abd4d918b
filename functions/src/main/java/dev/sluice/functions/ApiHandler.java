package dev.sluice.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.serverless.BadRequestException;
import dev.sluice.engine.serverless.ReportJson;
import dev.sluice.engine.serverless.RunStarter;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.engine.serverless.StartOutcome;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP API (IAM-authorized): {@code POST /syncs} starts runs and answers 202 with their ids
 * at once (an HTTP API times out after 30 s; a sync may take hours); {@code GET /syncs} lists
 * recent runs; {@code GET /syncs/{id}} shows one with per-table progress. 400 for a bad body,
 * 404 for an unknown run or route, 409 when the source already has an active run.
 */
public final class ApiHandler implements RequestStreamHandler {
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final int MAX_LIST = 100;

    private final Supplier<ServerlessContext> context;

    public ApiHandler() {
        this(Container::shared);
        Container.init();
    }

    public ApiHandler(Supplier<ServerlessContext> context) {
        this.context = context;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) {
        LogFields.clear();
        LogFields.put("request_id", lambda.getAwsRequestId());
        LambdaJson.write(output, handle(LambdaJson.read(input)));
    }

    HttpResponse handle(JsonNode event) {
        ApiRoute route = ApiRoute.of(event);
        String method = route.method();
        String path = route.path();
        if (method.isEmpty() || path.isEmpty()) {
            return HttpResponse.error(400, "not an API Gateway request");
        }
        try {
            if (path.equals("/syncs") && method.equals("POST")) {
                return start(body(event));
            }
            if (path.equals("/syncs") && method.equals("GET")) {
                return list(event.path("queryStringParameters").path("limit").asText("20"));
            }
            if (path.startsWith("/syncs/") && method.equals("GET") && path.length() > 7 && path.indexOf('/', 7) < 0) {
                return show(path.substring(7));
            }
            return HttpResponse.error(404, "no route " + method + " " + path + " (routes: POST /syncs, GET /syncs, GET /syncs/{id})");
        } catch (BadRequestException e) {
            return HttpResponse.error(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "api: " + method + " " + path + " failed: " + e, e);
            return HttpResponse.error(500, "internal error; see the function's log");
        }
    }

    private HttpResponse start(JsonNode body) {
        StartRequest request = StartRequest.parse(body);
        List<StartOutcome> outcomes = new RunStarter(context.get()).start(request.source(), request.tables());
        List<Map<String, Object>> runs = outcomes.stream().map(PlannerHandler::describe).toList();
        boolean anyStarted = outcomes.stream().anyMatch(StartOutcome::started);
        return HttpResponse.json(anyStarted ? 202 : 409, Map.of("runs", runs));
    }

    private HttpResponse list(String limitText) {
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            throw new BadRequestException("limit must be a whole number from 1 to " + MAX_LIST);
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new BadRequestException("limit must be from 1 to " + MAX_LIST);
        }
        return HttpResponse.json(200, Map.of("runs",
                context.get().ledger().recent(limit).stream().map(ReportJson::summary).toList()));
    }

    private HttpResponse show(String id) {
        LogFields.put("run_id", id);
        ServerlessContext ctx = context.get();
        Optional<RunRecord> run = ctx.ledger().run(id);
        if (run.isEmpty()) {
            return HttpResponse.error(404, "no run " + id);
        }
        return HttpResponse.json(200, ReportJson.run(run.get(), ctx.ledger().items(id)));
    }

    /** The request body as JSON: missing when empty, a 400 when it is not JSON. */
    private static JsonNode body(JsonNode event) {
        JsonNode body = event.path("body");
        if (body.isMissingNode() || body.isNull() || body.asText().isBlank()) {
            return MissingNode.getInstance();
        }
        String text = body.asText();
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("the body is marked base64 but is not valid base64");
            }
        }
        try {
            return LambdaJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("the body is not JSON: " + e.getOriginalMessage());
        }
    }
}
