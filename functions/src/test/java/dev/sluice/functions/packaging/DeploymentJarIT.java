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
 * Netty, no Apache HTTP client, nothing of the test tiers; small enough for a direct upload;
 * and it carries the handlers and the connectors' service registrations.
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
            Map.entry("org/joda/", "joda-time"));

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
    void carriesTheHandlersAndConnectorsAndFitsADirectUpload() throws IOException {
        assertThat(Files.size(JAR)).as("bytes; Lambda takes 50 MB zipped as a direct upload").isLessThan(50L << 20);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String handler : List.of("Planner", "Api", "Fetch", "Finalizer")) {
                assertThat(jar.getEntry("dev/sluice/functions/" + handler + "Handler.class")).as(handler).isNotNull();
            }
            String destinations = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/dev.sluice.spi.DestinationFactory")).readAllBytes());
            assertThat(destinations).contains("dev.sluice.connector.postgresql.PgDestinationFactory");
        }
    }
}
