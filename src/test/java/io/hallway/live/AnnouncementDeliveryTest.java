package io.hallway.live;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.AgendaFixtures.cursor;
import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.ScheduleFixtures.at;
import static io.hallway.testing.ScheduleFixtures.block;
import static io.hallway.testing.ScheduleFixtures.create;
import static io.hallway.testing.ScheduleFixtures.lightningTalk;
import static io.hallway.testing.ScheduleFixtures.newEvent;
import static io.hallway.testing.ScheduleFixtures.roomOnLevel;
import static io.hallway.testing.ScheduleFixtures.talk;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.LiveFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Announcements in the live document while they show, and in the change feed of the people they are for. The day:
 * the Theater (ground floor) has a talk 14:00-14:30 and a lightning block 15:00-15:10; the Flex space (downstairs)
 * a talk 14:00-14:30. hana follows the Theater talk, hugo the Flex talk, edith the block, and ada (the attendee)
 * only the block's first talk.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnouncementDeliveryTest {

    private record Day(String slug, long theater, long flex, long theaterTalk, long flexTalk, long block, long spark) {
    }

    /** A request of this person's; each call a fresh one, as a request keeps the parameters it was given. */
    private static RequestSpecification as(String user) {
        return Api.as(Tokens.of(user));
    }

    private static Day day() {
        String slug = newEvent("announce-day");
        long theater = roomOnLevel(slug, "Theater", "Ground floor");
        long flex = roomOnLevel(slug, "Flex space", "Downstairs");
        long theaterTalk = create(slug, talk("Theater talk", theater, "14:00", "14:30")).getLong("id");
        long flexTalk = create(slug, talk("Flex talk", flex, "14:00", "14:30")).getLong("id");
        long block = block(slug, "Lightning", theater, "15:00", "15:10");
        long spark = lightningTalk(slug, block, "Spark");
        bookmark(as("hana"), slug, theaterTalk);
        bookmark(as("hugo"), slug, flexTalk);
        as("edith").put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        bookmark(Api.attendee(), slug, spark);
        return new Day(slug, theater, flex, theaterTalk, flexTalk, block, spark);
    }

    @Test
    void one_for_everyone_shows_in_the_live_document_at_once_and_reaches_everyone_with_an_agenda() {
        Day day = day();
        String since = cursor(day.slug());
        clockAt("14:10");
        String before = live(day).extract().header("ETag");

        post(day, Map.of("kind", "everyone"), "Lunch is served", null, at("15:00"));

        String after = live(day).body("announcements.title", contains("Lunch is served"))
                .body("announcements[0].audience.kind", is("everyone"))
                .body("announcements[0].startsAt", is(at("14:10")))
                .body("announcements[0].endsAt", is(at("15:00"))).extract().header("ETag");
        assertNotEquals(before, after);
        Api.anonymous().header("If-None-Match", after).get("/api/events/" + day.slug() + "/live").then().statusCode(304);
        for (String person : new String[] { "hana", "hugo", "edith", "ada" }) {
            changes(as(person), day, since).body("changes.kind", contains("announcement"))
                    .body("changes[0].sessionId", nullValue())
                    .body("changes[0].before", nullValue())
                    .body("changes[0].announcement.title", is("Lunch is served"))
                    .body("changes[0].announcement.severity", is("info"))
                    .body("changes[0].announcement.startsAt", is(at("14:10")));
        }
        // No agenda in this event, nobody to tell; the live document still shows it to them.
        changes(Api.otherAttendee(), day, since).body("changes", empty());
    }

    @Test
    void one_posted_for_now_by_the_servers_own_clock_reaches_the_feeds_as_it_is_posted_and_keeps_its_version() {
        Day day = day();
        String since = cursor(day.slug());
        String inAnHour = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();

        long id = post(day, Map.of("kind", "everyone"), "Doors open", null, inAnHour);

        changes(as("hana"), day, since).body("changes.announcement.title", contains("Doors open"));
        // Reaching the feeds is not a change the poster has to read again before correcting it.
        Api.organizer().get("/api/admin/events/" + day.slug() + "/announcements/" + id).then().statusCode(200)
                .header("ETag", is("\"0\""));
    }

    @Test
    void one_for_a_room_reaches_who_bookmarked_a_session_there_while_it_shows() {
        Day day = day();
        String since = cursor(day.slug());
        clockAt("14:10");

        post(day, Map.of("kind", "room", "roomId", day.theater()), "Theater mic is out", null, at("14:40"));

        changes(as("hana"), day, since).body("changes.announcement.title", contains("Theater mic is out"));
        // The block starts after the announcement ends; the Flex space is another room.
        changes(as("edith"), day, since).body("changes", empty());
        changes(Api.attendee(), day, since).body("changes", empty());
        changes(as("hugo"), day, since).body("changes", empty());
    }

    @Test
    void one_for_a_room_reaches_who_bookmarked_a_session_there_by_its_expected_times_when_the_room_runs_late() {
        Day day = day();
        String since = cursor(day.slug());
        clockAt("14:10");
        // The Theater talk runs 40 minutes late: 14:40-15:10; the lightning block follows it, 15:10-15:20.
        LiveFixtures.runningLate(Api.organizer(), day.slug(), day.theater(), 40).statusCode(200);
        post(day, Map.of("kind", "room", "roomId", day.theater()), "Theater doors stay shut", at("15:00"), at("15:05"));

        clockAt("15:00");
        deliverStarted();

        // By the plan the block would be on now and the talk long over; in the room it is the other way round.
        String announced = "changes.findAll { it.kind == 'announcement' }.announcement.title";
        changes(as("hana"), day, since).body(announced, contains("Theater doors stay shut"));
        changes(as("edith"), day, since).body(announced, empty());
        changes(Api.attendee(), day, since).body(announced, empty());
    }

    @Test
    void one_for_a_level_reaches_the_people_of_its_rooms_and_one_for_a_session_its_followers_and_its_blocks() {
        Day day = day();
        String since = cursor(day.slug());
        clockAt("14:10");

        post(day, Map.of("kind", "level", "level", "Downstairs"), "Downstairs is cold", null, at("16:00"));
        post(day, Map.of("kind", "session", "sessionId", day.spark()), "Spark moved up", null, at("16:00"));

        changes(as("hugo"), day, since).body("changes.announcement.title", contains("Downstairs is cold"));
        changes(as("edith"), day, since).body("changes.announcement.title", contains("Spark moved up"));
        changes(Api.attendee(), day, since).body("changes.announcement.title", contains("Spark moved up"));
        changes(as("hana"), day, since).body("changes", empty());
    }

    @Test
    void one_for_later_waits_for_its_start_then_leaves_at_its_end_or_when_withdrawn() {
        Day day = day();
        String since = cursor(day.slug());
        clockAt("14:10");
        long later = post(day, Map.of("kind", "everyone"), "Raffle at 14:30", at("14:30"), at("14:45"));
        long withdrawn = post(day, Map.of("kind", "everyone"), "Photo at 14:30", at("14:30"), at("16:00"));

        deliverStarted();
        live(day).body("announcements", empty());
        changes(as("hana"), day, since).body("changes", empty());

        clockAt("14:31");
        deliverStarted();
        live(day).body("announcements.title", contains("Photo at 14:30", "Raffle at 14:30"));
        changes(as("hana"), day, since).body("changes.announcement.id", contains((int) later, (int) withdrawn));
        deliverStarted();
        changes(as("hana"), day, since).body("changes.size()", is(2));

        Api.organizer().delete("/api/admin/events/" + day.slug() + "/announcements/" + withdrawn).then().statusCode(204);
        live(day).body("announcements.title", contains("Raffle at 14:30"));
        clockAt("14:45");
        live(day).body("announcements", empty());
        // What the feed carried stays there.
        changes(as("hana"), day, since).body("changes.size()", is(2));
    }

    @Test
    void a_correction_that_widens_the_audience_reaches_those_newly_in_it_once_and_one_that_narrows_it_takes_nothing_back() {
        Day day = day();
        String since = cursor(day.slug());
        clockAt("14:10");
        long id = post(day, Map.of("kind", "room", "roomId", day.theater()), "Theater mic is out", null, at("14:40"));

        correct(day, id, 0, Map.of("kind", "everyone"), "Every mic is out", at("14:10"), at("16:00"));

        // hana had it already and keeps what she had; the others are new to it and get it as corrected.
        changes(as("hana"), day, since).body("changes.announcement.title", contains("Theater mic is out"));
        for (RequestSpecification newcomer : new RequestSpecification[] { as("hugo"), as("edith"), Api.attendee() }) {
            changes(newcomer, day, since).body("changes.announcement.title", contains("Every mic is out"));
        }

        // Corrected again for the same people, and then for the Flex space only: nobody gets it twice, nobody loses it.
        correct(day, id, 1, Map.of("kind", "everyone"), "Every mic is out, back at 15:00", at("14:10"), at("16:00"));
        correct(day, id, 2, Map.of("kind", "room", "roomId", day.flex()), "Flex mic is out", at("14:10"), at("16:00"));
        changes(as("hana"), day, since).body("changes.announcement.title", contains("Theater mic is out"));
        for (RequestSpecification newcomer : new RequestSpecification[] { as("hugo"), as("edith"), Api.attendee() }) {
            changes(newcomer, day, since).body("changes.announcement.title", contains("Every mic is out"));
        }
    }

    @Test
    void the_announcements_and_delays_that_reached_me_are_in_my_export_and_go_with_my_erasure() {
        Day day = day();
        clockAt("14:10");
        post(day, Map.of("kind", "everyone"), "Lunch is served", null, at("15:00"));
        // The Theater talk overruns by 40 minutes: edith's block moves from 15:00 to 15:10.
        LiveFixtures.runningLate(Api.organizer(), day.slug(), day.theater(), 40).statusCode(200);

        as("edith").get("/api/events/" + day.slug() + "/me/export").then().statusCode(200)
                .body("agenda.changes.kind", contains("announcement", "delay"))
                .body("agenda.changes[0].announcement.title", is("Lunch is served"))
                .body("agenda.changes[1].delay.expectedStartsAt", is(at("15:10")));
        as("edith").delete("/api/events/" + day.slug() + "/me").then().statusCode(204);

        Db db = new Db(Arc.container().instance(DataSource.class).get());
        assertEquals(0, db.count("select count(*) from agenda_change where user_id = ?",
                TeamFixtures.userId(Tokens.of("edith"))));
        // Nobody else's entries went with them.
        assertEquals(1, db.count("select count(*) from agenda_change where user_id = ? and kind = 'announcement'",
                TeamFixtures.userId(Tokens.of("hana"))));
    }

    private static long post(Day day, Map<String, Object> audience, String title, String startsAt, String endsAt) {
        return Api.organizer().body(announcement(audience, title, startsAt, endsAt))
                .post("/api/admin/events/" + day.slug() + "/announcements").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static void correct(Day day, long id, long version, Map<String, Object> audience, String title,
            String startsAt, String endsAt) {
        Api.organizer().header("If-Match", "\"" + version + "\"").body(announcement(audience, title, startsAt, endsAt))
                .put("/api/admin/events/" + day.slug() + "/announcements/" + id).then().statusCode(200);
    }

    private static Map<String, Object> announcement(Map<String, Object> audience, String title, String startsAt,
            String endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", "Details at the front desk.");
        body.put("severity", "info");
        body.put("audience", audience);
        if (startsAt != null) {
            body.put("startsAt", startsAt);
        }
        body.put("endsAt", endsAt);
        return body;
    }

    private static ValidatableResponse live(Day day) {
        return Api.anonymous().get("/api/events/" + day.slug() + "/live").then().statusCode(200);
    }

    private static ValidatableResponse changes(RequestSpecification who, Day day, String since) {
        return who.queryParam("since", since).get("/api/events/" + day.slug() + "/agenda/changes").then()
                .statusCode(200);
    }

    private static void deliverStarted() {
        Arc.container().instance(AnnouncementDelivery.class).get().deliverStarted();
    }
}
