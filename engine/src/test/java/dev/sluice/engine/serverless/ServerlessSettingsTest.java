package dev.sluice.engine.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The relations between the flow's timeouts, checked when the settings are built. */
class ServerlessSettingsTest {
    private static final ServerlessSettings DEFAULTS = ServerlessSettings.defaults();

    @Test
    void theDefaultsMatchTheTemplateAndAClaimOutlivesEveryWayItsMessageCanComeBack() {
        assertThat(DEFAULTS.fetchTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(DEFAULTS.visibility()).isEqualTo(Duration.ofMinutes(90));
        assertThat(DEFAULTS.claimLife()).isEqualTo(Duration.ofMinutes(120));
        ServerlessSettings shortQueue = DEFAULTS.withQueueTimes(Duration.ofMinutes(10), Duration.ofMinutes(10));
        assertThat(shortQueue.claimLife()).as("a hand-back of up to 15 minutes after the invocation")
                .isEqualTo(Duration.ofMinutes(10 + 15 + 30));
    }

    @Test
    void aContinuationIsReservedOnlyUntilACopyOfTheMessageBeforeItCouldComeBack() {
        // the template's defaults: a copy returns 90 min after its receive, at least 75 min after the continuation
        assertThat(DEFAULTS.withStall(Duration.ofMinutes(120)).continuationReserve()).isEqualTo(Duration.ofMinutes(74));
        assertThat(DEFAULTS.continuationReserve()).as("a shorter stall").isEqualTo(Duration.ofMinutes(30));
        assertThat(DEFAULTS.withQueueTimes(Duration.ofMinutes(10), Duration.ofMinutes(10)).continuationReserve())
                .as("no time between the two").isZero();
    }

    @Test
    void aMarginAtLeastTheFetchTimeoutIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withTimeMargin(Duration.ofMinutes(15)))
                .hasMessageContaining("TimeMarginSeconds (900 s) must be less than the fetch function's timeout (900 s)");
    }

    @Test
    void aVisibilityTimeoutShorterThanTheFetchTimeoutIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withQueueTimes(Duration.ofMinutes(15), Duration.ofMinutes(5)))
                .hasMessageContaining("visibility timeout (300 s) must be at least the fetch function's timeout (900 s)");
    }

    @Test
    void aStallOfZeroIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withStall(Duration.ZERO)).hasMessageContaining("StallMinutes must be positive");
    }
}
