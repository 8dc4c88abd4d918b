package dev.sluice.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.ConfigException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PgConnectionStringTest {
    private static final String OS_USER = System.getProperty("user.name");

    private static PgConnectionString parse(String s) {
        return PgConnectionString.parse(s, "connection_string");
    }

    private static List<String> hosts(PgConnectionString c) {
        return c.hosts().stream().map(PgHost::toString).toList();
    }

    /** Every example of the PostgreSQL manual's "Connection Strings" section (libpq 34.1.1) that TCP can serve. */
    @Test
    void libpqsDocumentedExamples() {
        record Case(String in, List<String> hosts, String user, String db, Map<String, String> props) {
        }
        List<Case> cases = List.of(
                new Case("postgresql://", List.of("localhost:5432"), OS_USER, OS_USER, Map.of()),
                new Case("postgresql://localhost", List.of("localhost:5432"), OS_USER, OS_USER, Map.of()),
                new Case("postgresql://localhost:5433", List.of("localhost:5433"), OS_USER, OS_USER, Map.of()),
                new Case("postgresql://localhost/mydb", List.of("localhost:5432"), OS_USER, "mydb", Map.of()),
                new Case("postgresql://user@localhost", List.of("localhost:5432"), "user", "user", Map.of()),
                new Case("postgresql://user:secret@localhost", List.of("localhost:5432"), "user", "user", Map.of()),
                new Case("postgresql://other@localhost/otherdb?connect_timeout=10&application_name=myapp",
                        List.of("localhost:5432"), "other", "otherdb", Map.of("connectTimeout", "10", "ApplicationName", "myapp")),
                new Case("postgresql://host1:123,host2:456/somedb?target_session_attrs=any&application_name=myapp",
                        List.of("host1:123", "host2:456"), OS_USER, "somedb", Map.of("targetServerType", "any", "ApplicationName", "myapp")),
                new Case("postgresql:///mydb?host=localhost&port=5433", List.of("localhost:5433"), OS_USER, "mydb", Map.of()),
                new Case("postgresql://[2001:db8::1234]/database", List.of("[2001:db8::1234]:5432"), OS_USER, "database", Map.of()),
                new Case("host=localhost port=5432 dbname=mydb connect_timeout=10", List.of("localhost:5432"), OS_USER, "mydb",
                        Map.of("connectTimeout", "10")),
                new Case("host=localhost port=5432 dbname=mydb user=postgres", List.of("localhost:5432"), "postgres", "mydb", Map.of()),
                new Case("postgresql://localhost/mydb?user=other&password=secret", List.of("localhost:5432"), "other", "mydb", Map.of()),
                new Case("host=localhost,host2 port=5432,5433", List.of("localhost:5432", "host2:5433"), OS_USER, OS_USER, Map.of()));
        for (Case c : cases) {
            PgConnectionString p = parse(c.in());
            assertThat(hosts(p)).as(c.in()).isEqualTo(c.hosts());
            assertThat(p.user()).as(c.in()).isEqualTo(c.user());
            assertThat(p.database()).as(c.in()).isEqualTo(c.db());
            assertThat(p.driverProperties()).as(c.in()).isEqualTo(c.props());
        }
    }

    @Test
    void unixSocketHostsAreRefusedNotTurnedIntoLocalhost() {
        for (String s : List.of("postgresql:///dbname?host=/var/lib/postgresql", "postgresql://%2Fvar%2Flib%2Fpostgresql/dbname",
                "host=/tmp dbname=x", "host=@abstract")) {
            assertThatThrownBy(() -> parse(s)).as(s).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Unix-domain socket").hasMessageContaining("TCP only")
                    .satisfies(e -> assertThat(((ConfigException) e).field()).hasValue("connection_string"));
        }
    }

    @Test
    void everyPartIsPercentDecodedAndMultipleHostsKeepTheirPorts() {
        PgConnectionString c = parse("postgres://us%65r:p%40ss%2Fw%3Ard@%31%30.0.0.1:6543,db-2.example,[::1]:7000/my%20db"
                + "?application_name=a%26b&options=-c%20search_path%3Dx&sslmode=verify-full&target_session_attrs=read-write");
        assertThat(hosts(c)).containsExactly("10.0.0.1:6543", "db-2.example:5432", "[::1]:7000");
        assertThat(c.user()).isEqualTo("user");
        assertThat(c.database()).isEqualTo("my db");
        assertThat(c.driverProperties()).containsEntry("ApplicationName", "a&b").containsEntry("options", "-c search_path=x")
                .containsEntry("sslmode", "verify-full").containsEntry("targetServerType", "primary");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.1:6543,db-2.example:5432,[::1]:7000/my%20db");
        assertThat(c.redacted()).doesNotContain("p@ss").doesNotContain("w:rd");
    }

    @Test
    void cloudQueryReadsAnUnencodedAtInThePasswordAsPgxDoes() {
        PgConnectionString c = parse("postgresql://sync:p@ss:word@db.internal:5432/inventory?sslmode=disable");
        assertThat(hosts(c)).containsExactly("db.internal:5432");
        assertThat(c.user()).isEqualTo("sync");
        assertThat(c.database()).isEqualTo("inventory");
        assertThat(c.scrub("password p@ss:word rejected")).isEqualTo("password *** rejected");
        assertThat(c.toString()).doesNotContain("p@ss:word");
    }

    @Test
    void queryParametersOverrideTheAuthorityAndSslTrueMeansRequire() {
        PgConnectionString c = parse("postgres://a:1/x?host=b&port=2&dbname=y&ssl=true&keepalives=1&load_balance_hosts=random"
                + "&fallback_application_name=f&connect_timeout=1&gssencmode=disable&channel_binding=require&client_encoding=UTF8");
        assertThat(hosts(c)).containsExactly("b:2");
        assertThat(c.database()).isEqualTo("y");
        assertThat(c.driverProperties()).containsEntry("sslmode", "require").containsEntry("tcpKeepAlive", "true")
                .containsEntry("loadBalanceHosts", "true").containsEntry("ApplicationName", "f")
                .containsEntry("connectTimeout", "2").containsEntry("gssEncMode", "disable").containsEntry("channelBinding", "require");
        assertThat(parse("postgres://h?connect_timeout=0").driverProperties()).containsEntry("connectTimeout", "0");
    }

    @Test
    void everyMappedParameterBecomesItsPgjdbcProperty() {
        PgConnectionString c = parse("host=h application_name=a options=-cx=1 sslmode=verify-ca sslcert=/c sslkey=/k"
                + " sslrootcert=/r sslpassword=kp sslnegotiation=direct channel_binding=disable gssencmode=prefer gsslib=gssapi"
                + " krbsrvname=pg keepalives=0 load_balance_hosts=disable target_session_attrs=prefer-standby client_encoding=utf8");
        assertThat(c.driverProperties()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ApplicationName", "a"), Map.entry("options", "-cx=1"), Map.entry("sslmode", "verify-ca"),
                Map.entry("sslcert", "/c"), Map.entry("sslkey", "/k"), Map.entry("sslrootcert", "/r"),
                Map.entry("sslNegotiation", "direct"), Map.entry("channelBinding", "disable"), Map.entry("gssEncMode", "prefer"),
                Map.entry("gsslib", "gssapi"), Map.entry("kerberosServerName", "pg"), Map.entry("tcpKeepAlive", "false"),
                Map.entry("loadBalanceHosts", "false"), Map.entry("targetServerType", "preferSecondary")));
        assertThat(c.scrub("key password kp")).isEqualTo("key password ***");
        Map<String, String> sessionAttrs = Map.of("any", "any", "read-write", "primary", "primary", "primary",
                "read-only", "secondary", "prefer-standby", "preferSecondary");
        sessionAttrs.forEach((libpq, pgjdbc) -> assertThat(parse("host=h target_session_attrs=" + libpq).driverProperties())
                .containsEntry("targetServerType", pgjdbc));
    }

    @Test
    void dsnQuotingFollowsLibpq() {
        PgConnectionString c = parse("  host = db.example  port= 6543 user ='app' password='it\\'s a \\\\ secret'"
                + " dbname=my\\ db application_name=''  options='-c statement_timeout=5s'");
        assertThat(hosts(c)).containsExactly("db.example:6543");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.database()).isEqualTo("my db");
        assertThat(c.driverProperties()).containsEntry("ApplicationName", "").containsEntry("options", "-c statement_timeout=5s");
        assertThat(c.scrub("it's a \\ secret")).isEqualTo("***");
    }

    @Test
    void urlsAndDsnsGiveTheSameTarget() {
        PgConnectionString url = parse("postgres://app:s3cr%40t@db.example:6543/inventory?sslmode=require");
        PgConnectionString dsn = parse("host=db.example port=6543 user=app password='s3cr@t' dbname=inventory sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/inventory").isEqualTo(dsn.jdbcUrl());
        assertThat(url.redacted()).isEqualTo(dsn.redacted()).isEqualTo("postgresql://app@db.example:6543/inventory");
        assertThat(url.driverProperties()).isEqualTo(dsn.driverProperties());
    }

    /** Each malformed string is refused, naming the field and the problem; none falls back to a default server. */
    @Test
    void malformedStringsAreRefusedWithTheirReason() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("postgres://u:pw@10.9.8.7:abc/db", "port \"abc\" of host \"10.9.8.7\" is not a number from 1 to 65535");
        cases.put("postgres://u:pw@host:-1/db", "port \"-1\" of host \"host\"");
        cases.put("postgres://u:pw@host:0/db", "port \"0\"");
        cases.put("postgres://u:pw@host:65536/db", "port \"65536\"");
        cases.put("postgres://u:pw@host:5432:5433/db", "port \"5432:5433\"");
        cases.put("postgres://u:pw@host:/db", "host \"host\" has a \":\" but no port");
        cases.put("postgres://u:pw@:5432/db", "host is empty");
        cases.put("postgres://h1,,h3/db", "host 2 of 3 is empty");
        cases.put("postgres://h1:1,h2:2/db?port=1,2,3", "2 host(s) but 3 ports");
        cases.put("postgres://ho st/db", "host \"ho st\" is not a host name or IP address");
        cases.put("postgres://h%zz/db", "a host name has a \"%\" not followed by two hex digits");
        cases.put("postgres://h/d%00b", "the database name holds %00");
        cases.put("postgres://[::1/db", "has no closing \"]\"");
        cases.put("postgres://[]/db", "between \"[\" and \"]\" is empty");
        cases.put("postgres://[::1]x/db", "unexpected \"x\" after IPv6 address [::1]");
        cases.put("postgres://h/db?sslmode", "a query parameter has no \"=\"");
        cases.put("postgres://h/db?options=-c=x=y", "query parameter \"options\" has a second \"=\"");
        cases.put("postgres://h/db?bogus=1", "unknown parameter \"bogus\"");
        cases.put("postgres://h/db?sslmode=required", "sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full; got \"required\"");
        cases.put("postgres://h/db?connect_timeout=10s", "connect_timeout must be an integer; got \"10s\"");
        cases.put("postgres://h/db?target_session_attrs=standby", "cannot tell a standby from a read-only primary");
        cases.put("postgres://h/db?keepalives_idle=5", "parameter \"keepalives_idle\" is valid for libpq but the PostgreSQL JDBC driver");
        cases.put("postgres://h/db?service=prod", "parameter \"service\" is valid for libpq");
        cases.put("postgres://h/db?client_encoding=LATIN1", "always speaks UTF8");
        cases.put("postgres://h/db?ssl=false", "unknown parameter \"ssl\"");
        cases.put("host=h hostaddr=10.0.0.1", "host and hostaddr are both given");
        cases.put("hostaddr=db.example", "hostaddr \"db.example\" is not an IP address");
        cases.put("host=300.1.1.1", "host \"300.1.1.1\" is not a host name or IP address");
        cases.put("host=h port=", "port of host \"h\" is empty");
        cases.put("host=h port=x5432", "port \"x5432\"");
        cases.put("host=h dbname='mydb", "the quoted value of \"dbname\" has no closing quote");
        cases.put("host=h dbname", "missing \"=\" after \"dbname\"");
        cases.put("host=h =x", "a \"=\" has no key before it");
        cases.put("host=h frobnicate=1", "unknown parameter \"frobnicate\"");
        cases.put("db.example:5432/mydb", "missing \"=\" after a word that is not a connection keyword");
        cases.put("postgres://u:pa/ss@host/db", "an \"@\" in a database name, must be percent-encoded");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThatThrownBy(() -> parse(c.getKey())).as(c.getKey()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(c.getValue())
                    .satisfies(e -> assertThat(((ConfigException) e).field()).hasValue("connection_string"));
        }
        assertThatThrownBy(() -> parse(" ")).isInstanceOf(ConfigException.class).hasMessageContaining("is required");
    }

    @Test
    void thePasswordNeverAppearsInText() {
        PgConnectionString c = parse("postgresql://app:hunter2@localhost/db");
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThat(c.driverProperties()).doesNotContainValue("hunter2");
        assertThat(c.scrub("FATAL: password hunter2 rejected")).isEqualTo("FATAL: password *** rejected");
        for (String bad : List.of("host=x password=hunter2 bogus", "host=x password=hunter2 bogus=1",
                "host=x password=hunter2 secret", "host=x password='hunter2", "postgres://app:hunter2@h:5432x/db",
                "postgres://app:hun/ter2@host/db", "postgres://app:hun?ter2@host/db", "postgres://app:hunter2@h/db?sslpassword=hunter2&x=1",
                "postgres://app:hunter2%zz@h/db", "host=h sslpassword=hunter2 sslmode=bad")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageNotContaining("hunter2").hasMessageNotContaining("hun/").hasMessageNotContaining("ter2");
        }
    }

    @Test
    void withDatabaseKeepsServersUserAndOptions() {
        PgConnectionString c = parse("host=h1,h2 port=1,2 user=u password='p w' dbname=a application_name=x");
        PgConnectionString d = parse(c.withDatabase("b c"));
        assertThat(hosts(d)).containsExactly("h1:1", "h2:2");
        assertThat(d.database()).isEqualTo("b c");
        assertThat(d.user()).isEqualTo("u");
        assertThat(d.driverProperties()).containsEntry("ApplicationName", "x");
        assertThat(d.scrub("p w")).isEqualTo("***");
    }

    @Test
    void connectsToTheRealServer() throws Exception {
        try (PgTestDatabase db = PgTestDatabase.create(); Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
    }

    /** Hosts are tried in order: the first refuses (nothing listens on port 1), the second serves. */
    @Test
    void triesTheHostsInOrder() throws Exception {
        try (PgTestDatabase db = PgTestDatabase.create()) {
            PgConnectionString one = parse(db.url());
            PgConnectionString two = parse("postgresql://" + one.user() + "@127.0.0.1:1," + one.hosts().get(0)
                    + "/" + db.name() + "?application_name=two-hosts&connect_timeout=5");
            try (Connection c = two.open();
                 ResultSet rs = c.createStatement().executeQuery("select current_database(), current_setting('application_name')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(db.name());
                assertThat(rs.getString(2)).isEqualTo("two-hosts");
            }
        }
    }
}
