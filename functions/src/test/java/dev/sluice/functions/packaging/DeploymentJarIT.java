package dev.sluice.functions.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar (built by the package phase before this runs) is lean: no emulator, no
 * Netty, no Apache HTTP client, no Hadoop or parquet-java, nothing of the test tiers, not the aws
 * source (its layer carries it); under the project's 30 MB (zipped) budget; and it carries the
 * handlers and the connectors' service registrations.
 */
class DeploymentJarIT {
    private static final Path JAR = Path.of("target/sluice-functions.jar");
    /** What must not ship, by entry prefix. */
    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("io/netty/", "Netty"),
            Map.entry("org/apache/http/", "Apache HTTP client"),
            Map.entry("org/apache/hc/", "Apache HTTP client 5"),
            Map.entry("software/amazon/awssdk/http/apache", "the SDK's Apache client"),
            Map.entry("software/amazon/awssdk/http/nio/netty", "the SDK's Netty client"),
            Map.entry("org/elasticmq/", "ElasticMQ"),
            Map.entry("org/apache/pekko/", "Pekko"),
            Map.entry("scala/", "Scala"),
            Map.entry("dev/sluice/emulators/", "Sluice's emulators"),
            Map.entry("org/sqlite/", "SQLite"),
            Map.entry("org/junit/", "JUnit"),
            Map.entry("org/testcontainers/", "Testcontainers"),
            Map.entry("org/joda/", "joda-time"),
            Map.entry("org/apache/hadoop/", "Hadoop"),
            Map.entry("org/apache/parquet/", "parquet-java (the file destinations write Parquet themselves)"),
            Map.entry("org/duckdb/", "DuckDB (the tests' reader)"),
            Map.entry("dev/sluice/connector/aws/", "the aws source (it ships in its layer, layers/aws)"),
            Map.entry("software/amazon/awssdk/services/ec2/", "the EC2 SDK (the aws source's layer)"));

    @Test
    void holdsNoEmulatorNettyOrApacheClient() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> found = jar.stream().map(e -> e.getName())
                    .flatMap(name -> FORBIDDEN.entrySet().stream().filter(f -> name.startsWith(f.getKey()))
                            .map(f -> f.getValue() + " (" + name + ")"))
                    .distinct().limit(20).toList();
            assertThat(found).as("entries that must not ship in the Lambda jar").isEmpty();
        }
    }

    @Test
    void carriesTheHandlersAndConnectorsAndStaysUnder30Mb() throws IOException {
        // Lambda takes 50 MB zipped as a direct upload; the project's budget is 30 MB
        assertThat(Files.size(JAR)).as("bytes of the deployment jar").isLessThan(30_000_000L);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String handler : List.of("Planner", "Api", "Fetch", "Finalizer")) {
                assertThat(jar.getEntry("dev/sluice/functions/" + handler + "Handler.class")).as(handler).isNotNull();
            }
            String destinations = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/dev.sluice.spi.DestinationFactory")).readAllBytes());
            assertThat(destinations).contains("dev.sluice.connector.postgresql.PgDestinationFactory",
                    "dev.sluice.files.FileDestinationFactory", "dev.sluice.files.S3DestinationFactory");
        }
    }
}
