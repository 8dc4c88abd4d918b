package dev.sluice.engine.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config cannot be used; {@link #problems()} lists everything wrong with it, not only the first thing. */
public class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final transient SyncSpec readable;

    public ConfigError(List<Problem> problems) {
        this(problems, null);
    }

    /**
     * @param readable the sources and destinations that were read without a problem of their own,
     *                 so that later checks (the connectors' specs) can still report theirs in the
     *                 same report; null when there is nothing to check further
     */
    public ConfigError(List<Problem> problems, SyncSpec readable) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigError needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.readable = readable;
    }

    public List<Problem> problems() {
        return problems;
    }

    public java.util.Optional<SyncSpec> readable() {
        return java.util.Optional.ofNullable(readable);
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
