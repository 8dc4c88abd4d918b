package dev.sluice.connector.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteAddressesTest {
    @Test
    void inetTakesIpv4AndIpv6WithOrWithoutAPrefix() {
        for (String ok : List.of("192.168.0.1", "192.168.1.5/24", "0.0.0.0", "255.255.255.255/32", "::1", "::",
                "2001:db8::1/64", "::ffff:1.2.3.4", "::ffff:1.2.3.4/128", "fe80::1:2:3:4/0", "2001:DB8::1")) {
            assertThat(SqliteAddresses.requireInet(ok, false)).isEqualTo(ok);
        }
        for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/-1", "::1/129",
                "example.com", "localhost", "1:2:3", "fe80::1%eth0", "[::1]", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4:80", "1..2.3")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteAddresses.requireInet(bad, false));
        }
    }

    @Test
    void cidrHasNoBitsRightOfItsPrefix() {
        for (String ok : List.of("10.0.0.0/8", "192.168.1.0/24", "1.2.3.4/32", "1.2.3.4", "2001:db8::/32", "0.0.0.0/0")) {
            assertThat(SqliteAddresses.requireInet(ok, true)).isEqualTo(ok);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteAddresses.requireInet("192.168.1.5/24", true))
                .withMessage("\"192.168.1.5/24\" is not a network: it has bits set right of its prefix");
        assertThatIllegalArgumentException().isThrownBy(() -> SqliteAddresses.requireInet("2001:db8::1/64", true));
    }

    @Test
    void macTakesHexPairsWithTheSeparatorsPostgresqlReads() {
        for (String ok : List.of("08:00:2b:01:02:03", "08-00-2B-01-02-03", "08002b:010203", "0800.2b01.0203", "08002b010203")) {
            assertThat(SqliteAddresses.requireMac(ok, 6)).isEqualTo(ok);
        }
        assertThat(SqliteAddresses.requireMac("08:00:2b:01:02:03:04:05", 8)).isNotNull();
        assertThat(SqliteAddresses.requireMac("08:00:2b:01:02:03", 8)).isNotNull();
        for (String bad : List.of("", "08:00:2b:01:02", "08:00:2b:01:02:03:04:05", "0:800:2b:01:02:03", "08::00:2b:01:02:03",
                ":08:00:2b:01:02:03", "08:00:2b:01:02:03:", "08:00:2g:01:02:03", "08 00 2b 01 02 03", "０８:00:2b:01:02:03")) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> SqliteAddresses.requireMac(bad, 6));
        }
    }
}
