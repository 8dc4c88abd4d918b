package dev.sluice.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random valid configs as document maps (for {@link YamlWriter}): one to three destinations and
 * sources naming them, CloudQuery's optional fields sometimes set, and connector specs with
 * awkward strings (quotes, {@code #}, colons, unicode, multi-line text), numbers, booleans,
 * lists and nested maps.
 */
final class ValidConfigs {
    private ValidConfigs() {
    }

    static Arbitrary<List<Map<String, Object>>> configs() {
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3),
                sourceSpecs().list().ofSize(3), destinationSpecs().list().ofSize(3), Arbitraries.randoms())
                .as((destinations, sources, sourceSpecs, destinationSpecs, random) -> {
                    List<Map<String, Object>> docs = new ArrayList<>();
                    for (int i = 0; i < destinations; i++) {
                        Map<String, Object> spec = new LinkedHashMap<>(destinationSpecs.get(i));
                        spec.put("name", "dest" + i);
                        docs.add(document("destination", spec));
                    }
                    for (int i = 0; i < sources; i++) {
                        Map<String, Object> spec = new LinkedHashMap<>(sourceSpecs.get(i));
                        spec.put("name", "src-" + i);
                        spec.put("destinations", List.of("dest" + random.nextInt(destinations)));
                        if (random.nextBoolean()) {
                            spec.put("backend_options", new LinkedHashMap<>(Map.of("table_name", "cq_state_" + i,
                                    "connection", "@@plugins.dest0.connection")));
                        }
                        docs.add(random.nextInt(docs.size() + 1), document("source", spec));
                    }
                    return docs;
                });
    }

    private static Map<String, Object> document(String kind, Map<String, Object> spec) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", kind);
        doc.put("spec", spec);
        return doc;
    }

    private static Arbitrary<Map<String, Object>> sourceSpecs() {
        return Combinators.combine(globs().list().ofMinSize(1).ofMaxSize(3), globs().list().ofMaxSize(2),
                Arbitraries.of(true, false).injectNull(0.5), connectorSpecs().injectNull(0.3))
                .as((tables, skip, deterministic, spec) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", "cloudquery/test");
                    m.put("tables", tables);
                    m.put("skip_tables", skip);
                    putIfPresent(m, "deterministic_cq_id", deterministic);
                    putIfPresent(m, "spec", spec);
                    return m;
                });
    }

    private static Arbitrary<Map<String, Object>> destinationSpecs() {
        return Combinators.combine(Arbitraries.of("append", "overwrite", "overwrite-delete-stale").injectNull(0.3),
                Arbitraries.of("safe", "forced").injectNull(0.5), Arbitraries.of("default", "cq-id-only").injectNull(0.5),
                Arbitraries.of(true, false).injectNull(0.5), connectorSpecs().injectNull(0.3))
                .as((writeMode, migrateMode, pkMode, summary, spec) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("path", "cloudquery/sqlite");
                    putIfPresent(m, "write_mode", writeMode);
                    putIfPresent(m, "migrate_mode", migrateMode);
                    putIfPresent(m, "pk_mode", pkMode);
                    putIfPresent(m, "send_sync_summary", summary);
                    putIfPresent(m, "spec", spec);
                    return m;
                });
    }

    private static Arbitrary<String> globs() {
        return Arbitraries.oneOf(Arbitraries.of("*", "test_*", "aws_ec2_*", "public.orders"),
                Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(10));
    }

    private static Arbitrary<Map<String, Object>> connectorSpecs() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(awkwardStrings(), multiLineText(),
                Arbitraries.integers().between(-1_000_000, 1_000_000), Arbitraries.of(true, false));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, scalar, awkwardStrings().list().ofMaxSize(3).map(l -> l),
                Arbitraries.maps(keys(), awkwardStrings()).ofMaxSize(2).map(m -> m));
        return Arbitraries.maps(keys(), value).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(8);
    }

    static Arbitrary<String> awkwardStrings() {
        List<String> pieces = new ArrayList<>("abcXYZ019 _-./*:#'\"\\,[]{}&!|>%@`é".codePoints().mapToObj(Character::toString).toList());
        pieces.add("🚀");
        return Arbitraries.of(pieces).list().ofMinSize(1).ofMaxSize(16).map(p -> String.join("", p))
                .filter(s -> !s.isBlank() && !s.startsWith(" ") && !s.endsWith(" "));
    }

    /** Text of two to four lines (none starting with a space), ending in one newline. */
    private static Arbitrary<Object> multiLineText() {
        return awkwardStrings().list().ofMinSize(2).ofMaxSize(4).map(lines -> String.join("\n", lines) + "\n");
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
