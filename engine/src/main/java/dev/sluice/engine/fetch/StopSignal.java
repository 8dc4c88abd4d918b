package dev.sluice.engine.fetch;

/**
 * Asked after every page: true means "stop now and continue in a new work item" (on Lambda,
 * when the remaining time falls under the margin).
 */
@FunctionalInterface
public interface StopSignal {
    StopSignal NEVER = () -> false;

    boolean stopNow();
}
