package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PeopleAdminTest {

    @Test
    void settings_start_from_the_defaults_and_a_stale_version_is_a_conflict() {
        String slug = ScheduleFixtures.newEvent("settings");
        String path = "/api/admin/events/" + slug + "/settings";
        Api.organizer().get(path).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("exchangeEnabled", is(true))
                .body("retentionDays", is(30))
                .body("tokenLifetimeSeconds", is(120))
                .body("purgeableFrom", is("2024-12-11T07:00:00Z"));
        Api.organizer().header("If-Match", "\"0\"").body(Map.of("exchangeEnabled", false, "retentionDays", 7))
                .put(path).then().statusCode(200).header("ETag", "\"1\"").body("retentionDays", is(7));
        Api.organizer().header("If-Match", "\"0\"").body(Map.of("exchangeEnabled", true, "retentionDays", 7))
                .put(path).then().statusCode(409).contentType("application/problem+json");
        Api.organizer().body(Map.of("exchangeEnabled", true, "retentionDays", 7)).put(path).then().statusCode(428);
        Api.organizer().body(Map.of("exchangeEnabled", true, "retentionDays", -1, "tokenLifetimeSeconds", 5, "version", 1))
                .put(path).then().statusCode(400).body("violations.field", containsInAnyOrder("retentionDays", "tokenLifetimeSeconds"));
    }

    @Test
    void organizers_get_counts_and_never_connections_or_notes() {
        String slug = ScheduleFixtures.newEvent("stats");
        var listed = new java.util.HashMap<>(fullProfile("Ada", Map.of()));
        listed.put("inDirectory", true);
        saveProfile(Tokens.attendee(), slug, listed);
        profile(Tokens.otherAttendee(), slug, "Bruno");
        long id = connect(slug, Tokens.attendee(), Tokens.otherAttendee());
        connect(slug, Tokens.attendee(), Tokens.of("zoe"));
        Api.otherAttendee().body(Map.of("note", "secret note")).put(connectionsPath(slug) + "/" + id + "/note")
                .then().statusCode(200);

        String stats = Api.organizer().get("/api/admin/events/" + slug + "/stats").then().statusCode(200)
                .body("people.profiles", is(2))
                .body("people.directoryOptIns", is(1))
                .body("people.connections", is(2))
                .body("people.connectionsPerHour", hasSize(1))
                .body("people.connectionsPerHour[0].connections", is(2))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(stats.contains("Ada") || stats.contains("secret"), stats);
        // Olivia organizes and attends: as an attendee she sees her own (no) connections, never theirs
        Api.organizer().get(connectionsPath(slug) + "/" + id).then().statusCode(404);
        Api.organizer().get(connectionsPath(slug)).then().statusCode(200).body("items", empty());
        Api.attendee().get("/api/admin/events/" + slug + "/stats").then().statusCode(404);
    }
}
