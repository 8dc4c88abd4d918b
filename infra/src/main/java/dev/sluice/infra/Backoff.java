package dev.sluice.infra;

/** Exponential pauses between retries of partly failed batch calls: none, then 50 ms doubling to 2 s. */
final class Backoff {
    private Backoff() {
    }

    static void pause(int attempt) {
        if (attempt == 0) {
            return;
        }
        long millis = Math.min(2000, 50L << Math.min(attempt - 1, 6));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
