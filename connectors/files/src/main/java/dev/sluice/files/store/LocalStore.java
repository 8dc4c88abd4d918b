package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Objects as files under a root directory: a key is a relative path below it. An object appears
 * by an atomic rename of a fully written, synced temporary file in the same directory, so a
 * reader sees the old file or the new one, never a part. Directories are created as needed.
 */
public final class LocalStore implements ObjectStore {
    private final Path root;

    public LocalStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Upload begin(String key, String contentType) {
        return new LocalUpload(LocalKeys.resolve(root, key));
    }

    @Override
    public void probe(String key) {
        Path file = LocalKeys.resolve(root, key);
        ProbeObject.write(new LocalUpload(file), file.toString());
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new ConnectorException("wrote the probe file " + file + " but cannot delete it: " + LocalUpload.describe(e), e);
        }
    }

    @Override
    public String where(String key) {
        return root + "/" + key;
    }

    @Override
    public void close() {
    }
}
