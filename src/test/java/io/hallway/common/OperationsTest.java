package io.hallway.common;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** What operators and the mobile team rely on besides the API itself. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperationsTest {

    @Test
    void readiness_includes_the_database() {
        Api.management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metrics_and_health_are_served_on_the_management_port_only() {
        Api.management().get("/q/metrics").then().statusCode(200).body(containsString("http_server_active_requests"));
        Api.management().get("/q/health/live").then().statusCode(200);
        Api.anonymous().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_contract_stays_on_the_public_port() {
        Api.anonymous().get("/q/openapi").then().statusCode(200);
        Api.management().get("/q/openapi").then().statusCode(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_contract_documents_security_and_problem_responses_for_every_operation() {
        Map<String, Map<String, Map<String, Object>>> paths = Api.anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> gaps = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            boolean secured = operation.get("security") != null;
            if (path.startsWith("/api/admin") && !secured) {
                gaps.add(method + " " + path + " has no security requirement");
            }
            for (String status : secured ? List.of("400", "401", "403", "500") : List.of("400", "500")) {
                if (!responses.containsKey(status)) {
                    gaps.add(method + " " + path + " lacks " + status);
                }
            }
        }));
        assertTrue(paths.containsKey("/api/events/{slug}/schedule"), "the schedule is in the contract");
        assertTrue(gaps.isEmpty(), String.join("\n", gaps));
    }
}
