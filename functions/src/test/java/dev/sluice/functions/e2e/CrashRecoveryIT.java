package dev.sluice.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.emulators.LocalAws;
import dev.sluice.emulators.lambda.EventSourceMapping;
import dev.sluice.engine.fetch.CrashPoints;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.Redelivery;
import dev.sluice.spi.TransientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Failures injected into the serverless flow on the emulators (dynalite, ElasticMQ), with the
 * real handlers and an event source mapping that behaves as Lambda's: a transient failure
 * comes back after its backoff and finishes its item in the same run; a process that dies at
 * any step boundary of a work item (the fetch handler's invocation ends, nothing handed back)
 * is redelivered after the queue's visibility timeout, and the run ends SUCCEEDED with exact
 * rows in append mode, without the sweep: the run's deadline is still ahead when the message
 * comes back.
 */
class CrashRecoveryIT {
    private static final AtomicInteger SOURCES = new AtomicInteger();
    private static LocalAws aws;

    @TempDir
    Path dir;
    private Path db;
    private FlowDriver flow;
    private final OffsetClock clock = new OffsetClock();
    private final List<Duration> handedBack = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void emulators() {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopEmulators() {
        aws.close();
    }

    @BeforeEach
    void freshLedgerQueuesAndConfig() throws IOException {
        aws.sqs().purgeQueue(r -> r.queueUrl(aws.workQueue().url()));
        aws.sqs().purgeQueue(r -> r.queueUrl(aws.finalizeQueue().url()));
        flow = new FlowDriver(aws.dynamo(), aws.sqs(), aws.newRunsTable(), aws.cursorsTable(), aws.workQueue().url(),
                aws.finalizeQueue().url(), dir.resolve("sluice.yml"));
        db = dir.resolve("out.sqlite");
        Files.writeString(dir.resolve("sluice.yml"), """
                kind: source
                spec:
                  name: crash%d
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [out]
                  spec: {num_rows: 40, num_sub_rows: 2, page_size: 4}
                ---
                kind: destination
                spec:
                  name: out
                  path: cloudquery/sqlite
                  write_mode: append
                  spec: {connection_string: %s}
                """.formatted(SOURCES.incrementAndGet(), db));
    }

    @AfterEach
    void close() {
        CrashPoints.clear();
        flow.close();
    }

    /** Hands messages back with the handler's delay, recorded, scaled down to a second on the emulated queue. */
    private Redelivery scaledRedelivery() {
        return (receiptHandle, delay) -> {
            handedBack.add(delay);
            aws.sqs().changeMessageVisibility(r -> r.queueUrl(aws.workQueue().url()).receiptHandle(receiptHandle)
                    .visibilityTimeout(delay.isZero() ? 0 : 1));
        };
    }

    @Test
    void aTransientFailureComesBackAfterItsBackoffAndFinishesTheItemInTheSameRun() throws Exception {
        AtomicBoolean failed = new AtomicBoolean();
        CrashPoints.install(p -> {
            if (p == CrashPoints.Point.AFTER_WRITE && failed.compareAndSet(false, true)) {
                throw new TransientException("the destination is restarting");
            }
        });
        Supplier<ServerlessContext> container = flow.container(clock);
        String runId = flow.start(container);
        EventSourceMapping work = flow.workMapping(new FetchHandler(container, this::scaledRedelivery));
        work.drain(200);
        assertThat(failed).isTrue();
        assertThat(handedBack).as("the first delivery's backoff").containsExactly(Duration.ofSeconds(30));
        Thread.sleep(1_500); // the backoff, scaled
        work.drain(200);
        flow.drainFinalize(container);
        assertExactRowsAndSucceeded(container, runId);
    }

    @ParameterizedTest
    @EnumSource(CrashPoints.Point.class)
    void aProcessThatDiesAtAnyStepIsRedeliveredAndTheRunSucceedsWithExactRowsWithoutTheSweep(CrashPoints.Point point) {
        AtomicBoolean died = CrashAt.install(point);
        Supplier<ServerlessContext> container = flow.container(clock);
        String runId = flow.start(container);
        EventSourceMapping work = flow.workMapping(new FetchHandler(container, this::scaledRedelivery));
        work.drain(200);
        flow.drainFinalize(container);
        assertThat(died).as("the crash happened").isTrue();
        assertThat(container.get().ledger().run(runId).orElseThrow().state()).isEqualTo(RunState.RUNNING);

        clock.advance(Duration.ofMinutes(91));
        assertThat(container.get().ledger().overdue(clock.instant())).as("the sweep would leave the run alone").isEmpty();
        assertThat(work.visibilityTimeoutPassed()).as("the message of the invocation that died").isEqualTo(1);
        work.drain(200);
        flow.drainFinalize(container);
        assertExactRowsAndSucceeded(container, runId);
    }

    private void assertExactRowsAndSucceeded(Supplier<ServerlessContext> container, String runId) {
        RunRecord run = container.get().ledger().run(runId).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.rows()).as("each page counted once").isEqualTo(160);
        try {
            assertThat(FlowDriver.sqlite(db, "SELECT count(*), count(DISTINCT id) FROM test_some_table")).isEqualTo("40/40");
            assertThat(FlowDriver.sqlite(db, "SELECT count(*) FROM test_sub_table")).isEqualTo("80");
            assertThat(FlowDriver.sqlite(db, "SELECT count(*), count(DISTINCT id) FROM test_incremental_table")).isEqualTo("40/40");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
