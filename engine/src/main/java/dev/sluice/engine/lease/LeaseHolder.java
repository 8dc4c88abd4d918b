package dev.sluice.engine.lease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a source's lease, as stored in the state table (JSON in the {@code value} column).
 *
 * @param runId     the run the lease is taken for
 * @param host      host name of the holding process
 * @param pid       process id of the holder on {@code host}
 * @param since     when the holder took the lease
 * @param expiresAt the lease is free after this instant unless the holder renews it
 * @param released  the holder gave the lease up
 */
public record LeaseHolder(String runId, String host, long pid, Instant since, Instant expiresAt, boolean released) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LeaseHolder {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Free for anyone at {@code now}: released, or expired without renewal. */
    boolean freeAt(Instant now) {
        return released || !expiresAt.isAfter(now);
    }

    LeaseHolder renewedUntil(Instant until) {
        return new LeaseHolder(runId, host, pid, since, until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), false);
    }

    LeaseHolder asReleased() {
        return new LeaseHolder(runId, host, pid, since, expiresAt, true);
    }

    /** For messages: "run R (host H, pid P) since T". */
    public String describe() {
        return "run " + runId + " (host " + host + ", pid " + pid + ") since " + since;
    }

    String encode() {
        ObjectNode n = JSON.createObjectNode();
        n.put("run_id", runId);
        n.put("host", host);
        n.put("pid", pid);
        n.put("since", since.toString());
        n.put("expires_at", expiresAt.toString());
        n.put("released", released);
        return n.toString();
    }

    /** The stored holder; empty when the value is not a lease Sluice can read (the taker then logs that it overwrites it). */
    static Optional<LeaseHolder> decode(String value) {
        try {
            JsonNode n = JSON.readTree(value);
            if (n == null || !n.isObject() || !n.path("run_id").isTextual() || !n.path("expires_at").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new LeaseHolder(n.path("run_id").asText(), n.path("host").asText("?"), n.path("pid").asLong(-1),
                    Instant.parse(n.path("since").asText(n.path("expires_at").asText())),
                    Instant.parse(n.path("expires_at").asText()), n.path("released").asBoolean(false)));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
