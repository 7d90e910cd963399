package io.hallway.team;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TeamAdminTest {

    private static String members(String slug) {
        return "/api/admin/events/" + slug + "/members";
    }

    @Test
    void the_creator_of_an_event_is_its_owner_under_the_name_from_their_token() {
        String slug = ScheduleFixtures.newEvent("team-creator");
        long olivia = TeamFixtures.userId(Tokens.organizer());

        Api.organizer().get(members(slug)).then().statusCode(200)
                .body("userId", contains((int) olivia)).body("[0].role", equalTo("owner"))
                .body("[0].displayName", equalTo("Olivia")).body("[0].roomIds", nullValue());
    }

    @Test
    void an_organizer_lists_only_the_events_of_their_teams_and_the_operator_lists_all() {
        String mine = ScheduleFixtures.newEvent("team-mine");
        String theirs = "team-theirs-" + System.nanoTime();
        Api.as(Tokens.of("otto")).body(Map.of("slug", theirs, "name", "Theirs", "timeZone", ScheduleFixtures.ZONE,
                "startDate", ScheduleFixtures.DAY, "endDate", ScheduleFixtures.DAY)).post("/api/admin/events")
                .then().statusCode(201);

        Api.organizer().queryParam("size", 100).get("/api/admin/events").then().statusCode(200)
                .body("items.slug", hasItem(mine)).body("items.slug", not(hasItem(theirs)));
        Api.as(Tokens.of("otto")).queryParam("size", 100).get("/api/admin/events").then().statusCode(200)
                .body("items.slug", hasItem(theirs)).body("items.slug", not(hasItem(mine)));
        Api.admin().queryParam("size", 100).get("/api/admin/events").then().statusCode(200)
                .body("items.slug", hasItem(theirs));
        // Other tests may put this attendee on teams of their own events; none of these two is one of them.
        Api.attendee().queryParam("size", 100).get("/api/admin/events").then().statusCode(200)
                .body("items.slug", not(hasItem(mine))).body("items.slug", not(hasItem(theirs)));
    }

    @Test
    void a_volunteer_with_only_the_attendee_role_uses_what_their_event_role_allows() {
        String slug = ScheduleFixtures.newEvent("team-volunteer");
        long room = ScheduleFixtures.room(slug, "Hall", 100);
        TeamFixtures.join(slug, Tokens.of("hana"), EventRole.HOST, null);

        Api.as(Tokens.of("hana")).body(Map.of("status", "full"))
                .put("/api/admin/events/" + slug + "/rooms/" + room + "/status").then().statusCode(200);
        Api.as(Tokens.of("hana")).get("/api/admin/events/" + slug + "/rooms").then().statusCode(403)
                .body("type", equalTo("urn:hallway:problem:forbidden"));
        Api.as(Tokens.of("hana")).queryParam("size", 100).get("/api/admin/events").then().statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void a_removed_member_is_refused_from_their_next_request() {
        String slug = ScheduleFixtures.newEvent("team-removed");
        long edith = TeamFixtures.join(slug, Tokens.of("edith"), EventRole.EDITOR, null);
        Api.as(Tokens.of("edith")).get("/api/admin/events/" + slug + "/sessions").then().statusCode(200);

        Api.organizer().delete(members(slug) + "/" + edith).then().statusCode(204);

        Api.as(Tokens.of("edith")).get("/api/admin/events/" + slug + "/sessions").then().statusCode(404)
                .body("detail", equalTo("No event '" + slug + "'."));
        Api.organizer().get(members(slug)).then().statusCode(200).body("userId", not(hasItem((int) edith)));
    }

    @Test
    void an_owner_makes_an_editor_a_host_of_some_rooms() {
        String slug = ScheduleFixtures.newEvent("team-change");
        long hall = ScheduleFixtures.room(slug, "Hall", 100);
        long annex = ScheduleFixtures.room(slug, "Annex", 20);
        long edith = TeamFixtures.join(slug, Tokens.of("edith"), EventRole.EDITOR, null);

        Api.organizer().body(Map.of("role", "host", "roomIds", List.of(annex))).put(members(slug) + "/" + edith)
                .then().statusCode(200).body("role", equalTo("host")).body("roomIds", contains((int) annex));

        Api.as(Tokens.of("edith")).body(Map.of("status", "open"))
                .put("/api/admin/events/" + slug + "/rooms/" + annex + "/status").then().statusCode(200);
        Api.as(Tokens.of("edith")).body(Map.of("status", "open"))
                .put("/api/admin/events/" + slug + "/rooms/" + hall + "/status").then().statusCode(403);
        Api.as(Tokens.of("edith")).get("/api/admin/events/" + slug + "/sessions").then().statusCode(403);
        Api.organizer().body(Map.of("role", "editor", "roomIds", List.of(annex))).put(members(slug) + "/" + edith)
                .then().statusCode(400);
        long elsewhere = ScheduleFixtures.room(ScheduleFixtures.newEvent("team-other-rooms"), "Elsewhere", 10);
        Api.organizer().body(Map.of("role", "host", "roomIds", List.of(annex, elsewhere)))
                .put(members(slug) + "/" + edith).then().statusCode(400)
                .body("violations[0].field", equalTo("roomIds"));
        Api.as(Tokens.of("edith")).body(Map.of("role", "owner")).put(members(slug) + "/" + edith).then().statusCode(403);
    }

    @Test
    void the_last_owner_cannot_leave_be_removed_or_be_demoted_until_someone_else_owns_the_event() {
        String slug = ScheduleFixtures.newEvent("team-last-owner");
        long olivia = TeamFixtures.userId(Tokens.organizer());
        long otto = TeamFixtures.join(slug, Tokens.of("otto"), EventRole.EDITOR, null);

        Api.organizer().delete(members(slug) + "/me").then().statusCode(409)
                .body("type", equalTo("urn:hallway:problem:last-owner"));
        Api.organizer().delete(members(slug) + "/" + olivia).then().statusCode(409);
        Api.organizer().body(Map.of("role", "editor")).put(members(slug) + "/" + olivia).then().statusCode(409);

        Api.organizer().body(Map.of("role", "owner")).put(members(slug) + "/" + otto).then().statusCode(200);
        Api.organizer().delete(members(slug) + "/me").then().statusCode(204);

        Api.organizer().get("/api/admin/events/" + slug).then().statusCode(404);
        Api.as(Tokens.of("otto")).get(members(slug)).then().statusCode(200).body("userId", contains((int) otto));
    }

    @Test
    void the_operator_manages_an_event_without_being_on_its_team() {
        String slug = ScheduleFixtures.newEvent("team-operator");
        long olivia = TeamFixtures.userId(Tokens.organizer());

        Api.admin().get("/api/admin/events/" + slug + "/sessions").then().statusCode(200);
        Api.admin().delete(members(slug) + "/" + olivia).then().statusCode(409);
        Api.admin().delete(members(slug) + "/me").then().statusCode(404);
        Api.admin().delete("/api/admin/events/" + slug).then().statusCode(204);
    }

    @Test
    void an_unknown_member_is_not_found() {
        String slug = ScheduleFixtures.newEvent("team-unknown");

        Api.organizer().body(Map.of("role", "host")).put(members(slug) + "/999999999").then().statusCode(404);
        Api.organizer().delete(members(slug) + "/999999999").then().statusCode(404);
    }
}
