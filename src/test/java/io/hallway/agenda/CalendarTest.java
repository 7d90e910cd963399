package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CalendarTest {

    /** hallway.public-base-url in the test profile. */
    private static final String BASE = "http://localhost:8080";

    @Test
    void the_event_calendar_parses_back_with_stable_uids_growing_sequences_and_the_event_time_zone() {
        String slug = newEvent("ics");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long grace = speaker(slug, "Grace");
        var created = create(slug, talk("Keeping time", theater, "09:00", "09:30", grace));
        long id = created.getLong("id");
        String guid = created.getString("guid");
        create(slug, talk("Second", flex, "10:00", "10:30"));

        ICalendar first = fetch("/api/events/" + slug + "/schedule.ics");
        assertEquals(2, first.getEvents().size());
        VEvent before = byUid(first, guid);
        assertEquals("Keeping time", before.getSummary().getValue());
        assertEquals("Theater", before.getLocation().getValue());
        assertEquals(instant("09:00"), before.getDateStart().getValue().toInstant());
        assertEquals(instant("09:30"), before.getDateEnd().getValue().toInstant());
        assertEquals(BASE + "/api/events/" + slug + "/sessions/" + id, before.getUrl().getValue());
        assertNotNull(before.getDateTimeStamp());
        assertEquals("CONFIRMED", before.getStatus().getValue());
        TimezoneAssignment zone = first.getTimezoneInfo().getTimezone(before.getDateStart());
        assertNotNull(zone, "DTSTART carries a TZID defined by a VTIMEZONE");
        assertEquals("America/Denver", zone.getComponent().getTimezoneId().getValue());
        // The VTIMEZONE itself says Denver is at -07:00 on the event day: 09:00 local is 16:00 UTC.
        assertEquals(-7 * 3600_000, zone.getTimeZone().getOffset(before.getDateStart().getValue().getTime()));

        updateSession(slug, id, Map.of("roomId", flex, "startsAt", at("11:00"), "endsAt", at("11:30")));
        updateSession(slug, id, Map.of("status", "cancelled"));

        VEvent after = byUid(fetch("/api/events/" + slug + "/schedule.ics"), guid);
        assertTrue(after.getSequence().getValue() > before.getSequence().getValue(), "SEQUENCE grows");
        assertEquals("Flex Space", after.getLocation().getValue());
        assertEquals(instant("11:00"), after.getDateStart().getValue().toInstant());
        assertEquals("CANCELLED", after.getStatus().getValue());
    }

    @Test
    void one_session_is_its_own_calendar_file() {
        String slug = newEvent("ics-one");
        long theater = room(slug, "Theater", 120);
        var created = create(slug, talk("Alone", theater, "09:00", "09:30"));

        ICalendar calendar = fetch("/api/events/" + slug + "/sessions/" + created.getLong("id") + ".ics");
        assertEquals(1, calendar.getEvents().size());
        assertEquals(created.getString("guid"), calendar.getEvents().get(0).getUid().getValue());
        Api.anonymous().get("/api/events/" + slug + "/sessions/999999999.ics").then().statusCode(404);
        // The JSON session next to it still answers.
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + created.getLong("id")).then().statusCode(200)
                .body("title", equalTo("Alone"));
    }

    @Test
    void my_calendar_link_follows_my_bookmarks_and_the_schedule_until_i_revoke_it() {
        String slug = newEvent("ics-mine");
        long theater = room(slug, "Theater", 120);
        var kept = create(slug, talk("Kept", theater, "09:00", "09:30"));
        var dropped = create(slug, talk("Dropped later", theater, "10:00", "10:30"));
        create(slug, talk("Never bookmarked", theater, "11:00", "11:30"));
        long block = block(slug, "Lightning", theater, "13:00", "13:10");
        lightningTalk(slug, block, "Spark");
        bookmark(Api.attendee(), slug, kept.getLong("id"));
        bookmark(Api.attendee(), slug, dropped.getLong("id"));
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);

        Api.anonymous().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(401);
        String url = Api.attendee().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .header("Location", not(emptyOrNullString())).extract().jsonPath().getString("url");
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertTrue(token.length() >= 43, "at least 256 bits, base64url");
        String path = "/api/calendar-feeds/" + token + ".ics";

        ICalendar mine = fetch(path);
        assertEquals(List.of("Dropped later", "Kept", "Lightning"), titles(mine));

        updateSession(slug, dropped.getLong("id"), Map.of("status", "cancelled"));
        Api.attendee().delete("/api/events/" + slug + "/agenda/sessions/" + kept.getLong("id")).then().statusCode(204);
        ICalendar later = fetch(path);
        assertEquals(List.of("Dropped later", "Lightning"), titles(later));
        assertEquals("CANCELLED", byUid(later, dropped.getString("guid")).getStatus().getValue());

        // A new link replaces the old one; revoking ends the feed.
        String second = Api.attendee().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .extract().jsonPath().getString("url");
        Api.anonymous().get(path).then().statusCode(404);
        String secondPath = "/api/calendar-feeds/" + second.substring(second.lastIndexOf('/') + 1);
        Api.anonymous().get(secondPath).then().statusCode(200);
        Api.attendee().delete("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(204);
        Api.anonymous().get(secondPath).then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().get("/api/calendar-feeds/not-a-real-token.ics").then().statusCode(404);
    }

    @Test
    void calendar_links_hang_under_the_configured_base_url_whatever_host_the_request_names() {
        String slug = newEvent("ics-host");
        long theater = room(slug, "Theater", 120);
        long id = create(slug, talk("Anywhere", theater, "09:00", "09:30")).getLong("id");
        bookmark(Api.attendee(), slug, id);
        String sessionUrl = BASE + "/api/events/" + slug + "/sessions/" + id;

        String link = Api.attendee().header("Host", "attacker.example").header("X-Forwarded-Host", "attacker.example")
                .post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .header("Location", startsWith(BASE + "/api/calendar-feeds/")).extract().jsonPath().getString("url");
        assertTrue(link.startsWith(BASE + "/api/calendar-feeds/"), link);

        for (String path : List.of("/api/events/" + slug + "/schedule.ics", "/api/events/" + slug + "/sessions/" + id + ".ics",
                link.substring(BASE.length()))) {
            String text = Api.anonymous().header("Host", "attacker.example").get(path).then().statusCode(200)
                    .extract().asString();
            assertEquals(sessionUrl, Biweekly.parse(text).first().getEvents().get(0).getUrl().getValue(), path);
        }
    }

    @Test
    void the_event_calendar_is_not_modified_for_its_etag_until_the_schedule_changes() {
        String slug = newEvent("ics-etag");
        long theater = room(slug, "Theater", 120);
        long id = create(slug, talk("Cached", theater, "09:00", "09:30")).getLong("id");
        String path = "/api/events/" + slug + "/schedule.ics";

        String etag = Api.anonymous().get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=900")).extract().header("ETag");
        assertNotNull(etag);
        Api.anonymous().header("If-None-Match", etag).get(path).then().statusCode(304)
                .header("ETag", equalTo(etag)).body(emptyString());

        updateSession(slug, id, Map.of("title", "Cached, renamed"));
        String changed = Api.anonymous().header("If-None-Match", etag).get(path).then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(etag, changed);
        assertEquals("Cached, renamed", Biweekly.parse(Api.anonymous().header("If-None-Match", etag).get(path).then()
                .statusCode(200).extract().asString()).first().getEvents().get(0).getSummary().getValue());
    }

    @Test
    void the_event_calendar_is_gzipped_for_clients_that_accept_it_with_an_etag_of_its_own() {
        String slug = newEvent("ics-gzip");
        long theater = room(slug, "Theater", 120);
        create(slug, talk("Compressed", theater, "09:00", "09:30"));
        String path = "/api/events/" + slug + "/schedule.ics";

        String gzipped = Api.anonymous().header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"))
                .extract().header("ETag");
        String plain = Api.anonymous().header("Accept-Encoding", "identity").get(path).then().statusCode(200)
                .header("Content-Encoding", nullValue()).extract().header("ETag");
        assertNotEquals(gzipped, plain, "a strong ETag differs per content coding");
        Api.anonymous().header("Accept-Encoding", "identity").header("If-None-Match", gzipped).get(path).then()
                .statusCode(304);
    }

    @Test
    void one_session_calendar_is_not_modified_for_its_etag_until_the_schedule_changes() {
        String slug = newEvent("ics-one-etag");
        long theater = room(slug, "Theater", 120);
        long id = create(slug, talk("Alone, cached", theater, "09:00", "09:30")).getLong("id");
        long other = create(slug, talk("Next door", theater, "10:00", "10:30")).getLong("id");
        String path = "/api/events/" + slug + "/sessions/" + id + ".ics";

        String etag = Api.anonymous().get(path).then().statusCode(200).extract().header("ETag");
        String otherEtag = Api.anonymous().get("/api/events/" + slug + "/sessions/" + other + ".ics").then()
                .statusCode(200).extract().header("ETag");
        assertNotEquals(etag, otherEtag, "each session's calendar has its own tag");
        Api.anonymous().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", equalTo(etag));

        updateSession(slug, id, Map.of("status", "cancelled"));
        String text = Api.anonymous().header("If-None-Match", etag).get(path).then().statusCode(200)
                .header("ETag", not(equalTo(etag))).extract().asString();
        assertEquals("CANCELLED", Biweekly.parse(text).first().getEvents().get(0).getStatus().getValue());
    }

    @Test
    void my_calendar_feed_etag_changes_with_my_bookmarks_and_with_the_schedule() {
        String slug = newEvent("ics-mine-etag");
        long theater = room(slug, "Theater", 120);
        long first = create(slug, talk("First", theater, "09:00", "09:30")).getLong("id");
        long second = create(slug, talk("Second", theater, "10:00", "10:30")).getLong("id");
        bookmark(Api.attendee(), slug, first);
        String url = Api.attendee().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .extract().jsonPath().getString("url");
        String path = url.substring(BASE.length());

        String etag = Api.anonymous().get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=900")).extract().header("ETag");
        assertNotNull(etag);
        Api.anonymous().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", equalTo(etag))
                .body(emptyString());

        bookmark(Api.attendee(), slug, second);
        String afterBookmark = Api.anonymous().header("If-None-Match", etag).get(path).then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(etag, afterBookmark);
        assertEquals(List.of("First", "Second"), titles(fetch(path)));

        create(slug, talk("Not mine", theater, "11:00", "11:30"));
        String afterChange = Api.anonymous().header("If-None-Match", afterBookmark).get(path).then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(afterBookmark, afterChange);
        Api.anonymous().header("If-None-Match", afterChange).get(path).then().statusCode(304);

        // Another person's feed of the same schedule is tagged apart from mine.
        String theirs = Api.otherAttendee().post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201)
                .extract().jsonPath().getString("url");
        Api.anonymous().header("If-None-Match", afterChange).get(theirs.substring(BASE.length())).then().statusCode(200);
    }

    private static ICalendar fetch(String path) {
        String text = Api.anonymous().get(path).then().statusCode(200).contentType(startsWith("text/calendar"))
                .extract().asString();
        ICalendar calendar = Biweekly.parse(text).first();
        assertNotNull(calendar, "a parsable iCalendar document");
        return calendar;
    }

    private static VEvent byUid(ICalendar calendar, String uid) {
        return calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).findFirst().orElseThrow();
    }

    private static List<String> titles(ICalendar calendar) {
        return calendar.getEvents().stream().map(e -> e.getSummary().getValue()).sorted().toList();
    }

    private static Instant instant(String clock) {
        return OffsetDateTime.parse(at(clock)).toInstant();
    }
}
