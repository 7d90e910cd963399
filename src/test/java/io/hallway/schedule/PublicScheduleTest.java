package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicScheduleTest {

    String slug;
    long theater;
    long flex;
    long security;
    long riley;
    long jordan;
    long malicious;
    long debug;
    long ebpf;

    @BeforeAll
    void an_event_with_two_rooms_and_a_few_talks() {
        slug = newEvent("public");
        theater = room(slug, "Theater", 120);
        flex = room(slug, "Flex Space", 40);
        security = track(slug, "Security");
        riley = speaker(slug, "Riley Sample");
        jordan = speaker(slug, "Jordan Placeholder");
        var maliciousTalk = talk("Malicious Compliance Automated", theater, "09:20", "09:50", riley);
        maliciousTalk.put("trackId", security);
        maliciousTalk.put("abstract", "Four thousand vulnerabilities and a deadline.");
        malicious = create(slug, maliciousTalk).getLong("id");
        debug = create(slug, talk("Debug Like a Pro", flex, "09:20", "09:50", jordan)).getLong("id");
        ebpf = create(slug, talk("Integrating eBPF superpowers", theater, "10:00", "10:30", jordan)).getLong("id");
        create(slug, session("break", "Coffee break", null, "10:30", "10:50"));
    }

    @Test
    void published_events_are_listed_and_drafts_are_not() {
        String draft = "draft-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", draft, "name", "Draft", "timeZone", ZONE, "startDate", DAY, "endDate", DAY))
                .post("/api/admin/events").then().statusCode(201);

        Api.anonymous().queryParam("size", 200).get("/api/events").then().statusCode(200)
                .body("items.slug", hasItem(slug))
                .body("items.slug", not(hasItem(draft)));
        Api.anonymous().get("/api/events/" + draft).then().statusCode(404);
        Api.anonymous().get("/api/events/" + draft + "/schedule").then().statusCode(404);
    }

    @Test
    void an_event_shows_its_time_zone_and_dates() {
        Api.anonymous().get("/api/events/" + slug).then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("timeZone", equalTo("America/Denver"))
                .body("startDate", equalTo(DAY))
                .body("durationLimits.talk", equalTo(30))
                .body("durationLimits.lightning-talk", equalTo(5));
    }

    @Test
    void the_snapshot_holds_rooms_tracks_speakers_and_sessions_with_offsets_of_the_event_zone() {
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("event.slug", equalTo(slug))
                .body("rooms.name", contains("Flex Space", "Theater"))
                .body("tracks.name", contains("Security"))
                .body("speakers.name", containsInAnyOrder("Riley Sample", "Jordan Placeholder"))
                .body("sessions", hasSize(4))
                .body("sessions.find { it.id == " + malicious + " }.startsAt", equalTo("2024-11-10T09:20:00-07:00"))
                .body("sessions.find { it.id == " + malicious + " }.endsAt", equalTo("2024-11-10T09:50:00-07:00"))
                .body("sessions.find { it.id == " + malicious + " }.trackId", equalTo((int) security))
                .body("sessions.find { it.kind == 'break' }.roomId", nullValue())
                .body("cursor", not(emptyOrNullString()));
    }

    @Test
    void sessions_filter_by_room_track_kind_day_and_text() {
        String sessions = "/api/events/" + slug + "/sessions";
        Api.anonymous().queryParam("room", theater).get(sessions).then().statusCode(200)
                .body("items.id", contains((int) malicious, (int) ebpf));
        Api.anonymous().queryParam("track", security).get(sessions).then().body("items.id", contains((int) malicious));
        Api.anonymous().queryParam("kind", "break").get(sessions).then().body("items.title", contains("Coffee break"));
        Api.anonymous().queryParam("day", DAY).get(sessions).then().body("totalItems", equalTo(4));
        Api.anonymous().queryParam("day", "2024-11-11").get(sessions).then().body("totalItems", equalTo(0));
        Api.anonymous().queryParam("q", "EBPF").get(sessions).then().body("items.id", contains((int) ebpf));
        Api.anonymous().queryParam("q", "four thousand").get(sessions).then().body("items.id", contains((int) malicious));
        Api.anonymous().queryParam("q", "jordan").get(sessions).then().body("items.id", contains((int) debug, (int) ebpf));
    }

    @Test
    void sessions_are_paged_with_a_capped_page_size() {
        String sessions = "/api/events/" + slug + "/sessions";
        Api.anonymous().queryParam("size", 3).queryParam("page", 1).get(sessions).then().statusCode(200)
                .body("items", hasSize(1)).body("page", equalTo(1)).body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2));
        Api.anonymous().queryParam("size", 1000).get(sessions).then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        Api.anonymous().queryParam("kind", "concert").get(sessions).then().statusCode(400);
    }

    @Test
    void one_session_speaker_and_the_rooms_can_be_read() {
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + debug).then().statusCode(200)
                .body("title", equalTo("Debug Like a Pro"))
                .body("speakers[0].name", equalTo("Jordan Placeholder"));
        Api.anonymous().get("/api/events/" + slug + "/sessions/999999").then().statusCode(404);
        Api.anonymous().get("/api/events/" + slug + "/speakers").then().statusCode(200).body("totalItems", equalTo(2));
        Api.anonymous().get("/api/events/" + slug + "/speakers/" + jordan).then().statusCode(200)
                .body("speaker.name", equalTo("Jordan Placeholder"))
                .body("sessions.title", contains("Debug Like a Pro", "Integrating eBPF superpowers"));
        Api.anonymous().get("/api/events/" + slug + "/speakers/999999").then().statusCode(404);
        Api.anonymous().get("/api/events/" + slug + "/rooms").then().statusCode(200)
                .body("items.name", contains("Flex Space", "Theater"))
                .body("items[1].capacity", equalTo(120));
    }

    @Test
    void now_shows_the_running_and_next_session_of_each_room_at_any_moment() {
        Api.anonymous().queryParam("at", at("09:30")).get("/api/events/" + slug + "/now").then().statusCode(200)
                .body("find { it.room.name == 'Theater' }.current.id", equalTo((int) malicious))
                .body("find { it.room.name == 'Theater' }.next.id", equalTo((int) ebpf))
                .body("find { it.room.name == 'Flex Space' }.current.id", equalTo((int) debug))
                .body("find { it.room.name == 'Flex Space' }.next", nullValue());
        // At the very minute a talk ends, it is over and the next has not started.
        Api.anonymous().queryParam("at", "2024-11-10T16:50:00Z").get("/api/events/" + slug + "/now").then()
                .body("find { it.room.name == 'Theater' }.current", nullValue())
                .body("find { it.room.name == 'Theater' }.next.id", equalTo((int) ebpf));
        Api.anonymous().queryParam("at", "yesterday").get("/api/events/" + slug + "/now").then().statusCode(400);
    }

    @Test
    void a_summer_event_shows_daylight_saving_offsets() {
        String summer = "summer-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", summer, "name", "Summer", "timeZone", "Europe/Paris",
                "startDate", "2025-07-01", "endDate", "2025-07-01", "published", true))
                .post("/api/admin/events").then().statusCode(201);
        long hall = room(summer, "Hall", null);
        Api.organizer().body(Map.of("kind", "talk", "title", "Sent in UTC", "roomId", hall,
                "startsAt", "2025-07-01T08:00:00Z", "endsAt", "2025-07-01T08:30:00Z"))
                .post("/api/admin/events/" + summer + "/sessions").then().statusCode(201)
                .body("startsAt", equalTo("2025-07-01T10:00:00+02:00"));
        Api.anonymous().get("/api/events/" + summer + "/schedule").then()
                .body("sessions[0].startsAt", equalTo("2025-07-01T10:00:00+02:00"));
    }

    @Test
    void an_unknown_event_is_a_404_problem() {
        Api.anonymous().get("/api/events/no-such-event/sessions").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
