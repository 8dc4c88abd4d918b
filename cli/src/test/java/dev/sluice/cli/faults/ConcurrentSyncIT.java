package dev.sluice.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real {@code sluice sync} processes at once. Of N syncs of one source started together exactly
 * one runs and the others exit 1 naming it (pid included); with {@code --wait-for-lease} they
 * all succeed, one after another. The contest is made deterministic by holding a lock on a
 * destination table: the winner blocks on its first write until every loser has been refused
 * (or is waiting), whatever the machine's load. A sync waiting for the lease takes it over at
 * once when its holder is SIGKILLed (not after the expiry). Syncs of different sources into one
 * destination at once both succeed, for PostgreSQL and for one SQLite file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentSyncIT {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    /** One PostgreSQL destination the contests share, synced once so its tables exist and can be locked. */
    private Target contested;
    private TestSourceCase contestCase;
    private Path contestConfig;

    @BeforeAll
    void syncOnceSoTheTablesExist(@TempDir Path shared) throws Exception {
        contested = Target.postgres("contest");
        contestCase = new TestSourceCase(contested, "overwrite-delete-stale", false, 2000, 200, new Random(0));
        contestConfig = Files.writeString(shared.resolve("contest.yml"), contestCase.configOf(0));
        SluiceProcess first = SluiceProcess.start(shared, "sync", contestConfig.toString());
        assertThat(first.awaitExit(LIMIT)).as(first.output()).isZero();
    }

    @AfterAll
    void dropTheContestedDatabase() {
        if (contested != null) {
            contested.close();
        }
    }

    @ParameterizedTest(name = "{0} syncs of one source")
    @ValueSource(ints = {2, 4})
    void ofSyncsOfOneSourceStartedTogetherExactlyOneRunsAndTheOthersNameIt(int n) throws Exception {
        List<SluiceProcess> all = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        try (Connection lock = contested.connect()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table test_some_table in access exclusive mode");
            for (int i = 0; i < n; i++) {
                all.add(sync(contestConfig));
            }
            awaitExited(all, n - 1);
            lock.commit();
            for (SluiceProcess p : all) {
                codes.add(p.awaitExit(LIMIT));
            }
        } finally {
            all.forEach(SluiceProcess::destroyIfAlive);
        }
        List<SluiceProcess> winners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (codes.get(i) == 0) {
                winners.add(all.get(i));
            } else {
                assertThat(codes.get(i)).as(all.get(i).output()).isEqualTo(1);
            }
        }
        assertThat(winners).as("exactly one sync runs").hasSize(1);
        long winner = winners.get(0).pid();
        for (SluiceProcess p : all) {
            if (p != winners.get(0)) {
                assertThat(p.output()).contains("source faults is being synced by run ").contains("pid " + winner + ")");
            }
        }
        Findings f = contestCase.checkGeneration(0);
        Tally.record("concurrency", n + " syncs of one source, PostgreSQL", 0, 0, 0, f);
        assertThat(f.problems()).as(f.toString()).isEmpty();
    }

    @Test
    void withWaitForLeaseThreeSyncsOfOneSourceAllSucceedOneAfterAnother() throws Exception {
        List<SluiceProcess> all = new ArrayList<>();
        try (Connection lock = contested.connect()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table test_some_table in access exclusive mode");
            for (int i = 0; i < 3; i++) {
                all.add(sync(contestConfig, "--wait-for-lease", "5m"));
            }
            long waiting = 0;
            long end = System.nanoTime() + LIMIT.toNanos();
            while (waiting < 2 && System.nanoTime() < end) {
                Thread.sleep(50);
                waiting = all.stream().filter(p -> p.output().contains("waiting up to")).count();
            }
            assertThat(waiting).as("two syncs wait for the lease").isEqualTo(2);
            lock.commit();
            for (SluiceProcess p : all) {
                assertThat(p.awaitExit(LIMIT)).as(p.output()).isZero();
                assertThat(p.output()).doesNotContain("is being synced by");
            }
        } finally {
            all.forEach(SluiceProcess::destroyIfAlive);
        }
        Findings f = contestCase.checkGeneration(0);
        Tally.record("concurrency", "3 syncs of one source with --wait-for-lease, PostgreSQL", 0, 0, 0, f);
        assertThat(f.problems()).as(f.toString()).isEmpty();
    }

    @Test
    void aSyncWaitingForTheLeaseTakesItOverAtOnceWhenTheHolderIsKilled() throws Exception {
        List<SluiceProcess> all = new ArrayList<>();
        try (Connection lock = contested.connect()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table test_some_table in access exclusive mode");
            SluiceProcess holder = sync(contestConfig);
            all.add(holder);
            assertThat(holder.awaitOutput("source faults: run ", LIMIT)).as(holder.output()).isTrue();
            SluiceProcess waiter = sync(contestConfig, "--wait-for-lease", "5m");
            all.add(waiter);
            assertThat(waiter.awaitOutput("waiting up to", LIMIT)).as(waiter.output()).isTrue();
            long started = System.nanoTime();
            holder.kill();
            lock.commit();
            assertThat(waiter.awaitExit(LIMIT)).as(waiter.output()).isZero();
            assertThat(waiter.output()).contains("took over the lease").contains("pid " + holder.pid() + ")");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("taken over before the 2-minute expiry")
                    .isLessThan(Duration.ofSeconds(100));
        } finally {
            all.forEach(SluiceProcess::destroyIfAlive);
        }
        Findings f = contestCase.checkGeneration(0);
        Tally.record("concurrency", "holder killed while a sync waits for its lease, PostgreSQL", 0, 1, 1, f);
        assertThat(f.problems()).as(f.toString()).isEmpty();
    }

    @ParameterizedTest(name = "into {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void syncsOfDifferentSourcesIntoOneDestinationAtOnceBothSucceed(String kind) throws Exception {
        try (Target target = kind.equals("sqlite") ? Target.sqlite(dir) : Target.postgres("shared")) {
            TwoSources two = new TwoSources(target, 3000, 100);
            List<Path> configs = two.write(dir);
            List<SluiceProcess> both = List.of(sync(configs.get(0)), sync(configs.get(1)));
            try {
                for (SluiceProcess p : both) {
                    assertThat(p.awaitExit(LIMIT)).as(p.output()).isZero();
                }
            } finally {
                both.forEach(SluiceProcess::destroyIfAlive);
            }
            Findings f = two.check();
            Tally.record("concurrency", "2 sources into one " + kind + " destination", 0, 0, 0, f);
            assertThat(f.problems()).as(f.toString()).isEmpty();
        }
    }

    private SluiceProcess sync(Path config, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("sync", config.toString()));
        args.addAll(List.of(options));
        return SluiceProcess.start(dir, args.toArray(String[]::new));
    }

    private static void awaitExited(List<SluiceProcess> all, int count) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (all.stream().filter(p -> !p.alive()).count() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("only " + all.stream().filter(p -> !p.alive()).count() + " of " + all.size()
                        + " syncs exited while one held the lease");
            }
            Thread.sleep(50);
        }
    }
}
