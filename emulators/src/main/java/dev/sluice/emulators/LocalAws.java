package dev.sluice.emulators;

import dev.sluice.infra.AwsClients;
import dev.sluice.infra.AwsResources;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB and SQS on this machine, for tests and {@code sluice sync --emulate-aws}: dynalite
 * (a Node.js child process, installed with npm on first use) and ElasticMQ (in this JVM),
 * each on a free port, with Sluice's tables and queues created ({@link AwsResources}) and
 * ready-made clients (region us-east-1, dummy static credentials). Close it to stop both.
 */
public final class LocalAws implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;

    private final Dynalite dynalite;
    private final ElasticMq elasticMq;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final Names names;
    private final AwsResources.QueuePair work;
    private final AwsResources.QueuePair finalize;

    /** The names of Sluice's resources in the emulators, and the queues' visibility timeout. */
    public record Names(String runsTable, String cursorsTable, String workQueue, String finalizeQueue,
                        int visibilityTimeoutSeconds) {
        public static Names defaults() {
            return new Names("sluice-runs", "sluice-cursors", "sluice-work", "sluice-finalize", 60);
        }
    }

    private LocalAws(Dynalite dynalite, ElasticMq elasticMq, Names names) {
        this.dynalite = dynalite;
        this.elasticMq = elasticMq;
        this.names = names;
        this.dynamo = clients(dynalite.endpoint()).dynamo();
        this.sqs = clients(elasticMq.endpoint()).sqs();
        AwsResources.createRunsTable(dynamo, names.runsTable());
        AwsResources.createCursorsTable(dynamo, names.cursorsTable());
        this.work = AwsResources.createQueue(sqs, names.workQueue(), names.visibilityTimeoutSeconds());
        this.finalize = AwsResources.createQueue(sqs, names.finalizeQueue(), names.visibilityTimeoutSeconds());
    }

    /** Both emulators with the default names, dynalite from its default directory. */
    public static LocalAws start() {
        return start(Names.defaults(), Optional.empty());
    }

    /** @param dynaliteDir where dynalite is (or gets) installed; empty for the default */
    public static LocalAws start(Names names, Optional<Path> dynaliteDir) {
        Dynalite d = Dynalite.start(dynaliteDir.orElseGet(DynaliteInstall::defaultDirectory));
        ElasticMq q = null;
        try {
            q = ElasticMq.start();
            return new LocalAws(d, q, names);
        } catch (RuntimeException e) {
            if (q != null) {
                q.close();
            }
            d.close();
            throw e;
        }
    }

    /** Clients of the dummy account against {@code endpoint}. */
    public static AwsClients clients(URI endpoint) {
        return new AwsClients(REGION, Optional.of(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("sluice-local", "sluice-local")));
    }

    /** A new runs table with a unique name (a fresh ledger for a test); returns its name. */
    public String newRunsTable() {
        String name = "runs-" + UUID.randomUUID();
        AwsResources.createRunsTable(dynamo, name);
        return name;
    }

    public URI dynamoEndpoint() {
        return dynalite.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public Names names() {
        return names;
    }

    public String runsTable() {
        return names.runsTable();
    }

    public String cursorsTable() {
        return names.cursorsTable();
    }

    public AwsResources.QueuePair workQueue() {
        return work;
    }

    public AwsResources.QueuePair finalizeQueue() {
        return finalize;
    }

    @Override
    public void close() {
        try {
            dynamo.close();
            sqs.close();
            elasticMq.close();
        } finally {
            dynalite.close();
        }
    }
}
