package dev.sluice.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A database secret from Secrets Manager as variables for the config's {@code ${...}}
 * expansion: the SecretString as {@code SLUICE_DB_SECRET} and, when it is a JSON object, each
 * top-level scalar field as {@code SLUICE_DB_<FIELD>} (e.g. {@code SLUICE_DB_PASSWORD},
 * {@code SLUICE_DB_PORT}). Values are never logged or put in error messages.
 */
public final class DatabaseSecret {
    public static final String SECRET = "SLUICE_DB_SECRET";
    public static final String PREFIX = "SLUICE_DB_";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;

    public DatabaseSecret(SecretsManagerClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The variables of secret {@code secretArn} (its current version). */
    public Map<String, String> variables(String secretArn) {
        String secret;
        try {
            secret = client.getSecretValue(b -> b.secretId(secretArn)).secretString();
        } catch (ResourceNotFoundException e) {
            throw new ConfigLocationException("database secret " + secretArn + " does not exist", e);
        } catch (SdkException e) {
            throw new ConfigLocationException("database secret " + secretArn + " could not be read: " + e.getMessage(), e);
        }
        if (secret == null) {
            throw new ConfigLocationException("database secret " + secretArn + " has no SecretString (a binary secret)");
        }
        return variablesOf(secret);
    }

    /** The variables of a SecretString. */
    public static Map<String, String> variablesOf(String secret) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(SECRET, secret);
        JsonNode n;
        try {
            n = JSON.readTree(secret);
        } catch (JsonProcessingException e) {
            return vars;
        }
        if (n != null && n.isObject()) {
            n.fields().forEachRemaining(f -> {
                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                    String name = PREFIX + f.getKey().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
                    vars.putIfAbsent(name, f.getValue().asText());
                }
            });
        }
        return vars;
    }
}
