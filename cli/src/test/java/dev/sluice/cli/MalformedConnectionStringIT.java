package dev.sluice.cli;

import static dev.sluice.cli.CliIT.sluice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL connection string that does not parse is a config error (exit 2) naming the
 * field, and never quotes the password it holds, in any form.
 */
class MalformedConnectionStringIT {
    private static final SecretForms SECRET = SecretsNeverLeakIT.RIGHT;
    /** The password percent-encoded, as a URL holds it (a constant, for the annotations). */
    private static final String PCT = "Sl-Leak%237Qz%3A%40%2F%25%3F%26pw";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://owner:" + PCT + "@127.0.0.1:99999999/db",
            "postgres://owner:" + PCT + "@127.0.0.1/db?sslmode=bogus",
            "postgres://owner:Sl-Leak%ZZ7Qz@127.0.0.1/db",
            "host=127.0.0.1 password='Sl-Leak#7Qz:@/%?&pw port=5432",
            "host=127.0.0.1 password=Sl-Leak#7Qz:@/%?&pw bogus_key=1",
            "host=127.0.0.1 password=Sl-Leak#7Qz:@/%?&pw port=abc",
            "host=127.0.0.1 password=Sl-Leak#7Qz:@/%?&pw sslmode=bogus"})
    void aMalformedConnectionStringIsAConfigErrorWithoutThePassword(String connection) throws Exception {
        assertConfigErrorWithoutPassword(connection);
    }

    /**
     * Something that is not a PostgreSQL connection string is read as a key=value DSN and
     * refused; its message names a word only when it is a connection keyword, so a URL of another
     * scheme or a connection_string that is only the password is never printed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mysql://owner:" + PCT + "@127.0.0.1/db", "postgresql+psycopg://owner:" + PCT + "@127.0.0.1/db",
            "Sl-Leak#7Qz:@/%?&pw"})
    void somethingThatIsNotAConnectionStringIsNeverQuoted(String connection) throws Exception {
        assertConfigErrorWithoutPassword(connection);
    }

    private void assertConfigErrorWithoutPassword(String connection) throws Exception {
        Path config = Files.writeString(dir.resolve("c.yml"), """
                kind: source
                spec:
                  name: t
                  path: cloudquery/test
                  tables: ["*"]
                  destinations: [pg]
                ---
                kind: destination
                spec:
                  name: pg
                  path: cloudquery/postgresql
                  spec:
                    connection_string: "%s"
                """.formatted(connection));
        CliIT.Result r = sluice("sync", config.toString(), "--log-level", "debug");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("field spec.spec.connection_string");
        SECRET.assertAbsentFrom("stdout", r.out());
        SECRET.assertAbsentFrom("stderr", r.err());
    }
}
