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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a Lambda container keeps. In two stages, because SnapStart snapshots the first:
 * <ol>
 * <li>{@link #init()}, from every handler's no-arg constructor (Lambda's INIT phase, before the
 *     snapshot): the AWS SDK clients are built (no request sent, no credentials resolved), and
 *     {@link Priming} runs the SDK's, Jackson's and the engine's code paths so that their classes
 *     are loaded and warm in the snapshot;</li>
 * <li>{@link #shared()}, at an event (after restore): the config and the database secret are
 *     read, validated and prepared into a context whose database connections open on first use.
 *     Credentials, connections, clocks and run ids all come after restore.</li>
 * </ol>
 * The config stays live: it is read again when the context is older than {@link #configTtl}
 * (60 s, or SLUICE_CONFIG_TTL_SECONDS), and a changed SSM parameter, S3 object or secret
 * replaces the context (the old one is closed), so a change applies to runs started after it
 * without a redeploy. A config that does not load fails the invocation with the loader's
 * message, naming file, document and field, and is tried again at the next one.
 */
public final class Container {
    private static final System.Logger LOG = System.getLogger(Container.class.getName());
    private static AwsServices services;
    private static boolean initialized;
    private static LiveContext live;
    private static Redelivery redelivery;

    private Container() {
    }

    /** Lambda's INIT phase: SDK clients built, code paths primed (SLUICE_PRIME=off skips priming). Idempotent. */
    public static synchronized void init() {
        if (initialized) {
            return;
        }
        initialized = true;
        Map<String, String> env = System.getenv();
        if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            JsonLogFormatter.install(env.get("AWS_LAMBDA_FUNCTION_NAME"));
        }
        try {
            AwsClients clients = AwsClients.fromEnvironment();
            services = AwsServices.of(clients);
            if (!"off".equalsIgnoreCase(env.getOrDefault("SLUICE_PRIME", ""))) {
                Priming.prime(clients.region());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "init: " + e.getMessage() + "; retried at the first event");
        }
    }

    /** The container's context, built from the process environment, re-read when older than the TTL. */
    public static synchronized ServerlessContext shared() {
        if (live == null) {
            Map<String, String> env = System.getenv();
            live = new LiveContext(env, Container::services, configTtl(env), System::nanoTime);
        }
        return live.get();
    }

    static Duration configTtl(Map<String, String> env) {
        return Duration.ofSeconds(Long.parseLong(env.getOrDefault("SLUICE_CONFIG_TTL_SECONDS", "60")));
    }

    /** The container's AWS clients, one of each (built at init; here if init could not). */
    static synchronized AwsServices services() {
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
        return build(env, clients, Config.read(env, clients));
    }

    static ServerlessContext build(Map<String, String> env, AwsServices clients, Config config) {
        FunctionEnv e = new FunctionEnv(env);
        PreparedSync prepared = SyncSetup.prepare(new SpecLoader().load(config.files(), config.variables()), ConnectorRegistry.builtIn());
        String cursors = e.required(FunctionEnv.CURSORS_TABLE);
        ServerlessSettings settings = ServerlessSettings.defaults().withTimeMargin(e.timeMargin()).withStall(e.stall())
                .withMaxReceives(e.maxReceives()).withQueueTimes(e.fetchTimeout(), e.visibilityTimeout());
        return new ServerlessContext(prepared,
                new DynamoRunLedger(clients.dynamo(), e.required(FunctionEnv.RUNS_TABLE)),
                new SqsWorkQueue(clients.sqs(), e.required(FunctionEnv.WORK_QUEUE_URL), e.required(FunctionEnv.FINALIZE_QUEUE_URL)),
                source -> new DynamoCursorStore(clients.dynamo(), cursors, source),
                settings);
    }

    /** The config files and the variables they may use (environment plus the secret's fields). */
    record Config(List<Path> files, Map<String, String> variables, String fingerprint) {
        static Config read(Map<String, String> env, AwsServices clients) {
            FunctionEnv e = new FunctionEnv(env);
            Map<String, String> variables = new HashMap<>(env);
            e.optional(FunctionEnv.DB_SECRET_ARN).ifPresent(arn -> variables.putAll(new DatabaseSecret(clients.secrets().get()).variables(arn)));
            List<Path> files = new ConfigLocation(clients.ssm(), clients.s3(), e.optional("LAMBDA_TASK_ROOT").map(Path::of))
                    .fetchAll(e.required(FunctionEnv.CONFIG));
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Path p : files) {
                    sha.update((p + "\0").getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(p));
                }
                new TreeMap<>(variables).forEach((k, v) -> sha.update((k + "=" + v + "\0").getBytes(StandardCharsets.UTF_8)));
                return new Config(files, variables, HexFormat.of().formatHex(sha.digest()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
