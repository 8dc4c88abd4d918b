package dev.sluice.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks an output file option before anything runs, so a bad path exits 2 and no row is written first. */
final class OutputPaths {
    private OutputPaths() {
    }

    /** {@code file} can be appended to: an existing writable file, or a new file in a writable (or creatable) directory. */
    static void requireWritableFile(CommandLine cmd, String option, Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            throw new ParameterException(cmd, option + " " + file + " is a directory; give a file to append to");
        }
        if (Files.exists(p)) {
            if (!Files.isWritable(p)) {
                throw new ParameterException(cmd, option + " " + file + " is not writable");
            }
            return;
        }
        Path dir = p.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ParameterException(cmd, option + " " + file + ": " + (dir == null ? "no such directory" : dir + " is not a directory"));
        }
        if (!Files.isWritable(dir)) {
            throw new ParameterException(cmd, option + " " + file + ": directory " + dir + " is not writable");
        }
    }
}
