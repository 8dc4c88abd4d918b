package dev.sluice.engine.config;

import static dev.sluice.engine.config.ConfigFixture.DESTINATION;
import static dev.sluice.engine.config.ConfigFixture.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.spi.MigrateMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    @TempDir
    Path dir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
    }

    @Test
    void appliesCloudQueryDefaults() {
        SyncSpec spec = fx.load(source("aws", "") + "---\n" + DESTINATION);
        SourceSpec s = spec.sources().get(0);
        assertThat(s.origin()).isEqualTo(new Origin(dir.resolve("config.yml").toString(), 1));
        assertThat(s.registry()).isEqualTo("cloudquery");
        assertThat(s.version()).isEmpty();
        assertThat(s.skipTables()).isEmpty();
        assertThat(s.skipDependentTables()).isTrue();
        assertThat(s.deterministicCqId()).isFalse();
        assertThat(s.backendOptions()).isEmpty();
        assertThat(s.spec().asMap()).isEmpty();
        DestinationSpec d = spec.destination("postgresql").orElseThrow();
        assertThat(d.origin().document()).isEqualTo(2);
        assertThat(d.writeMode()).isEqualTo(WriteMode.OVERWRITE_DELETE_STALE);
        assertThat(d.migrateMode()).isEqualTo(MigrateMode.SAFE);
        assertThat(d.pkMode()).isEqualTo(PkMode.DEFAULT);
        assertThat(d.sendSyncSummary()).isFalse();
        assertThat(d.syncGroupId()).isEmpty();
        assertThat(spec.destination("nope")).isEmpty();
    }

    @Test
    void readsEveryFieldAsWritten() {
        SyncSpec spec = fx.load("""
                kind: source
                spec:
                  name: aws
                  path: cloudquery/aws
                  registry: github
                  version: v1.2.3
                  tables: [a, b]
                  skip_tables: [c]
                  skip_dependent_tables: false
                  destinations: [postgresql, postgresql]
                  deterministic_cq_id: true
                  backend_options: {table_name: state, connection: "@@plugins.postgresql.connection"}
                  spec: {concurrency: 4, regions: [eu-west-1]}
                ---
                kind: destination
                spec:
                  name: postgresql
                  path: postgresql
                  registry: ""
                  write_mode: append
                  migrate_mode: forced
                  pk_mode: cq-id-only
                  send_sync_summary: true
                  sync_group_id: "g-{{YEAR}}"
                  spec:
                    connection_string: "postgres://h/db"
                    batch_size: 10000
                    batch_size_bytes: 4194304
                    batch_timeout: 30s
                """);
        SourceSpec s = spec.sources().get(0);
        assertThat(s.registry()).isEqualTo("github");
        assertThat(s.version()).isEqualTo("v1.2.3");
        assertThat(s.tables()).containsExactly("a", "b");
        assertThat(s.skipTables()).containsExactly("c");
        assertThat(s.skipDependentTables()).isFalse();
        assertThat(s.destinations()).containsExactly("postgresql", "postgresql");
        assertThat(s.deterministicCqId()).isTrue();
        assertThat(s.backendOptions()).contains(new BackendOptions("state", "@@plugins.postgresql.connection"));
        assertThat(s.spec().asMap()).containsEntry("concurrency", 4).containsEntry("regions", List.of("eu-west-1"));
        DestinationSpec d = spec.destinations().get(0);
        assertThat(d.registry()).isEqualTo("cloudquery");
        assertThat(d.writeMode()).isEqualTo(WriteMode.APPEND);
        assertThat(d.migrateMode()).isEqualTo(MigrateMode.FORCED);
        assertThat(d.pkMode()).isEqualTo(PkMode.CQ_ID_ONLY);
        assertThat(d.sendSyncSummary()).isTrue();
        assertThat(d.syncGroupId()).contains("g-{{YEAR}}");
        assertThat(d.spec().asMap()).containsEntry("batch_size", 10000).containsEntry("batch_size_bytes", 4194304)
                .containsEntry("batch_timeout", "30s");
    }

    @Test
    void fileWithOnlyDestinationsAndUnusedDestinationsAreFine() {
        SyncSpec spec = fx.load(DESTINATION + "---\n" + DESTINATION.replace("name: postgresql", "name: other"));
        assertThat(spec.sources()).isEmpty();
        assertThat(spec.destinations()).extracting(DestinationSpec::name).containsExactly("postgresql", "other");
    }

    @Test
    void emptyDocumentsKeepNumbering() {
        SyncSpec spec = fx.load("---\n# only a comment ${UNSET}\n---\n\n---\n" + DESTINATION);
        assertThat(spec.destinations().get(0).origin().document()).isEqualTo(4);
    }

    @Test
    void variablesInCommentsAreNeitherExpandedNorReported() {
        SyncSpec spec = fx.load(Map.of("V", "v1"), fx.write("c.yml", """
                kind: destination # ${NOT_SET}
                spec:
                  name: postgresql
                  path: cloudquery/postgresql
                  # version: ${ALSO_NOT_SET}
                  spec:
                    version: "#${V}"
                """));
        assertThat(spec.destinations().get(0).spec().asMap()).containsEntry("version", "#v1");
    }

    @Test
    void everyMissingVariableIsReportedWithFileDocumentAndLine() {
        Path file = fx.write("c.yml", DESTINATION + "---\n" + source("a", "spec: {x: \"${ONE}\", y: \"${TWO}\"}"));
        List<Problem> problems = fx.problems(Map.of(), file);
        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.origin()).isEqualTo(new Origin(file.toString(), 2));
            assertThat(p.file()).isEqualTo(file.toString());
        });
        assertThat(problems.get(0).message()).isEqualTo("environment variable ONE is not set (line 12)");
        assertThat(problems.get(1).message()).contains("TWO");
    }

    @Test
    void fileVariablesAreRelativeToTheWorkingDirectory() {
        fx.write("secrets/pg.txt", "postgres://u:p@h/db\n");
        SyncSpec spec = fx.load(DESTINATION + "  spec:\n    connection_string: ${file:secrets/pg.txt}\n");
        assertThat(spec.destinations().get(0).spec().asMap()).containsEntry("connection_string", "postgres://u:p@h/db");
    }

    @Test
    void missingFileVariableNamesTheFile() {
        List<Problem> problems = fx.problems(DESTINATION + "  spec:\n    key: ${file:./missing.pem}\n");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("./missing.pem"));
    }

    @Test
    void expansionHappensBeforeParsing() {
        SyncSpec spec = fx.load(Map.of("DESTINATIONS", "postgresql"), fx.write("c.yml",
                source("a", "").replace("destinations: [postgresql]", "destinations: [${DESTINATIONS},postgresql]")
                        + "---\n" + DESTINATION));
        assertThat(spec.sources().get(0).destinations()).containsExactly("postgresql", "postgresql");
    }

    @Test
    void directoryLoadsItsYamlFilesSortedByName() {
        fx.write("conf/b.yaml", DESTINATION);
        fx.write("conf/a.yml", source("s", ""));
        fx.write("conf/notes.txt", "not: yaml: at all");
        fx.write("conf/.hidden.yml", "broken: [");
        fx.write("conf/sub/c.yml", "broken: [");
        SyncSpec spec = fx.load(Map.of(), dir.resolve("conf"));
        assertThat(spec.sources().get(0).origin().file()).isEqualTo(dir.resolve("conf/a.yml").toString());
        assertThat(spec.destinations().get(0).origin().file()).isEqualTo(dir.resolve("conf/b.yaml").toString());
    }

    @Test
    void missingPathAndEmptyDirectoryAreNamed() {
        fx.write("empty/readme.txt", "");
        Path missing = dir.resolve("nope.yml");
        List<Problem> problems = fx.problems(Map.of(), missing, dir.resolve("empty"));
        assertThat(problems).extracting(Problem::file).containsExactly(missing.toString(), dir.resolve("empty").toString());
        assertThat(problems).extracting(Problem::origin).containsOnlyNulls();
        assertThat(problems.get(0).toString()).isEqualTo(missing + ": no such file or directory");
        assertThat(problems.get(1).message()).contains("no .yml or .yaml files");
    }

    @Test
    void loadsFilesTogetherAcrossFiles() {
        Path a = fx.write("a.yml", source("s", ""));
        Path b = fx.write("b.yml", DESTINATION);
        assertThat(fx.load(Map.of(), a, b).sources()).hasSize(1);
    }

    @Test
    void crlfFilesLoad() {
        SyncSpec spec = fx.load((source("s", "") + "---\n" + DESTINATION).replace("\n", "\r\n"));
        assertThat(spec.sources().get(0).tables()).containsExactly("*");
    }

    @Test
    void returnsOptionalNotNull() {
        SourceSpec s = fx.load(source("s", "") + "---\n" + DESTINATION).sources().get(0);
        assertThat(s.backendOptions()).isEqualTo(Optional.empty());
    }

    @Test
    void loadIsRejectedWithoutPaths() {
        assertThatThrownBy(() -> new SpecLoader().load(List.of(), Map.of())).isInstanceOf(ConfigError.class);
    }
}
