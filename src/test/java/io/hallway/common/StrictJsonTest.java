package io.hallway.common;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Request bodies are read as they were written: a value of the wrong JSON type, content after the value or text
 * PostgreSQL cannot store is a 400 naming the field, and nothing is stored. Tried on a few real endpoints, since
 * every body goes through the same reader.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StrictJsonTest {

    @Test
    void a_number_or_boolean_where_text_belongs_is_refused_not_turned_into_text() {
        String slug = newEvent("strict");

        refused(Api.organizer().body("{\"name\": 123}").post(rooms(slug)), "/name");
        refused(Api.organizer().body("{\"name\": true}").post(rooms(slug)), "/name");
        refused(Api.organizer().body("{\"name\": 1.5}").post(rooms(slug)), "/name");
        Api.organizer().get(rooms(slug)).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void a_fraction_or_text_where_a_whole_number_belongs_is_refused_not_truncated() {
        String slug = newEvent("strict");
        long theater = room(slug, "Theater", 100);
        String block = "{\"title\": \"Lightning\", \"roomId\": %s, \"startsAt\": \"%s\", \"endsAt\": \"%s\"}";

        refused(Api.organizer().body(block.formatted(theater + ".9", at("11:00"), at("11:10")))
                .post("/api/admin/events/" + slug + "/blocks"), "/roomId");
        refused(Api.organizer().body(block.formatted("\"" + theater + "\"", at("11:00"), at("11:10")))
                .post("/api/admin/events/" + slug + "/blocks"), "/roomId");
        refused(Api.organizer().body("{\"name\": \"Hall\", \"capacity\": \"100\"}").post(rooms(slug)), "/capacity");
        Api.organizer().get("/api/admin/events/" + slug + "/blocks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void a_rating_must_be_a_whole_number_not_a_fraction_or_text() {
        String slug = newEvent("strict");
        long talk = create(slug, talk("Rated", room(slug, "Theater", 100), "09:00", "09:30")).getLong("id");
        String feedback = "/api/events/" + slug + "/sessions/" + talk + "/feedback";

        refused(Api.attendee().body("{\"rating\": 4.9}").put(feedback), "/rating");
        refused(Api.attendee().body("{\"rating\": \"5\"}").put(feedback), "/rating");
        Api.organizer().get("/api/admin/events/" + slug + "/feedback").then().statusCode(200).body("", empty());
    }

    @Test
    void a_number_or_text_where_true_or_false_belongs_is_refused() {
        String slug = newEvent("strict");
        String preferences = "/api/events/" + slug + "/notification-preferences";
        String body = "{\"sessionChanges\": %s, \"delays\": true, \"announcements\": true, \"meetings\": true}";

        refused(Api.attendee().body(body.formatted("0")).put(preferences), "/sessionChanges");
        refused(Api.attendee().body(body.formatted("\"false\"")).put(preferences), "/sessionChanges");
        Api.attendee().get(preferences).then().statusCode(200).body("sessionChanges", equalTo(true));
    }

    @Test
    void an_empty_string_or_a_number_for_a_time_and_an_empty_string_for_an_enum_are_refused() {
        String slug = newEvent("strict");
        String announcements = "/api/admin/events/" + slug + "/announcements";
        String endsAt = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.SECONDS).toString();
        String announcement = "{\"title\": \"Coffee\", \"body\": \"Downstairs.\", \"severity\": %s, "
                + "\"audience\": {\"kind\": \"everyone\"}, \"startsAt\": %s, \"endsAt\": \"" + endsAt + "\"}";

        refused(Api.organizer().body(announcement.formatted("\"info\"", "\"\"")).post(announcements), "/startsAt");
        refused(Api.organizer().body(announcement.formatted("\"info\"", "1700000000")).post(announcements), "/startsAt");
        Api.organizer().body(announcement.formatted("\"\"", "null")).post(announcements).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("severity"));
        Api.organizer().get(announcements).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void content_after_the_json_value_is_refused() {
        String slug = newEvent("strict");
        long talk = create(slug, talk("Rated", room(slug, "Theater", 100), "09:00", "09:30")).getLong("id");

        Api.attendee().body("{\"rating\": 3} garbage").put("/api/events/" + slug + "/sessions/" + talk + "/feedback")
                .then().statusCode(400).contentType("application/problem+json");
        Api.organizer().body("{\"name\": \"Hall\"} {\"name\": \"Annex\"}").post(rooms(slug)).then().statusCode(400)
                .contentType("application/problem+json");
        Api.organizer().get("/api/admin/events/" + slug + "/feedback").then().statusCode(200).body("", empty());
        Api.organizer().get(rooms(slug)).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void text_with_half_a_surrogate_pair_is_refused_naming_the_field() {
        String slug = newEvent("strict");

        refused(Api.organizer().body("{\"name\": \"Caf\\ud800 track\"}").post(rooms(slug)), "/name")
                .body("violations[0].message", containsString("Unicode"));
        refused(Api.organizer().body("{\"name\": \"Caf\\udc00 track\"}").post(rooms(slug)), "/name");
        refused(Api.organizer().body("{\"name\": \"Track \\ud83d\"}").post(rooms(slug)), "/name");
        Api.organizer().get(rooms(slug)).then().statusCode(200).body("totalItems", equalTo(0));

        Api.organizer().body("{\"name\": \"Caf\\u00e9 \\ud83d\\ude80 track\"}").post(rooms(slug)).then().statusCode(201)
                .body("name", equalTo("Café 🚀 track"));
    }

    @Test
    void text_with_a_nul_character_is_refused_naming_the_field_even_inside_a_list() {
        String slug = newEvent("strict");
        long theater = room(slug, "Theater", 100);

        refused(Api.organizer().body("{\"name\": \"Hall\\u0000\"}").post(rooms(slug)), "/name")
                .body("violations[0].message", containsString("NUL"));
        refused(Api.organizer().body("{\"name\": \"Hall\", \"levelName\": \"\\u0000\"}").post(rooms(slug)), "/levelName");
        refused(Api.organizer().body("{\"name\": \"Kim\", \"links\": [{\"title\": \"Site\\u0000\", \"url\": \"https://example.org\"}]}")
                .post("/api/admin/events/" + slug + "/speakers"), "/links/0/title");
        Api.organizer().get(rooms(slug)).then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].id", equalTo((int) theater));
    }

    @Test
    void malformed_json_is_refused_with_its_line_and_column() {
        String slug = newEvent("strict");

        Api.organizer().body("{\n  \"name\": ").post(rooms(slug)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.UNREADABLE_REQUEST_BODY.uri().toString()))
                .body("detail", allOf(containsString("not valid JSON"), containsString("line 2")));
        Api.organizer().body("{\"name\": \"Hall\",}").post(rooms(slug)).then().statusCode(400)
                .body("detail", containsString("column"));
    }

    @Test
    void a_number_too_large_for_its_field_is_refused_with_the_limit() {
        String slug = newEvent("strict");

        refused(Api.organizer().body("{\"name\": \"Hall\", \"capacity\": 99999999999999999999}").post(rooms(slug)),
                "/capacity").body("violations[0].message", containsString("2147483647"));
        refused(Api.organizer().body("{\"name\": \"Hall\", \"capacity\": 2147483648}").post(rooms(slug)), "/capacity")
                .body("detail", containsString("2147483647"));
        Api.organizer().get(rooms(slug)).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void a_body_that_is_not_utf_8_is_refused_as_unreadable() {
        String slug = newEvent("strict");
        byte[] latin1 = "{\"name\": \"Caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        Api.organizer().body(latin1).post(rooms(slug)).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.UNREADABLE_REQUEST_BODY.uri().toString()))
                .body("detail", containsString("UTF-8"));
        Api.organizer().get(rooms(slug)).then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static String rooms(String slug) {
        return "/api/admin/events/" + slug + "/rooms";
    }

    private static ValidatableResponse refused(io.restassured.response.Response response, String pointer) {
        return response.then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(pointer))
                .body("detail", containsString(pointer));
    }
}
