package dev.sluice.functions;

import java.util.Map;

/** An API Gateway proxy response (HTTP API payload 2.0, also valid for REST APIs) with a JSON body. */
record HttpResponse(int statusCode, Map<String, String> headers, String body) {
    static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), LambdaJson.text(body));
    }

    static HttpResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }
}
