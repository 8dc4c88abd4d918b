package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A valid config loads to what it says, and keeps loading to the same spec when written another
 * way: comments anywhere (with quotes, {@code #} and {@code ${UNSET}} in them), keys in another
 * order, other quoting, flow or block collections, block scalars, values moved into
 * {@code ${VAR}}, another indentation, CRLF, a byte-order mark.
 */
class HarmlessRewritePropertiesTest {
    private static ScratchDir scratch;

    @BeforeContainer
    static void createScratch() {
        scratch = new ScratchDir();
    }

    @AfterContainer
    static void deleteScratch() {
        scratch.close();
    }

    @Property(tries = 60)
    void aRewrittenConfigLoadsTheSame(@ForAll("configs") List<Map<String, Object>> documents, @ForAll Random random,
                                      @ForAll @IntRange(min = 1, max = 4) int indent, @ForAll boolean crlf,
                                      @ForAll boolean bom) {
        Map<String, String> env = new HashMap<>();
        String canonical = YamlWriter.write(documents, YamlWriter.Style.canonical(), env);
        String rewritten = YamlWriter.write(documents, new YamlWriter.Style(indent, crlf, bom, random), env);

        SyncSpec expected = load(canonical, env);
        assertLoadedAsWritten(expected, documents);
        assertThat(comparable(load(rewritten, env))).as("loaded from:\n%s", rewritten).isEqualTo(comparable(expected));
    }

    private static SyncSpec load(String text, Map<String, String> env) {
        LoadOutcome outcome = LoadOutcome.load(scratch.dir, scratch.write(text), env);
        assertThat(outcome.problems()).as("problems loading:\n%s", text).isEmpty();
        return outcome.spec().orElseThrow();
    }

    /** Every connector spec holds exactly the values generated for it, in documents of the generated kinds. */
    @SuppressWarnings("unchecked")
    private static void assertLoadedAsWritten(SyncSpec spec, List<Map<String, Object>> documents) {
        int sources = 0;
        int destinations = 0;
        for (Map<String, Object> doc : documents) {
            Map<String, Object> written = (Map<String, Object>) doc.get("spec");
            Object connector = written.getOrDefault("spec", Map.of());
            if (doc.get("kind").equals("source")) {
                SourceSpec s = spec.sources().get(sources++);
                assertThat(s.name()).isEqualTo(written.get("name"));
                assertThat(s.tables()).isEqualTo(written.get("tables"));
                assertThat(s.spec().asMap()).isEqualTo(connector);
            } else {
                DestinationSpec d = spec.destinations().get(destinations++);
                assertThat(d.name()).isEqualTo(written.get("name"));
                assertThat(d.spec().asMap()).isEqualTo(connector);
            }
        }
        assertThat(spec.sources()).hasSize(sources);
        assertThat(spec.destinations()).hasSize(destinations);
    }

    /** The specs as values (Spec has no equals): every field, connector specs as maps. */
    private static List<Object> comparable(SyncSpec spec) {
        return List.of(
                spec.sources().stream().map(s -> List.of(s.origin(), s.name(), s.path(), s.registry(), s.version(),
                        s.tables(), s.skipTables(), s.skipDependentTables(), s.destinations(), s.backendOptions(),
                        s.deterministicCqId(), s.spec().asMap())).toList(),
                spec.destinations().stream().map(d -> List.of(d.origin(), d.name(), d.path(), d.registry(), d.version(),
                        d.writeMode(), d.migrateMode(), d.pkMode(), d.sendSyncSummary(), d.syncGroupId(),
                        d.spec().asMap())).toList());
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> configs() {
        return ValidConfigs.configs();
    }
}
