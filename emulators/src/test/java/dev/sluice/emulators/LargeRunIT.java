package dev.sluice.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.Run;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.Claim;
import dev.sluice.engine.run.ItemState;
import dev.sluice.engine.run.Progress;
import dev.sluice.engine.run.RunRecord;
import dev.sluice.engine.run.RunState;
import dev.sluice.infra.DynamoRunLedger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A run of 5,000 partitions on DynamoDB (dynalite): every item claimed, ended and counted by
 * eight handlers at once, the run complete exactly when its last item is counted, and no
 * DynamoDB item of the ledger anywhere near the 400 KB item limit.
 */
class LargeRunIT {
    private static final int PARTITIONS = 5_000;
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static LocalAws aws;

    @BeforeAll
    static void startEmulators() {
        aws = LocalAws.start();
    }

    @AfterAll
    static void stopEmulators() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void aRunOfFiveThousandPartitionsCompletesAndEveryItemStaysSmall() throws Exception {
        String table = aws.newRunsTable();
        DynamoRunLedger ledger = new DynamoRunLedger(aws.dynamo(), table);
        Run run = new Run("large", "aws", T0);
        List<WorkItem> items = IntStream.range(0, PARTITIONS).mapToObj(i -> new WorkItem(run.id(), "aws", "aws_ec2_instances",
                String.format("123456789012/eu-central-%04d", i), Optional.empty(), 0)).toList();
        assertThat(ledger.start(RunRecord.started(run, T0, T0.plus(Duration.ofMinutes(30)), PARTITIONS), items).started()).isTrue();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> counted;
        try {
            counted = pool.invokeAll(items.stream().map(m -> (java.util.concurrent.Callable<Boolean>) () -> {
                String me = "handler-" + m.partition();
                assertThat(ledger.claim(m, me, T0, T0.plusSeconds(900)).verdict()).isEqualTo(Claim.Verdict.ACCEPTED);
                assertThat(ledger.end(m, me, ItemState.DONE, new Progress(Map.of("aws_ec2_instances", 3L), 1, Duration.ofMillis(5)),
                        Optional.empty())).isTrue();
                return ledger.count(m, T0.plus(Duration.ofMinutes(30)));
            }).toList());
        } finally {
            pool.shutdown();
        }
        long complete = 0;
        for (Future<Boolean> f : counted) {
            complete += f.get() ? 1 : 0;
        }
        assertThat(complete).as("calls that saw the run complete").isBetween(1L, 8L);
        RunRecord after = ledger.run(run.id()).orElseThrow();
        assertThat(after.itemsEnded()).isEqualTo(PARTITIONS);
        assertThat(after.rows()).isEqualTo(3L * PARTITIONS);
        assertThat(ledger.beginFinalize(run.id(), "f", T0, T0.plusSeconds(600))).isPresent();
        assertThat(ledger.complete(run.id(), RunState.SUCCEEDED, "{}", T0.plusSeconds(60))).isTrue();

        List<Map<String, AttributeValue>> all = aws.dynamo().scanPaginator(b -> b.tableName(table)).items().stream().toList();
        assertThat(all).hasSizeGreaterThan(PARTITIONS);
        int largest = all.stream().mapToInt(LargeRunIT::size).max().orElseThrow();
        int runItem = all.stream().filter(i -> i.get("sk").s().equals("run")).mapToInt(LargeRunIT::size).max().orElseThrow();
        System.out.printf("5,000-partition run: %d ledger items, largest %d bytes, run item %d bytes%n", all.size(), largest, runItem);
        assertThat(largest).as("the largest item, against DynamoDB's 400 KB limit").isLessThan(16 * 1024);
        assertThat(runItem).as("the run item, written by every group count").isLessThan(2 * 1024);
    }

    /** An item's size as DynamoDB bills it: attribute names plus values (strings in UTF-8, numbers about a byte per two digits). */
    static int size(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + size(e.getValue())).sum();
    }

    private static int size(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return v.n().length() / 2 + 2;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToInt(LargeRunIT::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToInt(n -> n.length() / 2 + 2).sum();
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToInt(x -> 1 + size(x)).sum();
        }
        return 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
