package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.MigrateMode;
import dev.sluice.spi.Spec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public value types: enums, records and their constructor checks, messages. */
class ValueTypesTest {
    private static final Origin ORIGIN = new Origin("config.yml", 2);

    @Test
    void enumsParseTheirConfigNames() {
        assertThat(WriteMode.parse("overwrite-delete-stale")).contains(WriteMode.OVERWRITE_DELETE_STALE);
        assertThat(WriteMode.parse("append")).contains(WriteMode.APPEND);
        assertThat(WriteMode.parse("Append")).isEmpty();
        assertThat(WriteMode.parse(null)).isEmpty();
        assertThat(WriteMode.OVERWRITE.configName()).isEqualTo("overwrite");
        assertThat(PkMode.parse("cq-id-only")).contains(PkMode.CQ_ID_ONLY);
        assertThat(PkMode.DEFAULT.configName()).isEqualTo("default");
        assertThat(PkMode.parse("primary")).isEmpty();
    }

    @Test
    void originAndProblemRead() {
        assertThat(ORIGIN).hasToString("config.yml, document 2");
        assertThatThrownBy(() -> new Origin("f", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Problem.at(ORIGIN, "spec.write_mode", "bad")).hasToString("config.yml, document 2, field spec.write_mode: bad");
        assertThat(Problem.at(ORIGIN, null, "bad")).hasToString("config.yml, document 2: bad");
        assertThat(new Problem(ORIGIN, null, "f", "m").file()).isEqualTo("config.yml");
        assertThat(Problem.inFile("x.yml", "missing")).hasToString("x.yml: missing");
        assertThat(new Problem(null, null, "kind", "no source")).hasToString("field kind: no source");
        assertThat(new Problem(null, null, null, "no source")).hasToString("no source");
    }

    @Test
    void configErrorListsEveryProblemOnItsOwnLine() {
        ConfigError e = new ConfigError(List.of(Problem.at(ORIGIN, "a", "one"), Problem.inFile("b.yml", "two")));
        assertThat(e.getMessage()).isEqualTo("config.yml, document 2, field a: one\nb.yml: two");
        assertThat(e.problems()).hasSize(2);
        assertThatThrownBy(() -> new ConfigError(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backendOptionsNamesItsDestination() {
        assertThat(new BackendOptions("t", "@@plugins.postgresql.connection").referencedDestination()).contains("postgresql");
        assertThat(new BackendOptions("t", "@@plugins.my.pg.connection").referencedDestination()).contains("my.pg");
        assertThat(new BackendOptions("t", "localhost:7777").referencedDestination()).isEmpty();
        assertThat(new BackendOptions("t", "@@plugins..connection").referencedDestination()).isEmpty();
        assertThatThrownBy(() -> new BackendOptions("", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackendOptions("t", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specRecordsValidate() {
        assertThatThrownBy(() -> new SourceSpec(ORIGIN, "s", "p", "cloudquery", "", List.of(), List.of(), true,
                List.of("d"), Optional.empty(), false, Spec.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DestinationSpec(ORIGIN, "d", "p", "cloudquery", "", WriteMode.OVERWRITE_DELETE_STALE,
                MigrateMode.SAFE, PkMode.DEFAULT, false, Optional.of("g"), Spec.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        DestinationSpec d = new DestinationSpec(ORIGIN, "d", "p", "cloudquery", "", WriteMode.APPEND,
                MigrateMode.SAFE, PkMode.DEFAULT, false, Optional.empty(), Spec.empty());
        assertThatThrownBy(() -> new SyncSpec(List.of(), List.of(d, d))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SyncSpec(List.of(), List.of(d)).destination("d")).contains(d);
    }
}
