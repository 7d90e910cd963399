package io.hallway.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventRoleDocumentationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_on_an_event_of_the_admin_api_names_its_event_role_in_the_contract() {
        Map<String, Map<String, Object>> paths = Api.anonymous().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> undocumented = new ArrayList<>();
        int documented = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/admin/events/{slug}")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                Map<String, Object> details = (Map<String, Object>) operation.getValue();
                Object role = details.get(EventRoleDocumentation.EXTENSION);
                if (Set.of("owner", "editor", "host").contains(role)
                        && ((String) details.get("description")).contains("Needs the role " + role)) {
                    documented++;
                } else {
                    undocumented.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertTrue(undocumented.isEmpty(), "admin operations without their event role: " + undocumented);
        assertTrue(documented > 40, "only " + documented + " admin operations found: the scan is broken");
        Map<String, Object> roomStatus = (Map<String, Object>) paths.get("/api/admin/events/{slug}/rooms/{id}/status")
                .get("put");
        assertEquals("host", roomStatus.get(EventRoleDocumentation.EXTENSION));
    }
}
