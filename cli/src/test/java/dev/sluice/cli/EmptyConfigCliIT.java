package dev.sluice.cli;

import static dev.sluice.cli.CliIT.sluice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config with nothing to sync is a config error (exit 2) naming the file, not a crash. */
class EmptyConfigCliIT {
    @TempDir
    Path dir;

    @Test
    void anEmptyOrCommentOnlyFileExitsTwoNamingTheFile() throws Exception {
        for (String text : new String[] {"", "# only a comment\n", "---\n\n---\n"}) {
            Path config = Files.writeString(dir.resolve("empty.yml"), text);
            CliIT.Result r = sluice("sync", config.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains(config + ": has no documents (it is empty or holds only comments)")
                    .doesNotContain("Exception").doesNotContain("Origin");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("empty.yml");
    }

    @Test
    void aConfigWithOnlyADestinationExitsTwoSayingThereIsNothingToSync() throws Exception {
        Path config = Files.writeString(dir.resolve("dest.yml"), """
                kind: destination
                spec:
                  name: sqlite
                  path: cloudquery/sqlite
                  spec:
                    connection_string: ./out.sqlite
                """);
        CliIT.Result r = sluice("sync", config.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to sync: no file defines a source (kind: source)").doesNotContain("Exception");
    }
}
