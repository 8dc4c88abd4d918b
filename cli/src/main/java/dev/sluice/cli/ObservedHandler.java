package dev.sluice.cli;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.run.MalformedMessageException;
import dev.sluice.engine.run.WorkMessage;
import dev.sluice.engine.run.WorkMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Lambda handler with a window on it, for {@code --emulate-aws}: counts invocations in
 * flight (the flow is idle only when none is) and shows the observer each message of an SQS
 * event before and after the handler ran, with whether the handler handed it back to the
 * queue. The event and the response pass through unchanged.
 *
 * @param <S> what the observer notes before the handler runs, to compare after
 */
final class ObservedHandler<S> implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Observer<S> {
        /** Before the invocation; {@code message} is empty when its body does not decode. */
        S before(Optional<WorkMessage> message);

        void after(Optional<WorkMessage> message, S before, int receiveCount, boolean handedBack);
    }

    private record Record(String id, Optional<WorkMessage> message, int receiveCount) {
    }

    private final RequestStreamHandler handler;
    private final AtomicInteger inFlight;
    private final Observer<S> observer;

    ObservedHandler(RequestStreamHandler handler, AtomicInteger inFlight, Observer<S> observer) {
        this.handler = handler;
        this.inFlight = inFlight;
        this.observer = observer;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        inFlight.incrementAndGet();
        try {
            byte[] event = input.readAllBytes();
            List<Record> records = records(JSON.readTree(event));
            List<S> before = new ArrayList<>();
            for (Record r : records) {
                before.add(observer.before(r.message()));
            }
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), response, context);
            output.write(response.toByteArray());
            Set<String> failed = new HashSet<>();
            JSON.readTree(response.toByteArray()).path("batchItemFailures")
                    .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            for (int i = 0; i < records.size(); i++) {
                Record r = records.get(i);
                observer.after(r.message(), before.get(i), r.receiveCount(), failed.contains(r.id()));
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static List<Record> records(JsonNode event) {
        List<Record> out = new ArrayList<>();
        for (JsonNode r : event.path("Records")) {
            Optional<WorkMessage> message;
            try {
                message = Optional.of(WorkMessages.decode(r.path("body").asText("")));
            } catch (MalformedMessageException e) {
                message = Optional.empty();
            }
            out.add(new Record(r.path("messageId").asText(), message, r.path("attributes").path("ApproximateReceiveCount").asInt(1)));
        }
        return out;
    }
}
