package dev.sluice.emulators;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, a DynamoDB emulator in Node.js, as a child process on a free local port,
 * in memory, tables ready at once. Killed on {@link #close()} and, failing that, when the JVM
 * exits. It has single-item conditional writes but no transactions and no TTL.
 */
public final class Dynalite implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread hook;

    private Dynalite(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.hook = new Thread(this::kill, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs dynalite into {@code dir} when missing, starts it and waits until it listens. */
    public static Dynalite start(Path dir) {
        DynaliteInstall.requireTool("node");
        Path cli = DynaliteInstall.ensure(dir);
        EmulatorException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = Ports.free();
            Path log;
            Process p;
            try {
                log = Files.createTempFile("sluice-dynalite-", ".log");
                p = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new EmulatorException("could not start dynalite with `node`: " + e.getMessage(), e);
            }
            if (Ports.await(port, STARTUP, p::isAlive)) {
                return new Dynalite(p, port, log);
            }
            p.destroyForcibly();
            String output = DynaliteInstall.tail(log);
            deleteQuietly(log);
            last = new EmulatorException("dynalite did not start on port " + port + " within " + STARTUP.toSeconds()
                    + " s: " + output);
        }
        throw last;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(log);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary log: the OS cleans it up
        }
    }
}
