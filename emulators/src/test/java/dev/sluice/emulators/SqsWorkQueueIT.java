package dev.sluice.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.WorkMessage;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.infra.AwsResources;
import dev.sluice.infra.SqsWorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS work queue on ElasticMQ: batches, the finalize queue, and the dead-letter redrive. */
class SqsWorkQueueIT {
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

    private static AwsResources.QueuePair newQueue(String kind) {
        return AwsResources.createQueue(aws.sqs(), kind + "-" + UUID.randomUUID(), 30);
    }

    @Test
    void twentyFiveItemsArriveAsTwentyFiveMessages() {
        AwsResources.QueuePair work = newQueue("work");
        AwsResources.QueuePair fin = newQueue("finalize");
        List<WorkItem> items = IntStream.range(0, 25).mapToObj(i -> new WorkItem("run-1", "src", "t" + i,
                i % 2 == 0 ? "" : "p" + i, i % 3 == 0 ? Optional.of("token ü " + i) : Optional.empty(), i % 4)).toList();
        new SqsWorkQueue(aws.sqs(), work.url(), fin.url()).enqueue(items);
        List<WorkMessage> got = receive(work.url(), 25, Duration.ofSeconds(20)).stream()
                .map(m -> WorkMessages.decode(m.body())).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(items.stream().map(WorkMessage.Work::new).toList());
        assertThat(receive(fin.url(), 1, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void finalizeRequestsGoToTheFinalizeQueue() {
        AwsResources.QueuePair work = newQueue("work");
        AwsResources.QueuePair fin = newQueue("finalize");
        new SqsWorkQueue(aws.sqs(), work.url(), fin.url()).requestFinalize("run-7");
        assertThat(receive(fin.url(), 1, Duration.ofSeconds(10))).extracting(m -> WorkMessages.decode(m.body()))
                .containsExactly(new WorkMessage.Finalize("run-7"));
        assertThat(receive(work.url(), 1, Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        AwsResources.QueuePair work = newQueue("work");
        AwsResources.QueuePair fin = newQueue("finalize");
        WorkItem item = new WorkItem("run-2", "src", "users", "", Optional.empty(), 0);
        new SqsWorkQueue(aws.sqs(), work.url(), fin.url()).enqueue(List.of(item));
        for (int i = 0; i < AwsResources.MAX_RECEIVE_COUNT; i++) {
            List<Message> m = aws.sqs().receiveMessage(b -> b.queueUrl(work.url()).visibilityTimeout(0)
                    .waitTimeSeconds(5).maxNumberOfMessages(1)).messages();
            assertThat(m).as("delivery " + (i + 1)).hasSize(1);
        }
        assertThat(receive(work.url(), 1, Duration.ofMillis(500))).as("redriven").isEmpty();
        List<Message> dead = receive(work.deadLetterUrl(), 1, Duration.ofSeconds(10));
        assertThat(dead).extracting(m -> WorkMessages.decode(m.body())).containsExactly(new WorkMessage.Work(item));
    }

    /** Receives (and deletes) up to {@code count} messages, polling until {@code timeout}. */
    private static List<Message> receive(String url, int count, Duration timeout) {
        List<Message> out = new ArrayList<>();
        Instant end = Instant.now().plus(timeout);
        do {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            for (Message m : batch) {
                out.add(m);
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
            if (batch.isEmpty()) {
                sleep();
            }
        } while (out.size() < count && Instant.now().isBefore(end));
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
