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
 * {@code path: cloudquery/file}: objects in the local file system. {@code path} is absolute or
 * relative to the working directory; the directories before its first placeholder are where
 * files go (created as needed), the rest is the template of each file's name below them.
 * {@code directory} (the older form) stands for {@code <directory>/{{TABLE}}/{{UUID}}.{{FORMAT}}}.
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
        String root = path.map(FileDestinationFactory::root).orElse("");
        Optional<String> below = path.map(p -> root.isEmpty() ? p : p.substring(root.length() + (root.equals("/") ? 0 : 1)));
        Optional<FileSettings> settings = FileSettings.read(spec, below, problems);
        problems.throwIfAny();
        return new FileDestination(settings.orElseThrow(), () -> new LocalStore(Path.of(root)), false, Optional.empty(),
                FileDestination.cloudQueryDefaults());
    }

    /** The directories of {@code path} before its first placeholder ("" for none, "/" for the root). */
    static String root(String path) {
        int variable = path.indexOf("{{");
        String fixed = variable < 0 ? path : path.substring(0, variable);
        int slash = fixed.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
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
