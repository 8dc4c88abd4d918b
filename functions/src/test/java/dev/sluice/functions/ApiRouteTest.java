package dev.sluice.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The route an API Gateway event asks for, whatever stage it came through. */
class ApiRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void httpApiRoutesOnTheRouteKeyWithItsParameters() throws Exception {
        assertThat(ApiRoute.of(json("""
                {"version":"2.0","routeKey":"GET /syncs/{id}","rawPath":"/prod/syncs/r1","pathParameters":{"id":"r1"},
                 "requestContext":{"stage":"prod","http":{"method":"GET","path":"/prod/syncs/r1"}}}""")))
                .isEqualTo(new ApiRoute("GET", "/syncs/r1"));
        assertThat(ApiRoute.of(json("""
                {"version":"2.0","routeKey":"POST /syncs","rawPath":"/prod/syncs",
                 "requestContext":{"stage":"prod","http":{"method":"POST","path":"/prod/syncs"}}}""")))
                .isEqualTo(new ApiRoute("POST", "/syncs"));
    }

    @Test
    void aCatchAllRouteUsesTheRawPathWithoutTheStage() throws Exception {
        assertThat(ApiRoute.of(json("""
                {"version":"2.0","routeKey":"$default","rawPath":"/prod/syncs/r1",
                 "requestContext":{"stage":"prod","http":{"method":"GET","path":"/prod/syncs/r1"}}}""")))
                .isEqualTo(new ApiRoute("GET", "/syncs/r1"));
        assertThat(ApiRoute.of(json("""
                {"version":"2.0","routeKey":"$default","rawPath":"/syncs",
                 "requestContext":{"stage":"$default","http":{"method":"GET","path":"/syncs"}}}""")))
                .isEqualTo(new ApiRoute("GET", "/syncs"));
    }

    @Test
    void restApiRoutesOnTheResource() throws Exception {
        assertThat(ApiRoute.of(json("""
                {"resource":"/syncs/{id}","path":"/syncs/r2","httpMethod":"GET","pathParameters":{"id":"r2"},
                 "requestContext":{"stage":"prod","path":"/prod/syncs/r2"}}""")))
                .isEqualTo(new ApiRoute("GET", "/syncs/r2"));
        assertThat(ApiRoute.of(json("""
                {"resource":"/{proxy+}","path":"/hello/world","httpMethod":"POST","requestContext":{"stage":"prod"}}""")))
                .isEqualTo(new ApiRoute("POST", "/hello/world"));
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
