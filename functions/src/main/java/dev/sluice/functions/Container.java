package dev.sluice.functions;

import dev.sluice.engine.config.SpecLoader;
import dev.sluice.engine.connect.ConnectorRegistry;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.engine.serverless.ServerlessSettings;
import dev.sluice.engine.sync.PreparedSync;
import dev.sluice.engine.sync.SyncSetup;
import dev.sluice.infra.AwsClients;
import dev.sluice.infra.ConfigLocation;
import dev.sluice.infra.DatabaseSecret;
import dev.sluice.infra.DynamoCursorStore;
import dev.sluice.infra.DynamoRunLedger;
import dev.sluice.infra.SqsWorkQueue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Lambda container builds once, at its first event (and, with SnapStart, before the
 * snapshot): the config fetched and validated, connectors prepared, the ledger, queue and
 * cursor stores on their AWS clients. A config that does not load fails every invocation of
 * the container with the loader's message, naming file, document and field.
 */
public final class Container {
    private static AwsServices services;
    private static ServerlessContext shared;
    private static Redelivery redelivery;

    private Container() {
    }

    /** The container's context, built from the process environment on first use. */
    public static synchronized ServerlessContext shared() {
        if (shared == null) {
            shared = build(System.getenv(), services());
        }
        return shared;
    }

    /** The container's AWS clients, one of each, built on first use. */
    private static synchronized AwsServices services() {
        if (services == null) {
            services = AwsServices.of(AwsClients.fromEnvironment());
        }
        return services;
    }

    /** Backoff for the work queue's messages handed back, on the container's SQS client. */
    public static synchronized Redelivery redelivery() {
        if (redelivery == null) {
            redelivery = Redelivery.sqs(services().sqs(), new FunctionEnv(System.getenv()).required(FunctionEnv.WORK_QUEUE_URL));
        }
        return redelivery;
    }

    /** A context from {@code env} on {@code clients} (the emulators' in tests and {@code --emulate-aws}). */
    public static ServerlessContext build(Map<String, String> env, AwsServices clients) {
        FunctionEnv e = new FunctionEnv(env);
        Map<String, String> variables = new HashMap<>(env);
        e.optional(FunctionEnv.DB_SECRET_ARN).ifPresent(arn -> variables.putAll(new DatabaseSecret(clients.secrets().get()).variables(arn)));
        List<Path> files = new ConfigLocation(clients.ssm(), clients.s3(), e.optional("LAMBDA_TASK_ROOT").map(Path::of))
                .fetchAll(e.required(FunctionEnv.CONFIG));
        PreparedSync prepared = SyncSetup.prepare(new SpecLoader().load(files, variables), ConnectorRegistry.builtIn());
        String cursors = e.required(FunctionEnv.CURSORS_TABLE);
        ServerlessSettings settings = ServerlessSettings.defaults().withTimeMargin(e.timeMargin()).withStall(e.stall())
                .withMaxReceives(e.maxReceives()).withQueueTimes(e.fetchTimeout(), e.visibilityTimeout());
        return new ServerlessContext(prepared,
                new DynamoRunLedger(clients.dynamo(), e.required(FunctionEnv.RUNS_TABLE)),
                new SqsWorkQueue(clients.sqs(), e.required(FunctionEnv.WORK_QUEUE_URL), e.required(FunctionEnv.FINALIZE_QUEUE_URL)),
                source -> new DynamoCursorStore(clients.dynamo(), cursors, source),
                settings);
    }
}
