package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConfigException;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PgConnectionStringTest {
    @Test
    void urlsAndDsnsGiveTheSameTarget() {
        PgConnectionString url = PgConnectionString.parse("postgres://app:s3cr%40t@db.example:6543/inventory?sslmode=require", "f");
        PgConnectionString dsn = PgConnectionString.parse("host=db.example port=6543 user=app password='s3cr@t' dbname=inventory sslmode=require", "f");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/inventory").isEqualTo(dsn.jdbcUrl());
        assertThat(url.redacted()).isEqualTo(dsn.redacted()).isEqualTo("postgresql://app@db.example:6543/inventory");
    }

    @Test
    void thePasswordNeverAppearsInText() {
        PgConnectionString c = PgConnectionString.parse("postgresql://app:hunter2@localhost/db", "f");
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThat(c.scrub("FATAL: password hunter2 rejected")).isEqualTo("FATAL: password *** rejected");
        assertThatThrownBy(() -> PgConnectionString.parse("host=x password=hunter2 bogus", "spec.connection_string"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bogus").hasMessageNotContaining("hunter2");
    }

    @Test
    void connectsToTheRealServer() throws Exception {
        try (PgTestDatabase db = PgTestDatabase.create(); Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
    }
}
