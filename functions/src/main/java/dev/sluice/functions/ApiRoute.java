package dev.sluice.functions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The method and path an API Gateway event asks for, without the stage: a named stage puts
 * itself in front of {@code rawPath} ({@code /prod/syncs}), so the route comes from the matched
 * route key (HTTP API: {@code "GET /syncs/{id}"}) or resource (REST API: {@code /syncs/{id}}),
 * its {@code {id}} filled from {@code pathParameters}; only for a catch-all route ({@code $default},
 * {@code {proxy+}}) is the raw path used, with {@code /<stage>} taken off its front.
 */
record ApiRoute(String method, String path) {

    static ApiRoute of(JsonNode event) {
        String method = event.path("requestContext").path("http").path("method").asText(event.path("httpMethod").asText(""));
        String routeKey = event.path("routeKey").asText("");
        int space = routeKey.indexOf(' ');
        String template = space > 0 ? routeKey.substring(space + 1) : event.path("resource").asText("");
        if (!template.isEmpty() && !template.contains("{proxy+}") && template.startsWith("/")) {
            return new ApiRoute(method, fill(template, event.path("pathParameters")));
        }
        return new ApiRoute(method, withoutStage(event.path("rawPath").asText(event.path("path").asText("")),
                event.path("requestContext").path("stage").asText("")));
    }

    private static String fill(String template, JsonNode parameters) {
        String path = template;
        var names = parameters.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            path = path.replace("{" + name + "}", parameters.path(name).asText());
        }
        return path;
    }

    private static String withoutStage(String path, String stage) {
        if (stage.isEmpty() || stage.equals("$default")) {
            return path;
        }
        String prefix = "/" + stage;
        return path.equals(prefix) ? "/" : path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }
}
