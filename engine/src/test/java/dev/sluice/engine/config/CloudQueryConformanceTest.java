package dev.sluice.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Loads every real CloudQuery config of the shared conformance folder and checks the result
 * against {@code expectations.yaml} beside it (read in place, never copied).
 */
class CloudQueryConformanceTest {
    private static final Path CONFIGS = Paths.get(System.getProperty("sluice.shared", "../../shared"))
            .resolve("conformance/cloudquery-configs");

    @TestFactory
    Stream<DynamicTest> everyCaseOfExpectationsYaml() throws IOException {
        List<Map<String, Object>> cases = readExpectations();
        assertThat(cases).as("cases in expectations.yaml").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            String name = "case " + (i + 1) + " " + c.get("expect") + ": " + c.get("files");
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> c) {
        List<Path> files = ((List<String>) c.get("files")).stream().map(CONFIGS::resolve).toList();
        Map<String, String> env = new java.util.HashMap<>();
        ((Map<String, Object>) c.getOrDefault("env", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
        SpecLoader loader = new SpecLoader();
        if ("rejected".equals(c.get("expect"))) {
            assertThatThrownBy(() -> loader.load(files, env))
                    .isInstanceOf(ConfigError.class)
                    .satisfies(e -> {
                        for (String mention : (List<String>) c.get("error_mentions")) {
                            assertThat(e.getMessage()).containsIgnoringCase(mention);
                        }
                    });
            return;
        }
        assertThat(c.get("expect")).isEqualTo("valid");
        SyncSpec spec;
        try {
            spec = loader.load(files, env);
        } catch (ConfigError e) {
            throw new AssertionError("expected a valid config, got:\n" + e.getMessage(), e);
        }
        ((Map<String, Map<String, Object>>) c.getOrDefault("sources", Map.of())).forEach((name, fields) ->
                compare("source " + name, WrittenForm.of(spec.source(name)
                        .orElseThrow(() -> new AssertionError("no source " + name))), fields));
        ((Map<String, Map<String, Object>>) c.getOrDefault("destinations", Map.of())).forEach((name, fields) ->
                compare("destination " + name, WrittenForm.of(spec.destination(name)
                        .orElseThrow(() -> new AssertionError("no destination " + name))), fields));
    }

    @SuppressWarnings("unchecked")
    private static void compare(String what, Map<String, Object> loaded, Map<String, Object> expected) {
        expected.forEach((field, value) -> {
            if (!loaded.containsKey(field)) {
                fail(what + ": the test does not know field " + field);
            }
            Object actual = loaded.get(field);
            if (field.equals("spec")) {
                Map<String, Object> actualSpec = (Map<String, Object>) actual;
                ((Map<String, Object>) value).forEach((k, v) -> assertThat(WrittenForm.normalize(actualSpec.get(k)))
                        .as(what + " spec." + k).isEqualTo(WrittenForm.normalize(v)));
            } else {
                assertThat(WrittenForm.normalize(actual)).as(what + " " + field).isEqualTo(WrittenForm.normalize(value));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readExpectations() throws IOException {
        Path file = CONFIGS.resolve("expectations.yaml");
        assertThat(Files.exists(file)).as("conformance material at " + file.toAbsolutePath()).isTrue();
        return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), List.class);
    }
}
