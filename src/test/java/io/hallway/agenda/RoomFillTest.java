package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomFillTest {

    @Test
    void fill_levels_switch_at_three_quarters_and_at_capacity() {
        String slug = newEvent("fill");
        long small = room(slug, "Huddle", 4);
        long open = room(slug, "Atrium", null);
        long talk = create(slug, talk("Cosy", small, "09:00", "09:30")).getLong("id");
        long lawn = create(slug, talk("Open air", open, "09:00", "09:30")).getLong("id");
        RequestSpecification[] people = { Api.attendee(), Api.otherAttendee(), Api.as(Tokens.of("zoe")), Api.organizer() };

        expectFill(slug, talk, 0, "available");
        bookmark(people[0], slug, talk);
        bookmark(people[1], slug, talk);
        expectFill(slug, talk, 2, "available");
        bookmark(people[2], slug, talk);
        expectFill(slug, talk, 3, "filling");
        bookmark(people[3], slug, talk);
        expectFill(slug, talk, 4, "full");

        bookmark(people[0], slug, lawn);
        Api.anonymous().get("/api/events/" + slug + "/fill").then().statusCode(200)
                .header("Cache-Control", containsString("max-age"))
                .body("sessions.find { it.sessionId == " + lawn + " }.bookmarks", equalTo(1))
                .body("sessions.find { it.sessionId == " + lawn + " }.fill", nullValue());
    }

    @Test
    void live_session_lists_show_bookmarks_and_fill_while_the_offline_snapshot_keeps_its_etag() {
        String slug = newEvent("fill-live");
        long huddle = room(slug, "Huddle", 2);
        long host = speaker(slug, "Viktor");
        long popular = create(slug, talk("Popular", huddle, "09:00", "09:30", host)).getLong("id");
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().header("ETag");
        bookmark(Api.attendee(), slug, popular);
        bookmark(Api.otherAttendee(), slug, popular);
        String event = "/api/events/" + slug;

        Api.anonymous().get(event + "/sessions").then().statusCode(200)
                .body("items[0].bookmarks", equalTo(2)).body("items[0].fill", equalTo("full"));
        Api.anonymous().get(event + "/sessions/" + popular).then().statusCode(200)
                .body("bookmarks", equalTo(2)).body("fill", equalTo("full"));
        Api.anonymous().get(event + "/speakers/" + host).then().statusCode(200).body("sessions[0].bookmarks", equalTo(2));
        Api.anonymous().queryParam("at", at("09:10")).get(event + "/now").then().statusCode(200)
                .body("[0].current.bookmarks", equalTo(2)).body("[0].current.fill", equalTo("full"));

        Api.anonymous().header("If-None-Match", etag).get(event + "/schedule").then().statusCode(304);
        Api.anonymous().get(event + "/schedule").then().statusCode(200)
                .body("sessions[0]", not(hasKey("bookmarks"))).body("sessions[0]", not(hasKey("fill")));
    }

    @Test
    void a_lightning_block_bookmark_counts_for_each_of_its_talks_once_per_person() {
        String slug = newEvent("fill-block");
        long flex = room(slug, "Flex Space", 2);
        long block = block(slug, "Lightning", flex, "13:00", "13:10");
        long spark = lightningTalk(slug, block, "Spark");
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        bookmark(Api.attendee(), slug, spark);
        bookmark(Api.otherAttendee(), slug, spark);

        expectFill(slug, spark, 2, "full");
    }

    @Test
    void organizers_set_a_live_room_status_that_the_schedule_and_now_show() {
        String slug = newEvent("status");
        long theater = room(slug, "Theater", 120);
        create(slug, talk("Running", theater, "09:00", "09:30"));
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().header("ETag");
        String path = "/api/admin/events/" + slug + "/rooms/" + theater + "/status";

        Api.anonymous().body(Map.of("status", "full")).put(path).then().statusCode(401);
        Api.attendee().body(Map.of("status", "full")).put(path).then().statusCode(404);
        Api.organizer().body(Map.of("status", "packed")).put(path).then().statusCode(400)
                .body("violations[0].field", containsString("status"));
        Api.organizer().body(Map.of("status", "full")).put("/api/admin/events/" + slug + "/rooms/999999999/status").then()
                .statusCode(404);
        Api.organizer().body(Map.of("status", "full")).put(path).then().statusCode(200).body("liveStatus", equalTo("full"));

        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("rooms[0].liveStatus", equalTo("full"));
        Api.anonymous().queryParam("at", at("09:10")).get("/api/events/" + slug + "/now").then().statusCode(200)
                .body("[0].room.liveStatus", equalTo("full")).body("[0].current.title", equalTo("Running"));
        Api.anonymous().get("/api/events/" + slug + "/fill").then().body("rooms[0].liveStatus", equalTo("full"));

        Api.organizer().body(Map.of("status", "closed")).put(path).then().statusCode(200);
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("rooms[0].liveStatus", equalTo("closed"));
    }

    @Test
    void organizer_stats_rank_sessions_by_bookmarks_and_flag_the_ones_over_capacity() {
        String slug = newEvent("fill-stats");
        long tiny = room(slug, "Closet", 1);
        long hall = room(slug, "Hall", 500);
        long crowded = create(slug, talk("Crowded", tiny, "09:00", "09:30")).getLong("id");
        long roomy = create(slug, talk("Roomy", hall, "10:00", "10:30")).getLong("id");
        create(slug, talk("Unloved", hall, "11:00", "11:30"));
        bookmark(Api.attendee(), slug, crowded);
        bookmark(Api.otherAttendee(), slug, crowded);
        bookmark(Api.attendee(), slug, roomy);

        Api.organizer().get("/api/admin/events/" + slug + "/stats").then().statusCode(200)
                .body("agenda.bookmarks", equalTo(3))
                .body("agenda.attendeesWithBookmarks", equalTo(2))
                .body("agenda.mostBookmarked.title", contains("Crowded", "Roomy", "Unloved"))
                .body("agenda.mostBookmarked[0].bookmarks", equalTo(2))
                .body("agenda.predictedOverCapacity.title", contains("Crowded"))
                .body("agenda.predictedOverCapacity[0].capacity", equalTo(1));
        Api.attendee().get("/api/admin/events/" + slug + "/stats").then().statusCode(404);
    }

    private static void expectFill(String slug, long sessionId, int bookmarks, String fill) {
        Api.anonymous().get("/api/events/" + slug + "/fill").then().statusCode(200)
                .body("sessions.find { it.sessionId == " + sessionId + " }.bookmarks", equalTo(bookmarks))
                .body("sessions.find { it.sessionId == " + sessionId + " }.fill", equalTo(fill));
    }

    @Test
    void in_manual_mode_the_public_fill_document_lists_only_released_rooms_and_sessions() {
        String slug = newEvent("fill-draft");
        long theater = room(slug, "Theater", 100);
        long released = create(slug, talk("Public", theater, "09:00", "09:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        bookmark(Api.attendee(), slug, released);
        long green = room(slug, "Secret Green Room", 10);
        long secret = create(slug, talk("Secret keynote", green, "10:00", "10:30")).getLong("id");
        // Moved in the draft only: the public sees it where it was released.
        updateSession(slug, released, Map.of("roomId", green));

        Api.anonymous().get("/api/events/" + slug + "/fill").then().statusCode(200)
                .body("rooms.name", contains("Theater"))
                .body("sessions.sessionId", contains((int) released))
                .body("sessions.sessionId", not(hasItem((int) secret)))
                .body("sessions[0].roomId", equalTo((int) theater))
                .body("sessions[0].capacity", equalTo(100))
                .body("sessions[0].bookmarks", equalTo(1));
    }
}
