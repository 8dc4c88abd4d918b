package dev.sluice.engine.config;

import static dev.sluice.engine.config.ConfigFixture.DESTINATION;
import static dev.sluice.engine.config.ConfigFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation rule, each problem asserted with its file, document and field. */
class ValidationTest {
    @TempDir
    Path dir;
    ConfigFixture fx;
    String file;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
        file = dir.resolve("config.yml").toString();
    }

    private Problem only(String text) {
        List<Problem> problems = fx.problems(text);
        assertThat(problems).as(problems.toString()).hasSize(1);
        return problems.get(0);
    }

    private void assertAt(Problem p, int document, String field) {
        assertThat(p.origin()).isEqualTo(new Origin(file, document));
        assertThat(p.file()).isEqualTo(file);
        assertThat(p.field()).isEqualTo(field);
    }

    @Test
    void sourceTopLevelConcurrencyMovedUnderSpec() {
        Problem p = only(source("s", "concurrency: 100") + "---\n" + DESTINATION);
        assertAt(p, 1, "spec.concurrency");
        assertThat(p.message()).startsWith("unknown field concurrency: it moved under spec (spec.spec.concurrency");
    }

    @Test
    void destinationTopLevelBatchSettingsMovedUnderSpec() {
        List<Problem> problems = fx.problems(DESTINATION + "  batch_size: 1\n  batch_size_bytes: 2\n  batch_timeout: 3s\n");
        assertThat(problems).extracting(Problem::field)
                .containsExactly("spec.batch_size", "spec.batch_size_bytes", "spec.batch_timeout");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("moved under spec"));
    }

    @Test
    void fieldOfTheOtherKindAndTyposGetHints() {
        List<Problem> problems = fx.problems(DESTINATION + "  tables: [a]\n  writemode: append\n  frobnicate: 1\n");
        assertThat(problems).extracting(Problem::field).containsExactly("spec.tables", "spec.writemode", "spec.frobnicate");
        assertThat(problems.get(0).message()).contains("source field");
        assertThat(problems.get(1).message()).contains("did you mean write_mode?");
        assertThat(problems.get(2).message()).contains("known fields:");
    }

    @Test
    void pluginFieldsAtTheDocumentRootBelongUnderSpec() {
        Problem p = only("kind: destination\nname: x\nspec:\n  name: postgresql\n  path: p\n");
        assertAt(p, 1, "name");
        assertThat(p.message()).contains("belongs under spec (spec.name)");
    }

    @Test
    void requiredFieldsOfASource() {
        List<Problem> problems = fx.problems("kind: source\nspec:\n  version: v1\n---\n" + DESTINATION);
        assertThat(problems).extracting(Problem::field).containsExactly("spec.name", "spec.path", "spec.tables", "spec.destinations");
        assertThat(problems).allSatisfy(p -> assertThat(p.origin().document()).isEqualTo(1));
        assertThat(problems.get(0).message()).isEqualTo("missing required field name");
        assertThat(problems.get(2).message()).contains("missing required field tables");
        assertThat(problems.get(3).message()).contains("at least one destination");
    }

    @Test
    void requiredFieldsOfADestinationButNotVersion() {
        List<Problem> problems = fx.problems("kind: destination\nspec:\n  name: postgresql\n  registry: cloudquery\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertAt(p, 1, "spec.path");
            assertThat(p.message()).contains("missing required field path").contains("cloudquery/postgresql");
        });
    }

    @Test
    void emptyListsAndEmptyStrings() {
        List<Problem> problems = fx.problems(source("s", "").replace("tables: [\"*\"]", "tables: []")
                .replace("destinations: [postgresql]", "destinations: []").replace("path: cloudquery/test", "path: \"\"")
                + "---\n" + DESTINATION);
        assertThat(problems).extracting(Problem::field).containsExactly("spec.path", "spec.tables", "spec.destinations");
    }

    @Test
    void wrongValueTypes() {
        List<Problem> problems = fx.problems(source("s", """
                skip_tables: one_table
                skip_dependent_tables: "no"
                deterministic_cq_id: 1
                spec: [a]
                """).replace("destinations: [postgresql]", "destinations: [postgresql, 7]")
                .replace("name: s", "name: [s]") + "---\n" + DESTINATION);
        assertThat(problems).extracting(Problem::field).containsExactly("spec.name", "spec.skip_tables",
                "spec.skip_dependent_tables", "spec.destinations[1]", "spec.deterministic_cq_id", "spec.spec");
        assertThat(problems.get(0).message()).isEqualTo("must be a string, got a list");
        assertThat(problems.get(1).message()).startsWith("must be a list of strings").endsWith("got a string");
        assertThat(problems.get(2).message()).isEqualTo("must be true or false, got a string");
        assertThat(problems.get(3).message()).isEqualTo("must be a string, got a number");
        assertThat(problems.get(5).message()).isEqualTo("must be a map, got a list");
    }

    @Test
    void duplicateNamesAcrossFiles() {
        Path a = fx.write("a.yml", source("s", "") + "---\n" + DESTINATION);
        Path b = fx.write("b.yml", DESTINATION + "---\n" + source("s", ""));
        List<Problem> problems = fx.problems(Map.of(), a, b);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).origin()).isEqualTo(new Origin(b.toString(), 1));
        assertThat(problems.get(0).field()).isEqualTo("spec.name");
        assertThat(problems.get(0).message()).isEqualTo("duplicate destination name postgresql (already defined in " + a + ", document 2)");
        assertThat(problems.get(1).origin()).isEqualTo(new Origin(b.toString(), 2));
        assertThat(problems.get(1).message()).startsWith("duplicate source name s");
    }

    @Test
    void sourceNamingAnUndefinedDestination() {
        Problem p = only(source("s", "").replace("[postgresql]", "[postgresql, pg2]") + "---\n" + DESTINATION);
        assertAt(p, 1, "spec.destinations");
        assertThat(p.message()).isEqualTo("source s names destination pg2, which is not defined (defined destinations: postgresql)");
    }

    @Test
    void badEnumValues() {
        List<Problem> problems = fx.problems(DESTINATION + "  write_mode: overwrit\n  migrate_mode: Safe\n  pk_mode: 3\n  registry: npm\n");
        assertThat(problems).extracting(Problem::field)
                .containsExactly("spec.registry", "spec.write_mode", "spec.migrate_mode", "spec.pk_mode");
        assertThat(problems.get(1).toString()).isEqualTo(file + ", document 1, field spec.write_mode: "
                + "\"overwrit\" is not a write mode (expected one of append, overwrite, overwrite-delete-stale)");
        assertThat(problems.get(2).message()).isEqualTo("\"Safe\" is not a migrate mode (expected one of safe, forced)");
        assertThat(problems.get(3).message()).isEqualTo("must be a pk mode (expected one of default, cq-id-only), got a number");
        assertThat(problems.get(0).message()).contains("is not a registry");
    }

    @Test
    void syncGroupIdNeedsAnotherWriteMode() {
        Problem explicit = only(DESTINATION + "  sync_group_id: g\n  write_mode: overwrite-delete-stale\n");
        assertAt(explicit, 1, "spec.sync_group_id");
        assertThat(explicit.message()).contains("sync_group_id").contains("overwrite-delete-stale");
        Problem byDefault = only(DESTINATION + "  sync_group_id: g\n");
        assertThat(byDefault.message()).contains("the default write_mode");
        assertThat(fx.load(DESTINATION + "  sync_group_id: g\n  write_mode: overwrite\n").destinations().get(0).syncGroupId())
                .contains("g");
    }

    @Test
    void backendOptionsNeedsBothFields() {
        List<Problem> problems = fx.problems(source("a", "backend_options: {table_name: t}")
                + "---\n" + source("b", "backend_options:\n  connection: \"@@plugins.postgresql.connection\"")
                + "---\n" + DESTINATION);
        assertThat(problems).hasSize(2);
        assertAt(problems.get(0), 1, "spec.backend_options.connection");
        assertAt(problems.get(1), 2, "spec.backend_options.table_name");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("both table_name and connection"));
    }

    @Test
    void backendOptionsReferencingAnUndefinedDestination() {
        Problem p = only(source("a", "backend_options: {table_name: t, connection: \"@@plugins.state.connection\"}")
                + "---\n" + DESTINATION);
        assertAt(p, 1, "spec.backend_options.connection");
        assertThat(p.message()).contains("destination state").contains("not defined");
    }

    @Test
    void legacyProvidersFormat() {
        Problem p = only("providers:\n  - name: aws\n    resources:\n      - name: ec2.instances\n");
        assertAt(p, 1, "providers");
        assertThat(p.message()).contains("v0 format").contains("kind");
    }

    @Test
    void kindAndSpecShape() {
        List<Problem> problems = fx.problems("spec: {}\n---\nkind: sauce\nspec: {}\n---\nkind: transformer\nspec: {}\n"
                + "---\n- a list\n---\nkind: destination\n---\nkind: source\nspec: 3\n");
        assertThat(problems).extracting(p -> p.origin().document() + " " + p.field())
                .containsExactly("1 kind", "2 kind", "3 kind", "4 null", "5 spec", "6 spec");
        assertThat(problems.get(1).message()).isEqualTo("\"sauce\" is not a kind (expected source or destination)");
        assertThat(problems.get(2).message()).contains("not supported");
        assertThat(problems.get(3).message()).contains("must be a map with kind and spec, got a list");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Path a = fx.write("a.yml", source("s", "concurrency: 1").replace("[postgresql]", "[nowhere]") + "---\n"
                + DESTINATION + "  write_mode: sideways\n  batch_size: 5\n");
        Path b = fx.write("b.yml", "kind: destination\nspec:\n  name: x\n");
        List<Problem> problems = fx.problems(Map.of(), a, b);
        assertThat(problems).extracting(p -> p.origin().file() + "#" + p.origin().document() + " " + p.field())
                .containsExactly(a + "#1 spec.concurrency", a + "#2 spec.batch_size", a + "#2 spec.write_mode",
                        b + "#1 spec.path", a + "#1 spec.destinations");
    }

    @Test
    void referenceChecksAreSkippedWhenADocumentCouldNotBeRead() {
        List<Problem> problems = fx.problems(source("s", "") + "---\nkind: destination\nspec:\n  name: postgresql\n  path: [\n");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
    }

    @Test
    void transformersAreNotSupported() {
        Problem p = only(DESTINATION + "  transformers: [t]\n");
        assertAt(p, 1, "spec.transformers");
    }

    @Test
    void ignoredCloudQueryFieldsAreAccepted() {
        assertThat(fx.load(source("s", "otel_endpoint: localhost:4317\notel_endpoint_insecure: true\n"
                + "docker_registry_auth_token: tok") + "---\n" + DESTINATION).sources()).hasSize(1);
    }
}
