package dev.sluice.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stdout and stderr are both terminals (the progress line is drawn only then). */
final class Terminals {
    private Terminals() {
    }

    static boolean stdoutAndStderr() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return System.console() != null;
        }
        return isTerminal(fds.resolve("1")) && isTerminal(fds.resolve("2"));
    }

    private static boolean isTerminal(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
