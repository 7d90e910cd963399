package io.hallway.interop;

import static io.hallway.testing.ScheduleFixtures.newEvent;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Who may call the interop endpoints, with real tokens: imports are for organizers, exports for anyone. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InteropPermissionTest {

    private static final Map<String, Object> EMPTY_SESSIONIZE = Map.of("sessions", List.of(), "speakers", List.of(),
            "rooms", List.of(), "categories", List.of(), "questions", List.of());
    private static final Map<String, Object> EMPTY_PRETALX = Map.of("schedule", Map.of("version", "1",
            "conference", Map.of("title", "Empty", "days", List.of())));

    @Test
    void only_organizers_may_import() {
        String slug = newEvent("perm");
        for (String path : List.of("sessionize", "pretalx")) {
            Object body = path.equals("sessionize") ? EMPTY_SESSIONIZE : EMPTY_PRETALX;
            String url = "/api/admin/events/" + slug + "/imports/" + path;
            Api.anonymous().body(body).post(url).then().statusCode(401).contentType("application/problem+json");
            Api.attendee().body(body).post(url).then().statusCode(404).contentType("application/problem+json");
            Api.otherAttendee().body(body).post(url).then().statusCode(404);
            Api.organizer().body(body).post(url).then().statusCode(200).body("created", equalTo(0));
        }
    }

    @Test
    void an_import_into_an_unknown_event_is_not_found() {
        Api.organizer().body(EMPTY_SESSIONIZE).post("/api/admin/events/no-such-event/imports/sessionize").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anyone_may_read_the_exports_of_a_published_event_and_nobody_those_of_a_draft() {
        String published = newEvent("public");
        String draft = "draft-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", draft, "name", "Draft", "timeZone", "Europe/Berlin", "startDate", "2024-11-10",
                "endDate", "2024-11-10", "published", false)).post("/api/admin/events").then().statusCode(201);
        for (String format : List.of("schedule.xml", "schedule.frab.json")) {
            for (RequestSpecification caller : List.of(Api.anonymous(), Api.attendee(), Api.organizer())) {
                caller.get("/api/events/" + published + "/" + format).then().statusCode(200);
            }
            Api.anonymous().get("/api/events/" + draft + "/" + format).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}
