package io.hallway.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TeamAuditTest {

    @Test
    void every_change_to_a_team_and_its_invitations_is_in_the_audit_log_with_who_made_it() {
        String slug = ScheduleFixtures.newEvent("team-audit");
        String admin = "/api/admin/events/" + slug;
        long kept = Api.organizer().body(Map.of("role", "editor")).post(admin + "/invitations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String token = Api.organizer().body(Map.of("role", "editor")).post(admin + "/invitations").then()
                .statusCode(201).extract().jsonPath().getString("token");
        Api.organizer().delete(admin + "/invitations/" + kept).then().statusCode(204);
        Api.as(Tokens.of("hana")).post("/api/invitations/" + token + "/redeem").then().statusCode(200);
        long hana = TeamFixtures.userId(Tokens.of("hana"));
        long olivia = TeamFixtures.userId(Tokens.organizer());
        Api.organizer().body(Map.of("role", "host")).put(admin + "/members/" + hana).then().statusCode(200);
        Api.organizer().delete(admin + "/members/" + hana).then().statusCode(204);

        JsonPath log = Api.organizer().queryParam("size", 100).get(admin + "/audit").then().statusCode(200).extract()
                .jsonPath();
        List<String> team = new ArrayList<>(log.<Map<String, Object>> getList("items").stream()
                .filter(item -> List.of("member", "invitation").contains(item.get("resource")))
                .map(item -> item.get("action") + " " + item.get("resource") + " by "
                        + ((Map<?, ?>) item.get("actor")).get("userId"))
                .toList());
        Collections.reverse(team);
        assertEquals(List.of("create member by " + olivia, "create invitation by " + olivia,
                "create invitation by " + olivia, "delete invitation by " + olivia, "create member by " + hana,
                "update member by " + olivia, "delete member by " + olivia), team);
        Map<String, Object> roleChange = log.getMap("items.find { it.action == 'update' && it.resource == 'member' }.details");
        assertEquals("editor", roleChange.get("roleBefore"));
        assertEquals("host", roleChange.get("role"));
    }
}
