package dev.sluice.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.plan.WorkItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Batching by ten, and the bounded resending of entries SQS failed, against a fake client. */
class SqsWorkQueueTest {
    /** Fails the entries whose body contains {@code failing}, {@code failures} times each call. */
    private static final class FakeSqs implements SqsClient {
        final List<List<String>> calls = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        private final String failing;
        private int failures;

        FakeSqs(String failing, int failures) {
            this.failing = failing;
            this.failures = failures;
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest r) {
            calls.add(r.entries().stream().map(SendMessageBatchRequestEntry::messageBody).toList());
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            boolean fail = failures > 0;
            for (SendMessageBatchRequestEntry e : r.entries()) {
                if (fail && e.messageBody().contains(failing)) {
                    failed.add(BatchResultErrorEntry.builder().id(e.id()).code("InternalError").message("try again")
                            .senderFault(false).build());
                } else {
                    sent.add(e.messageBody());
                }
            }
            failures -= failed.isEmpty() ? 0 : 1;
            return SendMessageBatchResponse.builder().failed(failed).successful(List.of()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private static List<WorkItem> items(int n) {
        return IntStream.range(0, n).mapToObj(i -> new WorkItem("r", "s", "table_" + i, "", Optional.empty(), 0)).toList();
    }

    @Test
    void itemsGoInBatchesOfTenAndFailedEntriesAreResent() {
        FakeSqs sqs = new FakeSqs("\"table_13\"", 2);
        new SqsWorkQueue(sqs, "work", "fin", 3).enqueue(items(25));
        assertThat(sqs.calls).extracting(List::size).containsExactly(10, 10, 1, 1, 5);
        assertThat(sqs.sent).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void entriesStillFailingAfterTheLastAttemptAreCounted() {
        FakeSqs sqs = new FakeSqs("table_1", 100);
        assertThatThrownBy(() -> new SqsWorkQueue(sqs, "work", "fin", 3).enqueue(items(12)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("3 of 12 work items were not sent to queue work after 3 attempts (last error InternalError: try again)");
    }
}
