package dev.sluice.emulators;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (npm {@value #PACKAGE}) installed in a directory of its own, by {@code npm install}
 * when missing: by default {@code ~/.cache/sluice/dynalite-4.0.0}, or the directory in
 * {@code SLUICE_DYNALITE_DIR}. A file lock keeps two JVMs from installing at once.
 */
final class DynaliteInstall {
    static final String VERSION = "4.0.0";
    static final String PACKAGE = "dynalite@" + VERSION;

    private DynaliteInstall() {
    }

    static Path defaultDirectory() {
        String dir = System.getenv("SLUICE_DYNALITE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sluice", "dynalite-" + VERSION);
    }

    /** dynalite's cli.js under {@code dir}, installing it first when missing. */
    static Path ensure(Path dir) {
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        if (Files.isRegularFile(cli)) {
            return cli;
        }
        requireTool("node");
        requireTool("npm");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                if (lock.isValid() && !Files.isRegularFile(cli)) {
                    npmInstall(dir);
                }
            }
        } catch (IOException e) {
            throw new EmulatorException("could not install " + PACKAGE + " into " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(cli)) {
            throw new EmulatorException("npm installed " + PACKAGE + " into " + dir + " but " + cli + " is missing");
        }
        return cli;
    }

    private static void npmInstall(Path dir) throws IOException {
        Path log = dir.resolve("npm-install.log");
        Process p = new ProcessBuilder(List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                "--no-save", "--loglevel=error", PACKAGE)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new EmulatorException("npm install " + PACKAGE + " took over 5 minutes; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted while installing " + PACKAGE, e);
        }
        if (p.exitValue() != 0) {
            throw new EmulatorException("npm install " + PACKAGE + " into " + dir + " failed (exit " + p.exitValue() + "): "
                    + tail(log));
        }
    }

    static void requireTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // not on the PATH: reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new EmulatorException("the DynamoDB emulator (dynalite) needs Node.js 20 or later: `" + tool
                + "` was not found on the PATH. Install Node.js (e.g. `apt-get install nodejs npm`) and try again.");
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
