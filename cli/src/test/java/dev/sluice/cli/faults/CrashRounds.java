package dev.sluice.cli.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Crash anywhere: rounds of seeded SIGKILLs of a real {@code sluice sync}, each round then a
 * rerun to completion. After every kill the any-time rules are checked (no duplicates, cursor
 * not ahead of its rows); after every rerun, the complete-sync rules. The rerun right after a
 * kill must not be refused by the dead process's lease: it must exit 0, and when the killed
 * process held the lease, say it took it over. A case may change its source between rounds
 * (rows removed, added, updated), so stale deletion and new cursors are crossed by kills.
 */
final class CrashRounds {
    static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final String REFUSED = "is being synced by";
    private static final String TOOK_OVER = "took over the lease";


    /** How long a run lasts from its "run" line to its exit, as last measured (kills land within it). */
    private static volatile long runMillis = 1500;

    private final Path dir;
    private final FaultSettings settings;
    private final Random random;
    private final StringBuilder journal = new StringBuilder();
    private String runStarted = "";
    int kills;
    int killsMidSync;

    CrashRounds(Path dir, FaultSettings settings) {
        this.dir = dir;
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /** Runs every round of a case and returns what the checks found. */
    Findings run(CrashCase c) throws Exception {
        runStarted = "source " + c.source() + ": run ";
        Findings all = new Findings();
        for (int round = 1; round <= settings.rounds(); round++) {
            Path config = dir.resolve("config-" + round + ".yml");
            Files.writeString(config, c.config(round));
            int roundKills = 1 + random.nextInt(settings.maxKills());
            for (int k = 0; k < roundKills; k++) {
                killOnce(config, round);
                all.add(c.checkAnyTime());
            }
            Optional<String> lease = c.stateValue("sluice_lease:" + c.source());
            all.add(rerun(config, lease));
            all.add(c.checkComplete(round));
        }
        return all;
    }

    /** The seeded choices a case makes between rounds (e.g. whether the source changes). */
    Random random() {
        return random;
    }

    /**
     * One kill: a quarter of them at a random moment of the first {@code faults.killMaxMs} from
     * the process start (start-up, lease, migration), the others at a random moment of the run
     * after it started fetching (its "source NAME: run" log line), when rows and cursors are
     * being written. How long a run lasts is measured on the reruns, so kills land inside runs
     * whatever the machine's load.
     */
    void killOnce(Path config, int round) throws Exception {
        boolean early = random.nextInt(4) == 0;
        long window = early ? settings.killMaxMs() : Math.max(200, runMillis * 9 / 10);
        int delay = (int) (settings.killMinMs() + random.nextLong(Math.max(1, window - settings.killMinMs())));
        SluiceProcess p = SluiceProcess.start(dir, "sync", config.toString());
        try {
            if (!early) {
                p.awaitOutput(runStarted, Duration.ofSeconds(60));
            }
            Thread.sleep(delay);
            boolean mid = p.kill();
            kills++;
            if (mid) {
                killsMidSync++;
            }
            journal.append("round ").append(round).append(": pid ").append(p.pid())
                    .append(mid ? " killed " : " had exited before its kill ").append(delay)
                    .append(early ? " ms after its start\n" : " ms after its run started\n");
        } finally {
            p.destroyIfAlive();
        }
    }

    /** The sync after the kills: must finish, exit 0, and take over a dead holder's lease rather than refuse. */
    Findings rerun(Path config, Optional<String> leaseBefore) throws Exception {
        Findings f = new Findings();
        SluiceProcess p = SluiceProcess.start(dir, "sync", config.toString());
        int code;
        try {
            boolean started = p.awaitOutput(runStarted, RUN_LIMIT);
            long t0 = System.nanoTime();
            code = p.awaitExit(RUN_LIMIT);
            if (started && code == 0) {
                runMillis = Math.max(runMillis / 2, (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (AssertionError unfinished) {
            f.unfinished++;
            f.expect(false, unfinished.getMessage());
            return f;
        } finally {
            p.destroyIfAlive();
        }
        String out = p.output();
        f.expect(code == 0, "rerun exited " + code + ":\n" + out);
        f.expect(!out.contains(REFUSED), "the rerun was refused by the killed run's lease:\n" + out);
        boolean heldByDead = leaseBefore.map(v -> v.contains("\"released\":false")).orElse(false);
        f.expect(!heldByDead || out.contains(TOOK_OVER), "the killed run held the lease (" + leaseBefore.orElse("")
                + ") but the rerun did not say it took it over:\n" + out);
        journal.append("rerun exit ").append(code).append(heldByDead ? ", took over a dead holder's lease\n" : "\n");
        return f;
    }

    String journal() {
        return journal.toString();
    }
}
