package dev.sluice.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects a spec's problems so a connector reports all of them at once: each check runs, a
 * {@link ConfigException} it throws is kept (and a fallback value used), and {@link #throwIfAny()}
 * throws one exception carrying every problem.
 */
public final class ConfigProblems {
    private final List<ConfigException> found = new ArrayList<>();

    /** The value {@code check} returns, or {@code fallback} when it throws a {@link ConfigException} (kept). */
    public <T> T check(Supplier<T> check, T fallback) {
        try {
            return check.get();
        } catch (ConfigException e) {
            found.add(e);
            return fallback;
        }
    }

    /** Runs {@code check}, keeping a {@link ConfigException} it throws. */
    public void check(Runnable check) {
        check(() -> {
            check.run();
            return null;
        }, null);
    }

    public void add(String field, String message) {
        found.add(new ConfigException(field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
