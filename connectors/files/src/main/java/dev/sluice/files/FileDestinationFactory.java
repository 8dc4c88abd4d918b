package dev.sluice.files;

import dev.sluice.files.store.LocalStore;
import dev.sluice.spi.ConfigProblems;
import dev.sluice.spi.ConnectorConfig;
import dev.sluice.spi.Destination;
import dev.sluice.spi.DestinationFactory;
import dev.sluice.spi.Spec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code path: cloudquery/file}: objects in the local file system. {@code path} is relative to
 * the working directory, as CloudQuery's; {@code directory} (the older form) stands for
 * {@code <directory>/{{TABLE}}/{{UUID}}.{{FORMAT}}}.
 */
public final class FileDestinationFactory implements DestinationFactory {
    private static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(FileSettings.KEYS);
        keys.add("directory");
        KEYS = Set.copyOf(keys);
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Destination create(ConnectorConfig config) {
        Spec spec = config.spec();
        ConfigProblems problems = new ConfigProblems();
        problems.check(() -> spec.requireOnly(KEYS));
        Optional<String> path = problems.check(() -> path(spec), Optional.empty());
        Optional<FileSettings> settings = FileSettings.read(spec, path, problems);
        problems.throwIfAny();
        return new FileDestination(settings.orElseThrow(), () -> new LocalStore(Path.of("")), false,
                FileDestination.cloudQueryDefaults());
    }

    private static Optional<String> path(Spec spec) {
        if (spec.has("path") && spec.has("directory")) {
            throw new dev.sluice.spi.ConfigException("directory", "set path or directory, not both");
        }
        if (spec.has("directory")) {
            String directory = spec.string("directory");
            while (directory.endsWith("/") && directory.length() > 1) {
                directory = directory.substring(0, directory.length() - 1);
            }
            return Optional.of(directory + "/{{TABLE}}/{{UUID}}.{{FORMAT}}");
        }
        return Optional.of(spec.string("path"));
    }
}
