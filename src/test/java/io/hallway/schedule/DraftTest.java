package io.hallway.schedule;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.team.EventRole;
import io.hallway.testing.Api;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** In release mode manual organizer changes go to a draft that only the team sees. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DraftTest {

    /** Every public rendition of the schedule, each revalidated with the ETag it had. */
    private static final List<String> RENDITIONS = List.of("schedule", "schedule.xml", "schedule.frab.json",
            "schedule.ics");

    @Test
    void switching_to_manual_keeps_the_public_schedule_and_releases_it_as_initial() {
        String slug = newEvent("switch");
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Talk", theater, "09:00", "09:30"));
        JsonPath before = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().jsonPath();
        String immediateCursor = before.getString("cursor");

        releaseMode(slug, "manual").statusCode(200).body("releaseMode", equalTo("manual"));

        JsonPath after = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().jsonPath();
        assertEquals(before.getList("sessions"), after.getList("sessions"));
        assertEquals(before.getList("rooms"), after.getList("rooms"));
        assertEquals("manual", after.getString("event.releaseMode"));
        Api.anonymous().get("/api/events/" + slug + "/releases").then().statusCode(200)
                .body("items.name", contains("initial"))
                .body("items[0].scheduleVersion", equalTo(after.getInt("scheduleVersion")))
                .body("items[0].sessions.added", equalTo(1));
        // The switch is a version of its own (an event update always is), and no release is at the version before.
        Api.anonymous().queryParam("since", immediateCursor).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(410).body("type", equalTo("urn:hallway:problem:cursor-too-old"))
                .body("snapshot", equalTo("/api/events/" + slug + "/schedule"));
        Api.anonymous().queryParam("since", after.getString("cursor")).get("/api/events/" + slug + "/schedule/changes")
                .then().statusCode(200).body("sessions", empty());
    }

    @Test
    void a_draft_edit_is_invisible_to_the_public_snapshot_deltas_exports_calendars_and_change_feeds() {
        String slug = newEvent("draft");
        long theater = room(slug, "Theater", 100);
        long grace = speaker(slug, "Grace");
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30", grace)).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        bookmark(Api.attendee(), slug, talk);
        Map<String, String> etags = new HashMap<>();
        for (String rendition : RENDITIONS) {
            etags.put(rendition, Api.anonymous().get("/api/events/" + slug + "/" + rendition).then().statusCode(200)
                    .extract().header("ETag"));
        }
        String sessionIcs = Api.anonymous().get("/api/events/" + slug + "/sessions/" + talk + ".ics").then()
                .statusCode(200).extract().header("ETag");
        String cursor = cursor(slug);

        updateSession(slug, talk, Map.of("title", "Renamed", "startsAt", at("10:00"), "endsAt", at("10:30")));
        create(slug, talk("Draft only", theater, "11:00", "11:30"));
        renameSpeaker(slug, grace, "Grace Hopper");
        room(slug, "Green Room", 10);

        for (String rendition : RENDITIONS) {
            Api.anonymous().header("If-None-Match", etags.get(rendition)).get("/api/events/" + slug + "/" + rendition)
                    .then().statusCode(304);
        }
        Api.anonymous().header("If-None-Match", sessionIcs).get("/api/events/" + slug + "/sessions/" + talk + ".ics")
                .then().statusCode(304);
        Api.anonymous().get("/api/events/" + slug + "/schedule.xml").then().body(not(containsString("Draft only")));
        Api.anonymous().get("/api/events/" + slug + "/schedule.ics").then().body(not(containsString("Renamed")));
        Api.anonymous().queryParam("since", cursor).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200).body("sessions", empty()).body("speakers", empty()).body("rooms", empty())
                .body("cursor", equalTo(cursor));
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + talk).then().statusCode(200)
                .body("title", equalTo("Talk")).body("startsAt", equalTo(at("09:00")));
        Api.anonymous().get("/api/events/" + slug + "/sessions").then().body("totalItems", equalTo(1));
        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items[0].title", equalTo("Talk"));
        Api.attendee().queryParam("since", cursor).get("/api/events/" + slug + "/agenda/changes").then()
                .statusCode(200).body("changes", empty()).body("cursor", equalTo(cursor));

        Api.organizer().get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(200)
                .body("sessions.title", contains("Renamed", "Draft only"))
                .body("sessions[0].startsAt", equalTo(at("10:00")))
                .body("speakers.name", contains("Grace Hopper"))
                .body("rooms.name", hasItem("Green Room"))
                .body("event.releaseMode", equalTo("manual"));
        // The organizer API reads the draft too.
        Api.organizer().get("/api/admin/events/" + slug + "/sessions/" + talk).then().body("title", equalTo("Renamed"));
    }

    @Test
    void an_event_created_in_manual_mode_shows_an_empty_schedule_until_its_first_release() {
        String slug = "born-manual-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", slug, "name", "Born manual", "timeZone", ZONE, "startDate", DAY,
                "endDate", DAY, "published", true, "releaseMode", "manual"))
                .post("/api/admin/events").then().statusCode(201).body("releaseMode", equalTo("manual"));
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Talk", theater, "09:00", "09:30"));

        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("rooms", empty()).body("sessions", empty()).body("event.name", equalTo("Born manual"));
        Api.anonymous().get("/api/events/" + slug + "/releases").then().body("items.name", contains("initial"))
                .body("items[0].sessions.added", equalTo(0));

        release(slug, "v1", "The first programme.").statusCode(201).body("sessions.added", equalTo(1));
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("sessions.title", contains("Talk"));
    }

    @Test
    void a_new_event_is_in_immediate_mode_and_an_unknown_mode_is_refused_naming_the_allowed_ones() {
        String slug = newEvent("mode");
        Api.organizer().get("/api/admin/events/" + slug).then().body("releaseMode", equalTo("immediate"));
        releaseMode(slug, "weekly").statusCode(400).body("violations.field", contains("releaseMode"))
                .body("violations.message", contains("must be one of immediate, manual"));
    }

    @Test
    void the_draft_and_releasing_are_for_the_team_and_the_changelog_for_everyone() {
        String slug = newEvent("draft-access");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        String host = Tokens.of("zoe");
        TeamFixtures.join(slug, host, EventRole.HOST, null);

        Api.anonymous().get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(401);
        Api.attendee().get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(404);
        Api.as(host).get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(200);
        Api.anonymous().body(Map.of("name", "v1")).post("/api/admin/events/" + slug + "/releases").then().statusCode(401);
        Api.attendee().body(Map.of("name", "v1")).post("/api/admin/events/" + slug + "/releases").then().statusCode(404);
        Api.as(host).body(Map.of("name", "v1")).post("/api/admin/events/" + slug + "/releases").then().statusCode(403);

        Api.anonymous().get("/api/events/" + slug + "/releases").then().statusCode(200);
        Api.anonymous().get("/api/events/" + slug + "/releases/initial/changes").then().statusCode(200);
    }
}
