package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.emulators.lambda.LocalContext;
import dev.sluice.engine.lease.LeaseSettings;
import dev.sluice.engine.lease.Leases;
import dev.sluice.engine.run.ItemRecord;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.serverless.RunFinalizer;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.engine.sync.PreparedSource;
import dev.sluice.engine.sync.SourceReport;
import dev.sluice.engine.sync.SyncReport;
import dev.sluice.functions.AwsServices;
import dev.sluice.functions.Container;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.FinalizerHandler;
import dev.sluice.functions.PlannerHandler;
import dev.sluice.infra.AwsResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code sluice sync --emulate-aws}: the serverless flow on this machine, with the real Lambda
 * handlers on the emulators. Starts dynalite and ElasticMQ, builds the functions' context from
 * the environment Lambda would have, invokes the planner with {@code {}} (every source, the
 * config's table selection), then runs fetch "Lambdas" (one thread each, batch size 1, a
 * countdown of {@code --lambda-timeout}) on the work queue and a finalizer on the finalize
 * queue until every run has ended. When both queues are empty, nothing is in flight and a run
 * is still open (its message reached the dead-letter queue), it closes the run at once as the
 * sweep schedule would after the stall deadline.
 */
final class EmulatedSync {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_PAUSE = Duration.ofMillis(100);
    private static final Duration IDLE_GRACE = Duration.ofSeconds(2);
    private static final Duration FINALIZER_TIMEOUT = Duration.ofSeconds(600);

    /** The reports of the runs that ended, and what went wrong otherwise (runs refused, unfinished). */
    record Outcome(SyncReport report, List<PreparedSource> sources, List<String> problems) {
        boolean succeeded() {
            return problems.isEmpty() && report.succeeded();
        }
    }

    private final EmulateAwsOptions options;
    private final LeaseSettings lease;
    private final Consumer<String> lines;
    private final boolean narrate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    /**
     * @param lines   where the notice that the emulators start (always) and the progress lines go
     * @param narrate whether to print progress lines
     */
    EmulatedSync(EmulateAwsOptions options, LeaseSettings lease, Consumer<String> lines, boolean narrate) {
        this.options = options;
        this.lease = lease;
        this.lines = lines;
        this.narrate = narrate;
    }

    /** @param configFiles the config files (not directories), absolute */
    Outcome run(List<Path> configFiles) {
        notice("sluice: starting the AWS emulators: DynamoDB (dynalite on Node.js; installed into ~/.cache/sluice "
                + "on first use) and SQS (ElasticMQ, in this JVM)...");
        long started = System.nanoTime();
        int visibility = (int) Math.max(60, options.lambdaTimeout.toSeconds() * 6); // 6 x the timeout, as AWS advises
        LocalAws.Names d = LocalAws.Names.defaults();
        try (LocalAws aws = LocalAws.start(new LocalAws.Names(d.runsTable(), d.cursorsTable(), d.workQueue(), d.finalizeQueue(),
                visibility), Optional.empty())) {
            notice(String.format("sluice: emulators ready in %.1f s: DynamoDB %s, SQS %s; %d fetch Lambda(s), timeout %s, margin %s",
                    (System.nanoTime() - started) / 1e9, aws.dynamoEndpoint(), aws.sqsEndpoint(), options.lambdaConcurrency,
                    DurationConverter.format(options.lambdaTimeout), DurationConverter.format(options.timeMargin)));
            ServerlessContext built = Container.build(environment(aws, configFiles), new AwsServices(aws.dynamo(), aws.sqs(),
                    () -> unavailable("SSM"), () -> unavailable("S3"), () -> unavailable("Secrets Manager")));
            try (LocalCursorStores cursors = new LocalCursorStores(built.prepared(), Path.of(".sluice"));
                 ServerlessContext ctx = new ServerlessContext(built.prepared(), built.ledger(), built.queue(), cursors,
                         built.settings().withTimeMargin(options.timeMargin));
                 Leases ignored = localLeases(ctx, cursors)) {
                return flow(aws, ctx);
            }
        }
    }

