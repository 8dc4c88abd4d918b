package dev.sluice.layers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The layer holds exactly what the function jar lacks for the aws source: no class of the
 * function jar (one copy of each class on the Lambda classpath), and nothing the layer's classes
 * need is missing from function jar + layer.
 */
class LayerJarsIT {
    /** Entries every jar has of its own; the runtime reads each copy (ServiceLoader) or none. */
    private static boolean shareable(String entry) {
        return entry.endsWith("/") || entry.equals("META-INF/MANIFEST.MF") || entry.startsWith("META-INF/maven/")
                || entry.startsWith("META-INF/services/") || entry.matches("META-INF/(LICENSE|NOTICE)(\\.txt)?");
    }

    @Test
    void holdsTheSourceAndTheSdkModulesOnlyItUses() {
        assertThat(LambdaClasspath.layerJars().stream().map(p -> p.getFileName().toString().replaceAll("-[0-9].*\\.jar$", "")))
                .containsExactlyInAnyOrder("sluice-connector-aws", "ec2", "iam", "lambda", "rds", "sts");
    }

    @Test
    void noEntryIsAlsoInTheFunctionJarOrInTwoLayerJars() throws IOException {
        Set<String> function = entries(LambdaClasspath.FUNCTION_JAR);
        Map<String, String> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (Path jar : LambdaClasspath.layerJars()) {
            for (String e : entries(jar)) {
                if (shareable(e)) {
                    continue;
                }
                if (function.contains(e)) {
                    twice.add(e + " (" + jar.getFileName() + " and the function jar)");
                }
                String other = seen.put(e, jar.getFileName().toString());
                if (other != null) {
                    twice.add(e + " (" + jar.getFileName() + " and " + other + ")");
                }
            }
        }
        assertThat(twice).as("entries on the Lambda classpath twice").isEmpty();
        assertThat(seen.keySet()).as("the source's factory").contains("dev/sluice/connector/aws/AwsSourceFactory.class");
    }

    @Test
    void everyClassTheLayerUsesIsInTheFunctionJarOrTheLayer() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--missing-deps", "-cp",
                LambdaClasspath.FUNCTION_JAR.toString()));
        LambdaClasspath.layerJars().forEach(j -> args.add(j.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(String[]::new));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().limit(20).collect(Collectors.joining("\n")))
                .as("classes the layer refers to that neither the layer nor the function jar has (jdeps --missing-deps)").isEmpty();
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.stream().map(e -> e.getName()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
