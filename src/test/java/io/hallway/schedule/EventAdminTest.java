package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventAdminTest {

    private static Map<String, Object> event(String slug) {
        return new HashMap<>(Map.of("slug", slug, "name", "Rejekts EU", "timeZone", "Europe/London",
                "startDate", "2025-03-30", "endDate", "2025-03-31"));
    }

    private static String freshSlug() {
        return "admin-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_organizer_drafts_an_event_then_publishes_it() {
        String slug = freshSlug();
        Api.organizer().body(event(slug)).post("/api/admin/events").then().statusCode(201)
                .header("Location", endsWith("/api/admin/events/" + slug))
                .body("published", equalTo(false))
                .body("durationLimits.talk", equalTo(30));
        Api.anonymous().get("/api/events/" + slug).then().statusCode(404);
        Api.organizer().queryParam("size", 200).get("/api/admin/events").then().body("items.slug", hasItem(slug));

        String etag = Api.organizer().get("/api/admin/events/" + slug).then().statusCode(200).extract().header("ETag");
        var publish = event(slug);
        publish.put("published", true);
        Api.organizer().header("If-Match", etag).body(publish).put("/api/admin/events/" + slug).then().statusCode(200)
                .body("published", equalTo(true));
        Api.anonymous().get("/api/events/" + slug).then().statusCode(200).body("timeZone", equalTo("Europe/London"));
    }

    @Test
    void an_organizer_deletes_an_event_with_its_whole_schedule() {
        String slug = newEvent("admin-full");
        long theater = room(slug, "Theater", 100);
        long cloud = track(slug, "Cloud");
        long kim = speaker(slug, "Kim");
        var opening = talk("Opening", theater, "09:00", "09:30", kim);
        opening.put("trackId", cloud);
        create(slug, opening);
        long block = block(slug, "Lightning", theater, "10:00", "10:10");
        lightningTalk(slug, block, "Spark", kim);
        Api.attendee().put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);

        Api.organizer().delete("/api/admin/events/" + slug).then().statusCode(204);

        Api.organizer().get("/api/admin/events/" + slug).then().statusCode(404);
    }

    @Test
    void concurrent_creates_of_one_slug_make_one_event_and_conflicts() throws Exception {
        String slug = freshSlug();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Callable<io.restassured.response.Response>>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> Api.organizer().body(event(slug)).post("/api/admin/events"));
            }
            int created = 0;
            for (var answer : pool.invokeAll(calls)) {
                var response = answer.get();
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    response.then().statusCode(409).contentType("application/problem+json");
                }
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_event_needs_a_real_time_zone_and_ordered_dates() {
        var badZone = event(freshSlug());
        badZone.put("timeZone", "+02:00");
        Api.organizer().body(badZone).post("/api/admin/events").then().statusCode(400)
                .body("violations[0].field", equalTo("timeZone"));
        var backwards = event(freshSlug());
        backwards.put("endDate", "2025-03-29");
        Api.organizer().body(backwards).post("/api/admin/events").then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"));
        var badKind = event(freshSlug());
        badKind.put("durationLimits", Map.of("concert", 90));
        Api.organizer().body(badKind).post("/api/admin/events").then().statusCode(400);
    }

    /** An export walks the event day by day: a century-long event once held a replica's heap until it died. */
    @Test
    void an_event_lasts_at_most_a_month_within_this_century_or_the_next() {
        String slug = freshSlug();
        var tooLong = event(slug);
        tooLong.put("endDate", "2025-05-01");
        Api.organizer().body(tooLong).post("/api/admin/events").then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"))
                .body("violations[0].message", containsString("31 days"));
        var farFuture = event(slug);
        farFuture.put("startDate", "+300000-01-01");
        farFuture.put("endDate", "+300000-01-02");
        Api.organizer().body(farFuture).post("/api/admin/events").then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"));
        var farPast = event(slug);
        farPast.put("startDate", "0000-01-01");
        Api.organizer().body(farPast).post("/api/admin/events").then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"));
        Api.organizer().get("/api/admin/events/" + slug).then().statusCode(404);

        var month = event(slug);
        month.put("endDate", "2025-04-29");
        Api.organizer().body(month).post("/api/admin/events").then().statusCode(201);
        var lastDayOfTime = event(slug);
        lastDayOfTime.put("endDate", "+999999999-12-31");
        lastDayOfTime.put("version", 0);
        Api.organizer().body(lastDayOfTime).put("/api/admin/events/" + slug).then().statusCode(400)
                .body("violations[0].field", equalTo("endDate"));
        Api.organizer().get("/api/admin/events/" + slug).then().statusCode(200)
                .body("endDate", equalTo("2025-04-29")).body("version", equalTo(0));
    }

    @Test
    void dates_cannot_shrink_past_sessions_already_scheduled() {
        String slug = newEvent("shrink");
        long room = room(slug, "Hall", null);
        create(slug, talk("On the day", room, "09:00", "09:30"));
        Api.organizer().body(Map.of("slug", slug, "name", "Moved", "timeZone", ZONE, "startDate", "2024-11-11",
                "endDate", "2024-11-11", "published", true, "version", 0)).put("/api/admin/events/" + slug).then()
                .statusCode(400).body("detail", containsString("1 sessions or blocks"));
    }

    @Test
    void an_event_can_change_its_slug_but_not_to_a_taken_one() {
        String slug = newEvent("rename");
        String taken = newEvent("taken");
        String renamed = freshSlug();
        Api.organizer().body(Map.of("slug", taken, "name", "x", "timeZone", ZONE, "startDate", DAY, "endDate", DAY,
                "version", 0)).put("/api/admin/events/" + slug).then().statusCode(409);
        Api.organizer().body(Map.of("slug", renamed, "name", "x", "timeZone", ZONE, "startDate", DAY, "endDate", DAY,
                "published", true, "version", 0)).put("/api/admin/events/" + slug).then().statusCode(200);
        Api.anonymous().get("/api/events/" + renamed).then().statusCode(200);
        Api.anonymous().get("/api/events/" + slug).then().statusCode(404);
    }

    @Test
    void deleting_an_event_removes_it_and_its_schedule() {
        String slug = newEvent("gone");
        long room = room(slug, "Hall", null);
        create(slug, talk("Doomed", room, "09:00", "09:30"));
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200);
        Api.organizer().delete("/api/admin/events/" + slug).then().statusCode(204);
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(404);
        Api.organizer().get("/api/admin/events/" + slug).then().statusCode(404);
    }
}
