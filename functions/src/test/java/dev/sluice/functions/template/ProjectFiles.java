package dev.sluice.functions.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the project's files and the shared conformance material are, seen from a test. */
final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The nearest directory, upwards from the working directory, with template.yaml and a sibling shared/. */
    static Path root() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("template.yaml")) && d.getParent() != null
                    && Files.isDirectory(d.getParent().resolve("shared"))) {
                return d;
            }
        }
        throw new IllegalStateException("no directory with template.yaml and ../shared above " + dir);
    }

    static Path template() {
        return root().resolve("template.yaml");
    }

    static Path events() {
        return root().resolve("events");
    }

    /** The conformance material: -Dsluice.shared (set by the parent pom) or ../shared beside the root. */
    static Path conformance() {
        String configured = System.getProperty("sluice.shared");
        Path shared = configured != null && Files.isDirectory(Paths.get(configured))
                ? Paths.get(configured)
                : root().getParent().resolve("shared");
        return shared.resolve("conformance").normalize();
    }
}
