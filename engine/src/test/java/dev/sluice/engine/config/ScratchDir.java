package dev.sluice.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for a class of properties (jqwik has no {@code @TempDir}): holds the
 * config file each try writes, and the files {@code ${file:...}} may name.
 */
final class ScratchDir implements AutoCloseable {
    /** Files every scratch directory has for {@code ${file:...}}: text, a secret, binary bytes, a directory. */
    static final String TEXT = "text.txt";
    static final String SECRET_FILE = "secret.txt";
    static final String BINARY = "binary.bin";
    static final String DIRECTORY = "a-directory";
    static final String SECRET = "Fz9-pr0perty-s3cret";

    final Path dir;

    ScratchDir() {
        try {
            dir = Files.createTempDirectory("sluice-config-props");
            Files.writeString(dir.resolve(TEXT), "cloudquery/test\n");
            Files.writeString(dir.resolve(SECRET_FILE), SECRET + "\n");
            Files.write(dir.resolve(BINARY), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28, (byte) 0x80});
            Files.createDirectory(dir.resolve(DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(byte[] bytes) {
        try {
            return Files.write(dir.resolve("config.yml"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the directory, as far as it can: a try still shrinking elsewhere may be writing into it. */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().delete();
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: what is left is the system's to clean
        }
    }
}
