package dev.sluice.functions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * template.yaml as CloudFormation will see it after the AWS::Serverless transform: SAM's own
 * translator (the {@code samtranslator} Python module, the code behind {@code sam build} and the
 * transform) run on it, roles and policies as SAM generates them.
 */
public final class SamExpansion {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SamExpansion() {
    }

    /** The expanded template, {@code parameters} overriding the template's defaults. */
    public static JsonNode expand(Path template, Map<String, String> parameters) {
        try {
            Path script = Files.createTempFile("sam_expand", ".py");
            try (InputStream in = SamExpansion.class.getResourceAsStream("/sam_expand.py")) {
                Files.write(script, in.readAllBytes());
            }
            Path out = Files.createTempFile("sam_expanded", ".json");
            Path err = Files.createTempFile("sam_expand", ".err");
            Process p = new ProcessBuilder("python3", script.toString(), template.toString(), JSON.writeValueAsString(parameters))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("samtranslator could not expand " + template + " (needs python3 with the"
                        + " samtranslator module: pip install aws-sam-translator): " + Files.readString(err, StandardCharsets.UTF_8));
            }
            JsonNode expanded = JSON.readTree(out.toFile());
            Files.deleteIfExists(script);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return expanded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
