package dev.sluice.layers.aws;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The classpath a deployed function has with AwsInventoryLayer: the function jar (built by the
 * functions module) and the layer's java/lib/*.jar (built by this module's package phase), and a
 * fresh JVM on exactly that (plus LayerRunner, standing in for Lambda's runtime).
 */
final class LambdaClasspath {
    static final Path FUNCTION_JAR = Path.of("../../functions/target/sluice-functions.jar");
    static final Path LAYER_LIB = Path.of("target/layer/java/lib");

    private LambdaClasspath() {
    }

    static List<Path> layerJars() {
        try (Stream<Path> jars = Files.list(LAYER_LIB)) {
            List<Path> out = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalStateException(LAYER_LIB.toAbsolutePath() + " has no jar: run the package phase first");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LayerRunner compiled against the function jar alone, into a new directory. */
    static Path runner(Path work) throws IOException {
        Path src = work.resolve("LayerRunner.java");
        try (InputStream in = LambdaClasspath.class.getResourceAsStream("/LayerRunner.java")) {
            Files.write(src, in.readAllBytes());
        }
        Path out = Files.createDirectories(work.resolve("runner"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", out.toString(), "-cp", FUNCTION_JAR.toString(), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("javac LayerRunner failed: " + rc);
        }
        return out;
    }

    /** The function jar, the layer's jars when {@code withLayer}, and {@code runner}. */
    static String classpath(boolean withLayer, Path runner) {
        List<String> cp = new ArrayList<>();
        cp.add(FUNCTION_JAR.toAbsolutePath().toString());
        if (withLayer) {
            layerJars().forEach(j -> cp.add(j.toAbsolutePath().toString()));
        }
        cp.add(runner.toAbsolutePath().toString());
        return String.join(File.pathSeparator, cp);
    }

    record Outcome(int exitCode, String stdout, String stderr) {
        String response() {
            return stdout.lines().filter(l -> l.startsWith("RESPONSE ")).map(l -> l.substring("RESPONSE ".length()))
                    .findFirst().orElseThrow(() -> new AssertionError("no response; exit " + exitCode + "\n" + stdout + "\n" + stderr));
        }
    }

    /** {@code java -cp CLASSPATH LayerRunner HANDLER EVENT} in a fresh JVM with only {@code env} as its environment. */
    static Outcome invoke(String classpath, String handler, Path event, Map<String, String> env, Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, "LayerRunner", handler, event.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(handler + " did not end within 180 s: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
