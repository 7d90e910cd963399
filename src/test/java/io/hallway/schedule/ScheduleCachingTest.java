package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleCachingTest {

    @Test
    void an_unchanged_schedule_is_a_304_without_a_body() {
        String slug = newEvent("etag");
        room(slug, "Theater", 100);
        var first = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .header("ETag", matchesPattern("\"s\\d+v\\d+\""))
                .header("Cache-Control", containsString("max-age="))
                .extract();
        String etag = first.header("ETag");

        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyString());
        Api.anonymous().header("If-None-Match", "W/" + etag + ", \"other\"").get("/api/events/" + slug + "/schedule")
                .then().statusCode(304);
        Api.anonymous().header("If-None-Match", "\"s1v999999\"").get("/api/events/" + slug + "/schedule").then()
                .statusCode(200);
    }

    @Test
    void revalidations_answered_from_memory_are_counted_under_the_endpoint_template() {
        String slug = newEvent("metrics");
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .extract().header("ETag");
        for (int i = 0; i < 3; i++) {
            Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule").then()
                    .statusCode(304);
        }
        Api.management().get("/q/metrics").then().statusCode(200)
                .body(containsString("status=\"304\",uri=\"/api/events/{slug}/schedule\""))
                .body(not(containsString(slug)));
    }

    @Test
    void every_organizer_change_bumps_the_version_and_the_etag() {
        String slug = newEvent("bump");
        long theater = room(slug, "Theater", 100);
        var before = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract();
        long version = before.jsonPath().getLong("scheduleVersion");

        long talk = create(slug, talk("Moving talk", theater, "09:00", "09:30")).getLong("id");
        long afterCreate = scheduleVersion(slug);
        assertEquals(version + 1, afterCreate);

        Map<String, Object> moved = talk("Moving talk", theater, "11:00", "11:30");
        moved.put("version", 0);
        Api.organizer().body(moved).put("/api/admin/events/" + slug + "/sessions/" + talk).then().statusCode(200);
        assertEquals(afterCreate + 1, scheduleVersion(slug));

        Api.organizer().body(Map.of("name", "Theater", "capacity", 90, "version", 0))
                .put("/api/admin/events/" + slug + "/rooms/" + theater).then().statusCode(200);
        assertEquals(afterCreate + 2, scheduleVersion(slug));

        Api.anonymous().header("If-None-Match", before.header("ETag")).get("/api/events/" + slug + "/schedule").then()
                .statusCode(200)
                .body("sessions[0].startsAt", equalTo(at("11:00")))
                .body("rooms[0].capacity", equalTo(90));
    }

    @Test
    void a_failed_change_does_not_bump_the_version() {
        String slug = newEvent("nobump");
        long theater = room(slug, "Theater", 100);
        long version = scheduleVersion(slug);
        Api.organizer().body(talk("Too long", theater, "09:00", "10:30"))
                .post("/api/admin/events/" + slug + "/sessions").then().statusCode(400);
        assertEquals(version, scheduleVersion(slug));
    }

    @Test
    void gzip_clients_get_the_precompressed_body_with_its_own_etag() throws Exception {
        String slug = newEvent("gzip");
        long theater = room(slug, "Theater", 100);
        create(slug, talk("Compressed", theater, "09:00", "09:30"));
        var plain = Api.anonymous().get("/api/events/" + slug + "/schedule").then().extract();
        var gzipped = Api.anonymous().header("Accept-Encoding", "gzip")
                .get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", containsString("Accept-Encoding"))
                .extract();

        assertNotEquals(plain.header("ETag"), gzipped.header("ETag"));
        byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gzipped.asByteArray())).readAllBytes();
        assertEquals(plain.asString(), new String(inflated, java.nio.charset.StandardCharsets.UTF_8));
        Api.anonymous().header("If-None-Match", gzipped.header("ETag")).get("/api/events/" + slug + "/schedule")
                .then().statusCode(304);
    }
}
