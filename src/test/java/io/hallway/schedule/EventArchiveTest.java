package io.hallway.schedule;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.team.EventRole;
import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventArchiveTest {

    @Test
    void an_owner_takes_the_schedule_the_team_and_the_audit_log_of_a_draft_event_in_one_document() {
        String slug = "archive-" + System.nanoTime();
        Api.organizer().body(Map.of("slug", slug, "name", "Draft", "timeZone", ScheduleFixtures.ZONE, "startDate",
                ScheduleFixtures.DAY, "endDate", ScheduleFixtures.DAY)).post("/api/admin/events").then().statusCode(201);
        long theater = ScheduleFixtures.room(slug, "Theater", 100);
        ScheduleFixtures.create(slug, ScheduleFixtures.talk("Opening", theater, "09:00", "09:30"));
        Api.organizer().body(Map.of("role", "host")).post("/api/admin/events/" + slug + "/invitations").then()
                .statusCode(201);
        TeamFixtures.join(slug, Tokens.of("edith"), EventRole.EDITOR, null);

        Api.organizer().get("/api/admin/events/" + slug + "/archive").then().statusCode(200)
                .body("schedule.event.slug", is(slug))
                .body("schedule.event.published", is(false))
                .body("schedule.rooms.name", contains("Theater"))
                .body("schedule.sessions.title", contains("Opening"))
                .body("team.members.role", contains("owner", "editor"))
                .body("team.invitations.role", contains("host"))
                .body("team.invitations[0].token", nullValue())
                .body("audit.resource", hasItem("session"))
                .body("audit[0].resource", is("event"));
        Api.as(Tokens.of("edith")).get("/api/admin/events/" + slug + "/archive").then().statusCode(403);
        Api.attendee().get("/api/admin/events/" + slug + "/archive").then().statusCode(404)
                .body("detail", not(is("")));
    }
}
