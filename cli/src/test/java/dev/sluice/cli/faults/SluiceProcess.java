package dev.sluice.cli.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code sluice} command as a process: {@code java -jar cli/target/sluice.jar}, as the
 * launcher runs it (with {@code SLUICE_JAVA_OPTS} when set), stdout and stderr into one log file.
 * Started, then either killed with SIGKILL ({@link #kill()}) or awaited ({@link #awaitExit}).
 */
final class SluiceProcess {
    static final Path JAR = Path.of("target", "sluice.jar").toAbsolutePath();

    private final Process process;
    private final Path log;

    private SluiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code sluice ARGS...} in {@code workDir}; its output goes to a new log file there. */
    static SluiceProcess start(Path workDir, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with mvn -pl cli -am package -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv("SLUICE_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "sluice-", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new SluiceProcess(p, log);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * SIGKILL (on Unix {@code destroyForcibly} sends signal 9), then waits until the process is
     * gone. Returns true if it was still running when killed, false if it had already exited.
     */
    boolean kill() throws InterruptedException {
        boolean wasAlive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + pid() + " survived SIGKILL for 30 s");
        }
        return wasAlive;
    }

    /** Waits for the exit code; a process still running after {@code limit} is killed and reported as unfinished. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("sluice (pid " + pid() + ") did not finish within " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until the output contains {@code marker}; false if the process exited or the limit passed first. */
    boolean awaitOutput(String marker, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (output().contains(marker)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(marker);
            }
            Thread.sleep(5);
        }
        return false;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Kills a process left running (a failed test), so none outlives the test. */
    void destroyIfAlive() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
