package dev.sluice.functions.iam;

import dev.sluice.emulators.MotoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * IAM on moto_server through IAM's query API (the project has no IAM SDK, and needs none at run
 * time): a user per function carrying exactly that function's policies, and an access key to
 * call AWS as it. Only while moto is still open (before {@link MotoServer#enforceIam()}).
 */
final class MotoIam {
    private final URI endpoint;

    MotoIam(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Creates user {@code name} with {@code policies} (name to JSON document) and returns a key of it. */
    AwsBasicCredentials userWith(String name, Map<String, String> policies) {
        call(Map.of("Action", "CreateUser", "UserName", name));
        policies.forEach((policy, document) -> call(Map.of("Action", "PutUserPolicy", "UserName", name,
                "PolicyName", policy, "PolicyDocument", document)));
        String key = call(Map.of("Action", "CreateAccessKey", "UserName", name));
        return AwsBasicCredentials.create(element(key, "AccessKeyId"), element(key, "SecretAccessKey"));
    }

    private String call(Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("Version", "2010-05-08");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    // unsigned (moto is still open); the credential scope only routes the request to IAM
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=setup/20260101/us-east-1/iam/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto IAM " + parameters.get("Action") + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + xml);
        }
        return m.group(1);
    }
}
