package io.hallway.common;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Every error is RFC 9457 problem+json and says nothing about the Java inside. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProblemShapeTest {

    private static final List<String> CATALOGUE = Arrays.stream(ProblemType.values()).map(t -> t.uri().toString())
            .toList();

    @Test
    void a_400_lists_each_invalid_field() {
        ValidatableResponse response = Api.organizer().body(Map.of("slug", "X!", "name", "", "timeZone", "Mars/Olympus"))
                .post("/api/admin/events").then().statusCode(400);
        assertProblem(response, 400)
                .body("title", equalTo("Invalid request"))
                .body("violations.field", hasItems("slug", "name", "startDate", "endDate"))
                .body("violations.message", everyItem(not(emptyOrNullString())));
    }

    @Test
    void a_400_with_one_invalid_field_names_it_in_the_detail() {
        String slug = newEvent("shape");
        assertProblem(Api.organizer().body(Map.of("name", "")).post("/api/admin/events/" + slug + "/rooms").then()
                .statusCode(400), 400)
                .body("detail", equalTo("name: must not be blank"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must not be blank"));
    }

    @Test
    void a_400_for_unreadable_json_points_at_the_value() {
        assertProblem(Api.organizer().body("{\"name\": \"x\", \"surprise\": 1}").post("/api/admin/events").then()
                .statusCode(400), 400).body("violations[0].field", equalTo("/surprise"))
                .body("detail", containsString("surprise"));
        assertProblem(Api.organizer().body("{\"slug\": ").post("/api/admin/events").then().statusCode(400), 400);
        String slug = newEvent("shape");
        assertProblem(Api.organizer().body(Map.of("kind", "talk", "title", "t", "startsAt", "tomorrow"))
                .post("/api/admin/events/" + slug + "/sessions").then().statusCode(400), 400)
                .body("violations[0].field", equalTo("/startsAt"));
    }

    @Test
    void a_401_a_403_a_404_and_a_409_are_problems_too() {
        assertProblem(Api.anonymous().get("/api/admin/events").then().statusCode(401), 401);
        assertProblem(Api.attendee().body("{}").post("/api/admin/events").then().statusCode(403), 403);
        assertProblem(Api.anonymous().get("/api/events/nope").then().statusCode(404), 404);
        assertProblem(Api.anonymous().get("/api/no/such/path").then().statusCode(404), 404);
        String slug = newEvent("shape");
        assertProblem(Api.organizer().body(Map.of("slug", slug, "name", "Again", "timeZone", ZONE, "startDate", DAY,
                "endDate", DAY)).post("/api/admin/events").then().statusCode(409), 409)
                .body("title", equalTo("Slug taken"));
    }

    @Test
    void a_path_with_characters_no_uri_may_hold_is_a_problem_not_a_crash() {
        String slug = newEvent("shape");
        for (String segment : java.util.List.of("a%20b", "%0A", "%7F", "%C3%A9t%C3%A9", "%25", "%FF")) {
            assertProblem(Api.anonymous().urlEncodingEnabled(false).get("/api/events/" + segment).then().statusCode(404), 404)
                    .body("instance", not(containsString(" ")));
            assertProblem(Api.organizer().urlEncodingEnabled(false).get("/api/admin/events/" + slug + "/rooms/" + segment)
                    .then().statusCode(404), 404);
        }
        // PostgreSQL cannot even compare a text holding NUL: the value is refused, as invalid.
        assertProblem(Api.anonymous().urlEncodingEnabled(false).get("/api/events/a%00b").then().statusCode(400), 400)
                .body("instance", equalTo("/api/events/a%00b"));
        assertProblem(Api.organizer().body(Map.of("slug", "nul", "name", "Bad\u0000Name", "timeZone", ZONE, "startDate", DAY,
                "endDate", DAY)).post("/api/admin/events").then().statusCode(400), 400);
        assertProblem(Api.anonymous().urlEncodingEnabled(false).get("/api/events/a%20b").then().statusCode(404), 404)
                .body("instance", equalTo("/api/events/a%20b"));
    }

    @Test
    void a_page_so_far_out_that_its_offset_overflows_is_a_400_naming_the_field() {
        String slug = newEvent("shape");
        assertProblem(Api.anonymous().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200)
                .get("/api/events/" + slug + "/sessions").then().statusCode(400), 400)
                .body("violations[0].field", equalTo("page"));
        assertProblem(Api.organizer().queryParam("page", 10_737_419).queryParam("size", 200)
                .get("/api/admin/events").then().statusCode(400), 400);
    }

    @Test
    void a_query_parameter_that_cannot_be_read_is_a_400_naming_it_and_what_it_must_be() {
        String slug = newEvent("shape");
        String sessions = "/api/events/" + slug + "/sessions";
        assertUnreadable(Api.anonymous().queryParam("size", "abc").get(sessions), "size", "must be a whole number");
        assertUnreadable(Api.anonymous().queryParam("page", "99999999999").get("/api/events"), "page",
                "must be at most 2147483647");
        assertUnreadable(Api.anonymous().queryParam("day", "2024-13-40").get(sessions), "day",
                "must be a date like 2024-11-10");
        assertUnreadable(Api.anonymous().queryParam("room", "theater").get(sessions), "room", "must be a whole number");
        assertUnreadable(Api.anonymous().queryParam("track", "1.5").get(sessions), "track", "must be a whole number");
        assertUnreadable(Api.attendee().queryParam("limit", "abc").get("/api/events/" + slug + "/me/suggestions"),
                "limit", "must be a whole number");
        assertUnreadable(Api.organizer().queryParam("position", "first")
                .body(Map.of("kind", "lightning-talk", "title", "Never stored"))
                .post("/api/admin/events/" + slug + "/blocks/1/talks"), "position", "must be a whole number");
    }

    @Test
    void an_id_in_the_path_that_is_not_a_number_is_a_404_saying_so() {
        String slug = newEvent("shape");
        assertProblem(Api.anonymous().get("/api/events/" + slug + "/sessions/abc").then().statusCode(404), 404)
                .body("detail", equalTo("No such resource: id must be a number."));
    }

    private static void assertUnreadable(io.restassured.response.Response response, String parameter, String message) {
        assertProblem(response.then().statusCode(400), 400)
                .body("type", equalTo(ProblemType.INVALID_REQUEST.uri().toString()))
                .body("detail", equalTo(parameter + ": " + message))
                .body("violations", equalTo(List.of(Map.of("field", parameter, "message", message))));
    }

    @Test
    void a_wrong_method_or_media_type_is_a_problem() {
        assertProblem(Api.anonymous().delete("/api/events").then().statusCode(405), 405);
        assertProblem(Api.organizer().contentType("text/plain").body("hello").post("/api/admin/events").then()
                .statusCode(415), 415);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_415_says_which_media_type_is_expected_which_every_operation_with_a_body_takes() {
        assertProblem(Api.organizer().contentType("text/plain").body("hello").post("/api/admin/events").then()
                .statusCode(415), 415).body("detail", containsString("application/json"));

        Map<String, Map<String, Map<String, Object>>> paths = Api.anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            var body = (Map<String, Map<String, Object>>) operation.get("requestBody");
            if (body != null) {
                assertThat(method + " " + path, body.get("content").keySet(), hasItem("application/json"));
            }
        }));
    }

    @Test
    void an_oversized_body_is_refused() {
        String huge = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(Api.organizer().body(huge).post("/api/admin/events").then().statusCode(413), 413);
    }

    @Test
    void the_contract_lists_every_problem_type_and_real_problems_carry_a_listed_one() {
        JsonPath contract = Api.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String type = "components.schemas.Problem.properties.type";
        List<String> listed = contract.getList(type + ".enum");
        List<Map<String, Object>> catalogue = contract.getList(type + ".'x-problem-types'");

        assertEquals(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList(), listed);
        for (ProblemType problemType : ProblemType.values()) {
            assertTrue(catalogue.contains(Map.of("type", problemType.uri().toString(), "title", problemType.title(),
                    "status", problemType.status())), problemType + " is listed with its title and status");
        }
        assertThat(contract.getString(type + ".description"), containsString("switch on"));

        String slug = newEvent("shape");
        Map<String, Object> again = Map.of("slug", slug, "name", "Again", "timeZone", ZONE, "startDate", DAY, "endDate",
                DAY);
        List<String> seen = List.of(
                Api.anonymous().get("/api/events/nope").then().statusCode(404).extract().path("type"),
                Api.anonymous().get("/api/no/such/path").then().statusCode(404).extract().path("type"),
                Api.anonymous().delete("/api/events").then().statusCode(405).extract().path("type"),
                Api.anonymous().get("/api/admin/events").then().statusCode(401).extract().path("type"),
                Api.organizer().body(Map.of("name", "")).post("/api/admin/events").then().statusCode(400)
                        .extract().path("type"),
                Api.organizer().body(again).post("/api/admin/events").then().statusCode(409).extract().path("type"));
        assertThat(listed, hasItems(seen.toArray(String[]::new)));
        assertEquals(List.of(ProblemType.NOT_FOUND.uri().toString(), ProblemType.NOT_FOUND.uri().toString(),
                ProblemType.METHOD_NOT_ALLOWED.uri().toString(), ProblemType.UNAUTHORIZED.uri().toString(),
                ProblemType.INVALID_REQUEST.uri().toString(), ProblemType.SLUG_TAKEN.uri().toString()), seen);
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", in(CATALOGUE))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("instance", startsWith("/"))
                .body(not(containsString("Exception")))
                .body(not(containsString("io.hallway")))
                .body(not(containsString("\tat ")));
    }
}
