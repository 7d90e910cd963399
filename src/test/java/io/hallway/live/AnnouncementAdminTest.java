package io.hallway.live;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.hallway.team.EventRole;
import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Posting, correcting and withdrawing announcements, and what each caller may address. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnouncementAdminTest {

    String slug;
    String admin;
    long theater;
    long flex;
    long talk;

    @BeforeAll
    void an_event_with_two_rooms_on_two_levels_and_a_host_of_one() {
        slug = ScheduleFixtures.newEvent("announce");
        admin = "/api/admin/events/" + slug + "/announcements";
        theater = ScheduleFixtures.roomOnLevel(slug, "Theater", "Ground floor");
        flex = ScheduleFixtures.roomOnLevel(slug, "Flex space", "Downstairs");
        talk = ScheduleFixtures.create(slug, ScheduleFixtures.talk("Opening", theater, "09:00", "09:30")).getLong("id");
        TeamFixtures.join(slug, Tokens.of("hugo"), EventRole.HOST, List.of(flex));
    }

    @Test
    void an_organizer_posts_an_announcement_to_everyone_and_reads_it_back_in_the_event_zone() {
        Map<String, Object> body = announcement(Map.of("kind", "everyone"));
        OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", startsAt.plusHours(1).toString());
        String location = Api.organizer().body(body).post(admin).then().statusCode(201)
                .body("title", equalTo("Coffee is ready")).body("severity", equalTo("info"))
                .body("audience.kind", equalTo("everyone")).body("startsAt", equalTo(startsAt.atZoneSameInstant(ZoneId.of(ScheduleFixtures.ZONE))
                        .toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .extract().header("Location");
        Api.organizer().get(location).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("body", equalTo("In the flex space, downstairs."));
    }

    @Test
    void each_audience_names_exactly_one_thing_of_this_event() {
        refused(Map.of("kind", "room"), "audience.roomId", "is required for the audience room");
        refused(Map.of("kind", "everyone", "roomId", theater), "audience.roomId", "does not go with the audience everyone");
        refused(Map.of("kind", "room", "roomId", 999_999_999L), "audience.roomId", "no room 999999999 in this event");
        refused(Map.of("kind", "session", "sessionId", 999_999_999L), "audience.sessionId", "no session");
        refused(Map.of("kind", "level", "level", "Roof"), "audience.level",
                "must be a level of this event's rooms: Downstairs, Ground floor");
        refused(Map.of("kind", "crowd"), "audience.kind", "must be one of everyone, room, level, session");
        Api.organizer().body(announcement(Map.of("kind", "level", "level", "Downstairs"))).post(admin).then()
                .statusCode(201).body("audience.level", equalTo("Downstairs"));
        Api.organizer().body(announcement(Map.of("kind", "session", "sessionId", talk))).post(admin).then()
                .statusCode(201).body("audience.sessionId", equalTo((int) talk));
    }

    @Test
    void its_time_window_must_end_after_it_starts_in_the_future_and_within_two_weeks() {
        Map<String, Object> backwards = announcement(Map.of("kind", "everyone"));
        backwards.put("startsAt", inHours(5));
        backwards.put("endsAt", inHours(4));
        invalid(backwards, "endsAt", "must be after startsAt");
        Map<String, Object> over = announcement(Map.of("kind", "everyone"));
        over.put("startsAt", "2020-01-01T10:00:00Z");
        over.put("endsAt", "2020-01-01T11:00:00Z");
        invalid(over, "endsAt", "must be in the future; withdraw an announcement to end it now");
        Map<String, Object> long_ = announcement(Map.of("kind", "everyone"));
        long_.put("endsAt", inHours(15 * 24));
        invalid(long_, "endsAt", "must be at most 14 days after startsAt");
        Map<String, Object> blank = announcement(Map.of("kind", "everyone"));
        blank.put("title", " ");
        blank.put("body", "x".repeat(2001));
        Api.organizer().body(blank).post(admin).then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("title", "body"));
    }

    @Test
    void a_host_of_some_rooms_addresses_only_their_people_and_changes_only_their_announcements() {
        var hugo = Api.as(Tokens.of("hugo"));
        hugo.body(announcement(Map.of("kind", "room", "roomId", flex))).post(admin).then().statusCode(201);
        hugo.body(announcement(Map.of("kind", "room", "roomId", theater))).post(admin).then().statusCode(403)
                .body("detail", equalTo("You host other rooms of this event."));
        hugo.body(announcement(Map.of("kind", "everyone"))).post(admin).then().statusCode(403);
        hugo.body(announcement(Map.of("kind", "session", "sessionId", talk))).post(admin).then().statusCode(403);
        long theirs = Api.organizer().body(announcement(Map.of("kind", "room", "roomId", theater))).post(admin).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        hugo.delete(admin + "/" + theirs).then().statusCode(403);
        Api.organizer().get(admin + "/" + theirs).then().statusCode(200);
    }

    @Test
    void a_correction_needs_the_version_read_and_a_withdrawal_takes_it_away() {
        long id = Api.organizer().body(announcement(Map.of("kind", "everyone"))).post(admin).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> corrected = announcement(Map.of("kind", "everyone"));
        corrected.put("title", "Coffee is gone");
        Api.organizer().body(corrected).put(admin + "/" + id).then().statusCode(428);
        Api.organizer().header("If-Match", "\"7\"").body(corrected).put(admin + "/" + id).then().statusCode(409);
        Api.organizer().get(admin + "/" + id).then().body("title", equalTo("Coffee is ready"));
        Api.organizer().header("If-Match", "\"0\"").body(corrected).put(admin + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("title", equalTo("Coffee is gone"));
        Api.organizer().delete(admin + "/" + id).then().statusCode(204);
        Api.organizer().get(admin + "/" + id).then().statusCode(404);
    }

    @Test
    void every_post_correction_and_withdrawal_is_in_the_audit_log() {
        long id = Api.organizer().body(announcement(Map.of("kind", "everyone"))).post(admin).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.organizer().header("If-Match", "\"0\"").body(announcement(Map.of("kind", "everyone")))
                .put(admin + "/" + id).then().statusCode(200);
        Api.organizer().delete(admin + "/" + id).then().statusCode(204);
        List<String> actions = Api.organizer().queryParam("resource", "announcement").queryParam("size", 100)
                .get("/api/admin/events/" + slug + "/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.resourceId == " + id + " }.action");
        assertEquals(List.of("delete", "update", "create"), actions);
    }

    @Test
    void attendees_and_strangers_cannot_post() {
        Api.anonymous().body(announcement(Map.of("kind", "everyone"))).post(admin).then().statusCode(401);
        Api.attendee().body(announcement(Map.of("kind", "everyone"))).post(admin).then().statusCode(404);
    }

    private void refused(Map<String, Object> audience, String field, String message) {
        invalid(announcement(audience), field, message);
    }

    private void invalid(Map<String, Object> body, String field, String message) {
        int before = Api.organizer().get(admin).then().extract().jsonPath().getInt("totalItems");
        Api.organizer().body(body).post(admin).then().statusCode(400).body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(message));
        assertEquals(before, Api.organizer().get(admin).then().extract().jsonPath().getInt("totalItems"));
    }

    private static Map<String, Object> announcement(Map<String, Object> audience) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Coffee is ready");
        body.put("body", "In the flex space, downstairs.");
        body.put("severity", "info");
        body.put("audience", audience);
        body.put("endsAt", inHours(2));
        return body;
    }

    private static String inHours(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(hours).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