    /**
     * The emulated DynamoDB's leases vanish with this command, so the sources' local leases
     * (where a plain sync takes them) keep one run per source across both kinds of run.
     */
    private Leases localLeases(ServerlessContext ctx, LocalCursorStores cursors) {
        ctx.open(); // the state stores live in the destinations
        String holder = "emulated-" + UUID.randomUUID();
        List<Leases.Request> requests = ctx.prepared().sources().stream()
                .map(s -> new Leases.Request(s.name(), cursors.apply(s.name()), holder)).toList();
        return Leases.take(requests, lease);
    }

    private Outcome flow(LocalAws aws, ServerlessContext ctx) {
        FlowNarrator narrator = new FlowNarrator(lines, narrate, ctx.ledger());
        List<String> problems = new ArrayList<>();
        List<String> runIds = plan(ctx, narrator, problems);
        List<Thread> lambdas = new ArrayList<>();
        for (int i = 1; i <= options.lambdaConcurrency; i++) {
            lambdas.add(poller("fetch-" + i, new EventSourceMapping(aws.sqs(), aws.workQueue().url(),
                    new ObservedHandler<>(new FetchHandler(() -> ctx), inFlight, narrator.fetches()), 1,
                    () -> LocalContext.withTimeout(options.lambdaTimeout)), narrator));
        }
        lambdas.add(poller("finalizer", new EventSourceMapping(aws.sqs(), aws.finalizeQueue().url(),
                new ObservedHandler<>(new FinalizerHandler(() -> ctx), inFlight, narrator.finalizations()), 10,
                () -> LocalContext.withTimeout(FINALIZER_TIMEOUT)), narrator));
        boolean timedOut = true;
        try {
            timedOut = !awaitRuns(aws, ctx, runIds, narrator);
        } finally {
            stopping = true;
            for (Thread t : lambdas) {
                join(t, timedOut ? Duration.ofSeconds(5) : options.lambdaTimeout.plusSeconds(5));
            }
        }
        List<SourceReport> reports = new ArrayList<>();
        for (String id : runIds) {
            Optional<RunRecord> run = ctx.ledger().run(id);
            Optional<SourceReport> report = run.flatMap(r -> LedgerReports.of(r, ctx.prepared().sources()));
            if (report.isPresent()) {
                reports.add(report.get());
            } else {
                problems.add("run " + id + run.map(r -> " of " + r.run().sourceName() + " did not end (" + r.state() + ", "
                        + r.itemsEnded() + " of " + r.itemsTotal() + " item(s) ended)").orElse(" is not in the ledger"));
            }
        }
        if (timedOut) {
            problems.add("the runs did not end within --emulate-timeout " + DurationConverter.format(options.timeout));
        }
        return new Outcome(new SyncReport(reports), ctx.prepared().sources(), problems);
    }

    /** The planner on {@code {}}: a run per source; the ids of the runs it started. */
    private List<String> plan(ServerlessContext ctx, FlowNarrator narrator, List<String> problems) {
        JsonNode answer = EventSourceMapping.invoke(new PlannerHandler(() -> ctx), JSON.createObjectNode(),
                LocalContext.withTimeout(Duration.ofSeconds(900)));
        if (answer.has("error")) {
            problems.add("the planner refused: " + answer.path("error").asText());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode r : answer.path("runs")) {
            if (r.hasNonNull("run_id")) {
                ids.add(r.path("run_id").asText());
                narrator.say("planner: source %s: run %s started with %d work item(s)", r.path("source").asText(),
                        r.path("run_id").asText(), r.path("items").asInt());
            } else {
                problems.add("source " + r.path("source").asText() + ": " + r.path("refused").asText("not started"));
            }
        }
        return ids;
    }

