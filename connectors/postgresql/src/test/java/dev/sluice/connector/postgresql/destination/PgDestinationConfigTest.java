package dev.sluice.connector.postgresql.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connector.postgresql.PgTimeouts;
import dev.sluice.spi.ConfigException;
import dev.sluice.spi.Spec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgDestinationConfigTest {
    private static PgDestinationConfig parse(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("connection_string", "postgresql://u:pw@db.example/x");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return PgDestinationConfig.parse(new Spec(m));
    }

    @Test
    void timeoutsDefaultToOneMinuteAndThirtyMinutes() {
        assertThat(parse().timeouts()).isEqualTo(PgTimeouts.of(Duration.ofMinutes(1), Duration.ofMinutes(30)));
    }

    @Test
    void timeoutsTakeCloudQueryDurationsAndZeroDisables() {
        assertThat(parse("lock_timeout", "1m30s", "statement_timeout", "250ms").timeouts())
                .isEqualTo(PgTimeouts.of(Duration.ofSeconds(90), Duration.ofMillis(250)));
        assertThat(parse("lock_timeout", 0, "statement_timeout", "0").timeouts())
                .isEqualTo(new PgTimeouts(Optional.of(Duration.ZERO), Optional.of(Duration.ZERO)));
    }

    @Test
    void badTimeoutsAreConfigErrorsNamingTheField() {
        assertThatThrownBy(() -> parse("lock_timeout", "2 minutes")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("duration").satisfies(e -> assertThat(((ConfigException) e).field()).hasValue("lock_timeout"));
        assertThatThrownBy(() -> parse("statement_timeout", "1000h")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("about 24 days")
                .satisfies(e -> assertThat(((ConfigException) e).field()).hasValue("statement_timeout"));
        assertThatThrownBy(() -> parse("lock_timout", "1s")).isInstanceOf(ConfigException.class).hasMessageContaining("lock_timeout");
    }

    @Test
    void everyProblemOfTheSpecIsReportedAtOnce() {
        Map<String, Object> m = new HashMap<>();
        m.put("connection_string", "postgresql://u:pw@db.example:abc/x");
        m.put("lock_timeout", "soon");
        m.put("create_performance_indexes", "maybe");
        m.put("bogus", 1);
        assertThatThrownBy(() -> PgDestinationConfig.parse(new Spec(m))).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field().orElse("")).containsExactlyInAnyOrder(
                        "bogus", "lock_timeout", "connection_string", "create_performance_indexes"));
    }
}
