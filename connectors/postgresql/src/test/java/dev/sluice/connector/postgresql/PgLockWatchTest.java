package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgLockWatchTest {
    @Test
    void aHoldersStatementIsShownByItsCommandOnly() {
        assertThat(PgLockWatch.command("LOCK TABLE \"held\" IN ACCESS EXCLUSIVE MODE")).isEqualTo("last statement LOCK TABLE");
        assertThat(PgLockWatch.command("  alter role app password 'hunter2'")).isEqualTo("last statement ALTER ROLE")
                .doesNotContain("hunter2");
        assertThat(PgLockWatch.command("update accounts set token = 's3cret' where id = 1")).isEqualTo("last statement UPDATE");
        assertThat(PgLockWatch.command("")).isEqualTo("no statement yet");
        assertThat(PgLockWatch.command(null)).isEqualTo("no statement yet");
    }
}
