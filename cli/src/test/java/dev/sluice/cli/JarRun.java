package dev.sluice.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built CLI jar ({@code cli/target/sluice.jar}) as a process of its own: what a user's shell sees. */
final class JarRun {
    private JarRun() {
    }

    static Path jar() {
        return Path.of("target", "sluice.jar").toAbsolutePath();
    }

    static CliIT.Result run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir.getParent(), "stdout", ".txt");
        Path err = Files.createTempFile(workDir.getParent(), "stderr", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("sluice " + String.join(" ", args) + " did not end in 120 s");
            }
            return new CliIT.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
