package io.hallway.schedule;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Releasing the draft: one new public version, one delta, one feed entry per changed session; and the changelog. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReleaseTest {

    @Test
    void a_release_bumps_the_etag_once_with_one_delta_and_one_feed_entry_per_changed_bookmarked_session() {
        String slug = newEvent("release");
        long theater = room(slug, "Theater", 100);
        long flex = room(slug, "Flex Space", 40);
        long moved = create(slug, talk("Moved twice", theater, "09:00", "09:30")).getLong("id");
        long cancelled = create(slug, talk("Called off", theater, "10:00", "10:30")).getLong("id");
        long deleted = create(slug, talk("Deleted", flex, "09:00", "09:30")).getLong("id");
        long retitled = create(slug, talk("Old title", flex, "10:00", "10:30")).getLong("id");
        long notMine = create(slug, talk("Not bookmarked", flex, "11:00", "11:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        for (long id : new long[] { moved, cancelled, deleted, retitled }) {
            bookmark(Api.attendee(), slug, id);
        }
        var before = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract();
        String etag = before.header("ETag");
        String cursor = before.jsonPath().getString("cursor");

        updateSession(slug, moved, Map.of("startsAt", at("11:00"), "endsAt", at("11:30")));
        updateSession(slug, moved, Map.of("startsAt", at("12:00"), "endsAt", at("12:30"), "roomId", flex));
        updateSession(slug, cancelled, Map.of("status", "cancelled"));
        deleteSession(slug, deleted);
        updateSession(slug, retitled, Map.of("title", "New title"));
        updateSession(slug, notMine, Map.of("startsAt", at("13:00"), "endsAt", at("13:30")));
        long added = create(slug, talk("Added", theater, "14:00", "14:30")).getLong("id");
        long draftVersion = Api.organizer().get("/api/admin/events/" + slug + "/schedule/draft").then().statusCode(200)
                .extract().jsonPath().getLong("scheduleVersion");
        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then().statusCode(304);
        // The draft's deletion keeps the bookmark: the agenda still shows the released schedule.
        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items.id", hasItem((int) deleted));

        release(slug, "v2", "Moved the opening talk to the afternoon.").statusCode(201)
                .header("Location", endsWith("/api/events/" + slug + "/releases/v2"))
                .body("name", equalTo("v2"))
                .body("comment", equalTo("Moved the opening talk to the afternoon."))
                .body("scheduleVersion", equalTo((int) draftVersion))
                .body("releasedAt", endsWith("-07:00"))
                .body("sessions.added", equalTo(1)).body("sessions.moved", equalTo(2))
                .body("sessions.cancelled", equalTo(1)).body("sessions.removed", equalTo(1));

        var after = Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then()
                .statusCode(200).extract();
        assertNotEquals(etag, after.header("ETag"));
        JsonPath schedule = after.jsonPath();
        assertEquals(draftVersion, schedule.getLong("scheduleVersion"));
        assertEquals(at("12:00"), schedule.getString("sessions.find { it.id == " + moved + " }.startsAt"));
        Api.anonymous().header("If-None-Match", after.header("ETag")).get("/api/events/" + slug + "/schedule").then()
                .statusCode(304);

        // One delta for the whole release, from the last release's cursor to this one.
        Api.anonymous().queryParam("since", cursor).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200)
                .body("scheduleVersion", equalTo((int) draftVersion))
                .body("cursor", equalTo(schedule.getString("cursor")))
                .body("sessions.id", containsInAnyOrder((int) moved, (int) cancelled, (int) retitled, (int) notMine,
                        (int) added))
                .body("sessions.find { it.id == " + moved + " }.roomId", equalTo((int) flex))
                .body("deleted", contains(Map.of("kind", "session", "id", (int) deleted)))
                .body("rooms", empty()).body("speakers", empty());
        Api.anonymous().queryParam("since", schedule.getString("cursor")).get("/api/events/" + slug + "/schedule/changes")
                .then().statusCode(200).body("sessions", empty()).body("deleted", empty());

        // One entry per changed bookmarked session, however many edits the draft saw.
        Api.attendee().queryParam("since", cursor).get("/api/events/" + slug + "/agenda/changes").then()
                .statusCode(200)
                .body("cursor", equalTo(schedule.getString("cursor")))
                .body("changes.sessionId", containsInAnyOrder((int) moved, (int) cancelled, (int) deleted))
                .body("changes.find { it.sessionId == " + deleted + " }.after", nullValue())
                .body("changes.revision", everyItem(equalTo((int) draftVersion)))
                .body("changes.find { it.sessionId == " + moved + " }.changes", contains("time", "room"))
                .body("changes.find { it.sessionId == " + moved + " }.before.startsAt", equalTo(at("09:00")))
                .body("changes.find { it.sessionId == " + moved + " }.after.startsAt", equalTo(at("12:00")))
                .body("changes.find { it.sessionId == " + cancelled + " }.changes", contains("cancelled"));
        Api.otherAttendee().queryParam("since", cursor).get("/api/events/" + slug + "/agenda/changes").then()
                .statusCode(200).body("changes", empty());
        // Once the removal is public, its bookmark goes.
        Api.attendee().get("/api/events/" + slug + "/agenda").then().statusCode(200)
                .body("items.id", not(hasItem((int) deleted)));
    }

    @Test
    void a_cursor_of_an_older_release_gets_the_difference_to_the_latest() {
        String slug = newEvent("older");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        String initial = cursor(slug);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        release(slug, "v1", null).statusCode(201);
        updateSession(slug, talk, Map.of("startsAt", at("09:00"), "endsAt", at("09:30")));
        long extra = create(slug, talk("Extra", theater, "11:00", "11:30")).getLong("id");
        release(slug, "v2", null).statusCode(201);

        JsonPath latest = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().jsonPath();
        // The talk moved and moved back: from the initial release it is as it was, but its version is not.
        Api.anonymous().queryParam("since", initial).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200)
                .body("scheduleVersion", equalTo(latest.getInt("scheduleVersion")))
                .body("sessions.id", containsInAnyOrder((int) talk, (int) extra))
                .body("sessions.find { it.id == " + talk + " }", equalTo(latest.getMap("sessions.find { it.id == " + talk + " }")))
                .body("deleted", empty());
    }

    @Test
    void the_changelog_lists_releases_newest_first_and_says_what_each_changed() {
        String slug = newEvent("changelog");
        long theater = room(slug, "Theater", 100);
        long grace = speaker(slug, "Grace");
        long linus = speaker(slug, "Linus");
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30", grace)).getLong("id");
        long block = block(slug, "Lightning", theater, "10:00", "10:15");
        long lightning = lightningTalk(slug, block, "Five minutes");
        releaseMode(slug, "manual").statusCode(200);
        updateSession(slug, talk, Map.of("speakerIds", List.of(linus), "abstract", "Now with an abstract"));
        Api.organizer().get("/api/admin/events/" + slug + "/blocks/" + block).then().statusCode(200);
        JsonPath blockNow = Api.organizer().get("/api/admin/events/" + slug + "/blocks/" + block).then().extract().jsonPath();
        Api.organizer().body(Map.of("title", "Lightning", "roomId", theater, "startsAt", at("11:00"), "endsAt", at("11:15"),
                "version", blockNow.getLong("version"))).put("/api/admin/events/" + slug + "/blocks/" + block).then()
                .statusCode(200);
        release(slug, "final", "Lightning talks after the coffee.").statusCode(201);

        Api.anonymous().get("/api/events/" + slug + "/releases").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.name", contains("final", "initial"))
                .body("items[0].comment", equalTo("Lightning talks after the coffee."))
                .body("items[0].sessions.moved", equalTo(1))
                .body("items[0].sessions.added", equalTo(0))
                .body("items[1].sessions.added", equalTo(2));
        Api.anonymous().get("/api/events/" + slug + "/releases/final").then().statusCode(200)
                .body("name", equalTo("final"));

        Api.anonymous().get("/api/events/" + slug + "/releases/final/changes").then().statusCode(200)
                .body("release.name", equalTo("final"))
                .body("previous", equalTo("initial"))
                .body("sessions.sessionId", containsInAnyOrder((int) talk, (int) lightning))
                .body("sessions.find { it.sessionId == " + talk + " }.changes", contains("speakers", "details"))
                .body("sessions.find { it.sessionId == " + talk + " }.before.speakers.name", contains("Grace"))
                .body("sessions.find { it.sessionId == " + talk + " }.after.speakers.name", contains("Linus"))
                .body("sessions.find { it.sessionId == " + lightning + " }.changes", contains("time"))
                .body("sessions.find { it.sessionId == " + lightning + " }.after.startsAt", equalTo(at("11:00")));
        Api.anonymous().get("/api/events/" + slug + "/releases/initial/changes").then().statusCode(200)
                .body("previous", nullValue())
                .body("sessions.changes", everyItem(contains("added")))
                .body("sessions.before", everyItem(nullValue()));
        Api.anonymous().get("/api/events/" + slug + "/releases/v9/changes").then().statusCode(404)
                .body("type", equalTo("urn:hallway:problem:not-found"));
        Api.anonymous().get("/api/events/" + slug + "/releases/v9").then().statusCode(404);
    }

    @Test
    void refused_releases_change_nothing() {
        String slug = newEvent("refused");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30")).getLong("id");

        release(slug, "v1", null).statusCode(409).body("type", equalTo("urn:hallway:problem:not-in-manual-mode"));
        Api.anonymous().get("/api/events/" + slug + "/releases").then().statusCode(200).body("items", empty());

        releaseMode(slug, "manual").statusCode(200);
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract().header("ETag");
        release(slug, "v1", null).statusCode(409).body("type", equalTo("urn:hallway:problem:nothing-to-release"));
        // A change taken back is nothing to release either.
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        updateSession(slug, talk, Map.of("startsAt", at("09:00"), "endsAt", at("09:30")));
        release(slug, "v1", null).statusCode(409).body("type", equalTo("urn:hallway:problem:nothing-to-release"));

        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        release(slug, "initial", null).statusCode(409).body("type", equalTo("urn:hallway:problem:release-name-taken"));
        release(slug, "v 1/../x", null).statusCode(400).body("violations.field", contains("name"));
        Api.organizer().body(Map.of()).post("/api/admin/events/" + slug + "/releases").then().statusCode(400)
                .body("violations.field", contains("name"));
        release(slug, "v1", "x".repeat(2001)).statusCode(400).body("violations.field", contains("comment"));
        releaseMode(slug, "immediate").statusCode(409).body("type", equalTo("urn:hallway:problem:unreleased-draft"))
                .body("detail", containsString("/releases"));

        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then().statusCode(304);
        Api.anonymous().get("/api/events/" + slug + "/releases").then().body("items.name", contains("initial"));
        Api.organizer().get("/api/admin/events/" + slug).then().body("releaseMode", equalTo("manual"));
    }

    @Test
    void two_releases_at_once_make_one_version() throws Exception {
        String slug = newEvent("race");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));

        var barrier = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> releaseAfter(barrier, slug, "a"));
        var second = CompletableFuture.supplyAsync(() -> releaseAfter(barrier, slug, "b"));

        assertEquals(List.of(201, 409), List.of(first.get(), second.get()).stream().sorted().toList());
        Api.anonymous().get("/api/events/" + slug + "/releases").then().body("totalItems", equalTo(2));
    }

    @Test
    void back_to_immediate_after_releasing_everything_makes_every_change_public_again() {
        String slug = newEvent("back");
        long theater = room(slug, "Theater", 100);
        long talk = create(slug, talk("Talk", theater, "09:00", "09:30")).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        updateSession(slug, talk, Map.of("startsAt", at("10:00"), "endsAt", at("10:30")));
        release(slug, "v1", null).statusCode(201);
        bookmark(Api.attendee(), slug, talk);
        String cursor = cursor(slug);

        releaseMode(slug, "immediate").statusCode(200).body("releaseMode", equalTo("immediate"));
        updateSession(slug, talk, Map.of("startsAt", at("11:00"), "endsAt", at("11:30")));

        Api.anonymous().get("/api/events/" + slug + "/schedule").then()
                .body("sessions[0].startsAt", equalTo(at("11:00")));
        Api.anonymous().queryParam("since", cursor).get("/api/events/" + slug + "/schedule/changes").then()
                .statusCode(200).body("sessions.id", contains((int) talk));
        Api.attendee().queryParam("since", cursor).get("/api/events/" + slug + "/agenda/changes").then()
                .statusCode(200).body("changes.sessionId", contains((int) talk));
        release(slug, "v2", null).statusCode(409).body("type", equalTo("urn:hallway:problem:not-in-manual-mode"));
    }

    private static int releaseAfter(CyclicBarrier barrier, String slug, String name) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return release(slug, name, null).extract().statusCode();
    }
}
