package dev.sluice.functions.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** Calling moto_server as a function's role: its clients, and the role's policies as moto evaluates them. */
final class MotoCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoCalls() {
    }

    /** A client builder for moto at {@code endpoint} as {@code key}, recording calls when {@code recorder} is set. */
    static <B extends AwsClientBuilder<B, ?>> B client(B builder, URI endpoint, AwsCredentials key, CallRecorder recorder) {
        builder.region(Region.of(Roles.REGION)).endpointOverride(endpoint).credentialsProvider(StaticCredentialsProvider.create(key));
        if (recorder != null) {
            builder.overrideConfiguration(o -> o.addExecutionInterceptor(recorder));
        }
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }

    /**
     * A policy document as moto can evaluate it: resources widened to "*" where moto matches
     * requests against "*" (everything but SQS and S3, which it matches against the queue's and
     * the object's ARN as AWS does); SQS batch actions named beside the single ones (moto
     * authorizes a batch under its own name, AWS under the single action's).
     */
    static JsonNode forMoto(JsonNode document) {
        ObjectNode doc = document.deepCopy();
        for (JsonNode s : doc.path("Statement")) {
            ArrayNode actions = s.get("Action").isArray() ? (ArrayNode) s.get("Action") : JSON.createArrayNode().add(s.get("Action"));
            List<String> batch = new ArrayList<>();
            boolean resourceChecked = true;
            for (JsonNode a : actions) {
                String action = a.asText();
                resourceChecked &= action.startsWith("sqs:") || action.startsWith("s3:");
                if (action.equals("sqs:SendMessage") || action.equals("sqs:DeleteMessage") || action.equals("sqs:ChangeMessageVisibility")) {
                    batch.add(action + "Batch");
                }
            }
            batch.forEach(actions::add);
            ((ObjectNode) s).set("Action", actions);
            if (!resourceChecked) {
                ((ObjectNode) s).put("Resource", "*");
            }
        }
        return doc;
    }
}
