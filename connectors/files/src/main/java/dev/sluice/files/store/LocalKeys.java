package dev.sluice.files.store;

import dev.sluice.spi.ConnectorException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns an object key into a file path under a root directory, refusing keys that would leave it. */
final class LocalKeys {
    private LocalKeys() {
    }

    /**
     * The file of {@code key} under {@code root}: {@code key} is a relative path of '/'-separated
     * names, none empty, {@code .} or {@code ..}.
     *
     * @throws ConnectorException naming the key and what is wrong with it
     */
    static Path resolve(Path root, String key) {
        if (key == null || key.isEmpty()) {
            throw refused(key, "it is empty");
        }
        if (key.startsWith("/") || key.startsWith("\\")) {
            throw refused(key, "it is an absolute path; keys are relative to " + root);
        }
        for (String name : key.split("/", -1)) {
            if (name.isEmpty()) {
                throw refused(key, "it has an empty path segment");
            }
            if (name.equals(".") || name.equals("..")) {
                throw refused(key, "it has a '" + name + "' segment; keys stay under " + root);
            }
        }
        Path file;
        try {
            file = root.resolve(key).normalize();
        } catch (InvalidPathException e) {
            throw refused(key, e.getReason());
        }
        if (!file.startsWith(root) || file.equals(root)) {
            throw refused(key, "it is not under " + root);
        }
        return file;
    }

    private static ConnectorException refused(String key, String why) {
        return new ConnectorException("object key '" + key + "' refused: " + why);
    }
}