    /**
     * False when --emulate-timeout passed first; true when every run ended, or when the queues
     * stayed idle with runs open even after a sweep (the caller reports those).
     */
    private boolean awaitRuns(LocalAws aws, ServerlessContext ctx, List<String> runIds, FlowNarrator narrator) {
        long deadline = System.nanoTime() + options.timeout.toNanos();
        long idleSince = -1;
        boolean swept = false;
        while (true) {
            List<RunRecord> open = runIds.stream().map(id -> ctx.ledger().run(id)).flatMap(Optional::stream)
                    .filter(r -> !r.state().ended()).toList();
            if (open.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (!idle(aws)) {
                idleSince = -1;
            } else if (idleSince < 0) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > IDLE_GRACE.toNanos()) {
                if (swept) {
                    return true; // the sweep could not close them either: the caller reports them
                }
                sweep(aws, ctx, open, narrator);
                swept = true;
                idleSince = -1;
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Closes runs nothing will move any more, as the finalizer's sweep schedule does after the stall deadline. */
    private void sweep(LocalAws aws, ServerlessContext ctx, List<RunRecord> open, FlowNarrator narrator) {
        long deadLetters = count(aws, aws.workQueue().deadLetterUrl()) + count(aws, aws.finalizeQueue().deadLetterUrl());
        for (RunRecord r : open) {
            List<String> pending = ctx.ledger().items(r.id()).stream().filter(i -> !i.state().ended())
                    .map(ItemRecord::current).map(w -> w.key()).toList();
            narrator.say("sweep: the queues are empty but run %s of %s is %s with unfinished item(s) %s (%d message(s) in the "
                    + "dead-letter queues); closing it now, as the sweep schedule would after the stall deadline",
                    FlowNarrator.shortId(r.id()), r.run().sourceName(), r.state(), pending, deadLetters);
            new RunFinalizer(ctx).close(r.id(), "sluice-emulate-aws-sweep",
                    "its message was lost or reached the dead-letter queue").ifPresent(report ->
                    narrator.say("sweep: run %s of %s: %s", FlowNarrator.shortId(r.id()), r.run().sourceName(), report.status()));
        }
    }

    /** Nothing on either queue, visible, in flight or delayed, and no invocation running. */
    private boolean idle(LocalAws aws) {
        return inFlight.get() == 0 && count(aws, aws.workQueue().url()) == 0 && count(aws, aws.finalizeQueue().url()) == 0;
    }

    private static long count(LocalAws aws, String queueUrl) {
        Map<QueueAttributeName, String> a = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToLong(Long::parseLong).sum();
    }

    /** One emulated function: polls its queue until told to stop; an empty receive pauses it briefly. */
    private Thread poller(String name, EventSourceMapping mapping, FlowNarrator narrator) {
        Thread t = new Thread(() -> {
            while (!stopping) {
                try {
                    if (mapping.pollOnce() == 0) {
                        pause(POLL_PAUSE);
                    }
                } catch (RuntimeException e) {
                    if (stopping) {
                        return;
                    }
                    narrator.say("%s: the invocation failed: %s", name, e);
                    pause(Duration.ofSeconds(1));
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The environment Lambda would give the functions, pointing at the emulators; the user's variables for ${VAR}. */
    private Map<String, String> environment(LocalAws aws, List<Path> configFiles) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("LAMBDA_TASK_ROOT");
        env.remove("SLUICE_DB_SECRET_ARN");
        env.remove("SLUICE_STALL_MINUTES");
        Map<String, String> lambda = new LinkedHashMap<>();
        lambda.put("SLUICE_CONFIG", String.join(",", configFiles.stream().map(Path::toString).toList()));
        lambda.put("SLUICE_RUNS_TABLE", aws.runsTable());
        lambda.put("SLUICE_CURSORS_TABLE", aws.cursorsTable());
        lambda.put("SLUICE_WORK_QUEUE_URL", aws.workQueue().url());
        lambda.put("SLUICE_FINALIZE_QUEUE_URL", aws.finalizeQueue().url());
        lambda.put("SLUICE_TIME_MARGIN_SECONDS", Long.toString((options.timeMargin.toMillis() + 999) / 1000));
        lambda.put("SLUICE_MAX_RECEIVES", Integer.toString(AwsResources.MAX_RECEIVE_COUNT));
        env.putAll(lambda);
        return env;
    }

    private void notice(String line) {
        lines.accept(line);
    }

    private static <T> T unavailable(String service) {
        throw new IllegalStateException(service + " is not emulated: with --emulate-aws the config must be local files "
                + "and secrets must come from the environment");
    }

    private static void join(Thread t, Duration wait) {
        try {
            t.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
