package dev.sluice.engine.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.sync.MapStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeasesTest {
    private static final LeaseSettings SHORT = new LeaseSettings(Duration.ofMillis(600), Duration.ZERO, Clock.systemUTC());

    @Test
    void aLeaseTakenEarlyStaysHeldWhileALaterOneIsAwaited() throws Exception {
        MapStateStore store = new MapStateStore();
        Leases other = Leases.take(List.of(new Leases.Request("b", store, "run-other")), SHORT);
        CompletableFuture<Leases> mine = CompletableFuture.supplyAsync(() -> Leases.take(List.of(
                new Leases.Request("a", store, "run-mine"), new Leases.Request("b", store, "run-mine")),
                SHORT.waitingUpTo(Duration.ofSeconds(10))));
        Thread.sleep(1_500); // more than twice the ttl: "a" would have expired without renewals
        assertThatThrownBy(() -> SourceLease.take(store, "a", "run-third", SHORT)).isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("run run-mine");
        other.close();
        try (Leases taken = mine.get(10, TimeUnit.SECONDS)) {
            assertThat(taken.of("a").held()).isTrue();
            assertThat(taken.of("b").held()).isTrue();
        }
        // released: free for the next run
        assertThat(SourceLease.take(store, "a", "run-next", SHORT).held()).isTrue();
    }
}
