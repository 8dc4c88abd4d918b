package dev.sluice.cli.faults;

import java.util.Random;

/**
 * The knobs of the fault suite, as system properties so the bench scripts run the same code
 * longer: {@code -Dfaults.seed} (replay one seed), {@code faults.rounds}, {@code faults.kills}
 * (most kills per round), {@code faults.rows}, {@code faults.pageSize},
 * {@code faults.killMinMs} (no kill lands sooner), {@code faults.killMaxMs} (the window of
 * kills timed from the process start). The
 * defaults keep the in-build suite short.
 */
record FaultSettings(long seed, int rounds, int maxKills, long rows, int pageSize, int killMinMs, int killMaxMs) {
    static FaultSettings fromProperties(long defaultRows, int defaultPageSize) {
        String seed = System.getProperty("faults.seed", "");
        return new FaultSettings(seed.isBlank() ? new Random().nextLong() : Long.parseLong(seed.trim()),
                Integer.getInteger("faults.rounds", 1),
                Integer.getInteger("faults.kills", 1),
                Long.getLong("faults.rows", defaultRows),
                Integer.getInteger("faults.pageSize", defaultPageSize),
                Integer.getInteger("faults.killMinMs", 0),
                Integer.getInteger("faults.killMaxMs", 2500));
    }

    /** How to run this case again with the same kill times. */
    String replay(String test) {
        return "replay: mvn -B -pl cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='" + test
                + "' -Dfaults.seed=" + seed + " -Dfaults.rounds=" + rounds + " -Dfaults.kills=" + maxKills
                + " -Dfaults.rows=" + rows + " -Dfaults.pageSize=" + pageSize
                + " -Dfaults.pgRows=" + rows + " -Dfaults.pgPageSize=" + pageSize
                + " -Dfaults.killMinMs=" + killMinMs + " -Dfaults.killMaxMs=" + killMaxMs;
    }
}
