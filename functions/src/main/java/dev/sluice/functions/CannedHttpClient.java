package dev.sluice.functions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never touches the network: every request, fully built and signed by
 * the SDK, is answered 200 with {@code {}}. Priming calls go through it so that the SDK's
 * marshalling, signing, endpoint rules and unmarshalling run (and load, and warm up) before a
 * SnapStart snapshot, without credentials, a connection or a side effect.
 */
final class CannedHttpClient implements SdkHttpClient {
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        request.contentStreamProvider().ifPresent(body -> {
            try (var in = body.newStream()) {
                in.readAllBytes(); // the SDK's payload writing and checksums run as they would
            } catch (java.io.IOException ignored) {
                // nothing was sent anyway
            }
        });
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("Content-Length", Integer.toString(body.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }
}
