package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Documents built to exhaust a parser: alias bombs ("billion laughs"), deep nesting, huge
 * scalars. Each loads or is refused with a clear problem, in bounded time (see {@link LoadOutcome}).
 */
class ParserLimitPropertiesTest {
    private static final String HEAD = "kind: destination\nspec:\n  name: d\n  path: cloudquery/sqlite\n  spec:\n";

    private static ScratchDir scratch;

    @BeforeContainer
    static void createScratch() {
        scratch = new ScratchDir();
    }

    @AfterContainer
    static void deleteScratch() {
        scratch.close();
    }

    private static LoadOutcome load(String text) {
        return LoadOutcome.load(scratch.dir, scratch.write(text), Map.of());
    }

    /** Width^depth values if expanded: refused at the first alias, never expanded. */
    @Property(tries = 20)
    void aliasBombsAreRefused(@ForAll @IntRange(min = 1, max = 12) int depth, @ForAll @IntRange(min = 2, max = 12) int width,
                              @ForAll boolean flow) {
        StringBuilder bomb = new StringBuilder(HEAD + "    l0: &l0 [" + String.join(", ", Collections.nCopies(width, "lol")) + "]\n");
        for (int i = 1; i <= depth; i++) {
            String items = String.join(", ", Collections.nCopies(width, "*l" + (i - 1)));
            bomb.append(flow ? "    l%d: &l%d [%s]\n".formatted(i, i, items)
                    : "    l%d: &l%d\n%s".formatted(i, i, ("      - *l" + (i - 1) + "\n").repeat(width)));
        }
        LoadOutcome outcome = load(bomb.toString());
        assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("not valid YAML at line " + (flow ? 7 : 8) + ",").contains("YAML aliases"));
    }

    /** Up to the parser's 1000 levels a nested value loads; deeper is refused by name. */
    @Property(tries = 20)
    void deepNestingLoadsOrIsRefusedByName(@ForAll @IntRange(min = 1, max = 3000) int depth, @ForAll @IntRange(max = 2) int shape) {
        String open = switch (shape) {
            case 0 -> "[".repeat(depth);
            case 1 -> "{a: ".repeat(depth);
            default -> "[{a: ".repeat(depth / 2 + 1);
        };
        String close = switch (shape) {
            case 0 -> "]".repeat(depth);
            case 1 -> "}".repeat(depth);
            default -> "}]".repeat(depth / 2 + 1);
        };
        int levels = shape == 2 ? 2 * (depth / 2 + 1) : depth;
        LoadOutcome outcome = load(HEAD + "    v: " + open + (shape == 0 ? "" : "x") + close + "\n");
        if (levels + 3 <= 1000) {
            assertThat(outcome.problems()).isEmpty();
        } else {
            assertThat(outcome.problems()).extracting(Problem::message)
                    .containsExactly("not valid YAML: lists and maps are nested too deeply (more than 1000 levels)");
        }
    }

    @Property(tries = 10)
    void hugeScalarsLoad(@ForAll @IntRange(max = 400_000) int size, @ForAll boolean quoted) {
        String value = "x".repeat(size);
        LoadOutcome outcome = load(HEAD + "    v: " + (quoted ? "\"" + value + "\"" : value) + "\n");
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.spec().orElseThrow().destinations().get(0).spec().asMap().get("v")).isEqualTo(size == 0 ? (quoted ? "" : null) : value);
    }
}
