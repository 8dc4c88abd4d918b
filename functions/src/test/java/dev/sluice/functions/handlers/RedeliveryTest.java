package dev.sluice.functions.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.plan.WorkItem;
import dev.sluice.engine.run.WorkMessages;
import dev.sluice.engine.serverless.ServerlessContext;
import dev.sluice.functions.FetchHandler;
import dev.sluice.functions.Redelivery;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Messages the fetch function hands back set when they come again instead of waiting out the queue's long timeout. */
class RedeliveryTest {
    private final Map<String, Duration> comeBack = new LinkedHashMap<>();
    private final Supplier<Redelivery> recorder = () -> comeBack::put;

    @Test
    void backoffStartsAt30SecondsAndDoublesUpTo15Minutes() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream().map(Redelivery::backoff).map(Duration::toSeconds))
                .containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L);
    }

    @Test
    void aMalformedMessageComesBackAtOnceSoItReachesTheDeadLetterQueueSoon() {
        Supplier<ServerlessContext> unused = () -> null;
        ObjectNode event = MemoryWorkQueue.sqsEvent(List.of("{not json", "{\"kind\": \"sluice.finalize\", \"run_id\": \"r\"}"));
        event.withArray("Records").forEach(r -> ((ObjectNode) r).put("receiptHandle", "receipt-" + r.path("messageId").asText()));
        Invoke.json(new FetchHandler(unused, recorder), event);
        assertThat(comeBack).hasSize(2).allSatisfy((receipt, delay) -> assertThat(delay).isZero());
    }

    @Test
    void aContainerThatCannotStartBacksOffByDeliveryCount() {
        Supplier<ServerlessContext> broken = () -> {
            throw new IllegalStateException("config does not load");
        };
        ObjectNode event = MemoryWorkQueue.sqsEvent(List.of(
                WorkMessages.encode(new WorkItem("run", "source", "table", "", Optional.empty(), 0))));
        ObjectNode record = (ObjectNode) event.withArray("Records").get(0);
        record.put("receiptHandle", "receipt-1");
        record.putObject("attributes").put("ApproximateReceiveCount", "3");
        Invoke.json(new FetchHandler(broken, recorder), event);
        assertThat(comeBack).containsExactly(Map.entry("receipt-1", Duration.ofSeconds(120)));
    }
}
