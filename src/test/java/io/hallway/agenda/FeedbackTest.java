package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FeedbackTest {

    @Test
    void attendees_rate_a_session_once_and_can_change_their_rating() {
        String slug = newEvent("fb");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Rated", theater, "09:00", "09:30")).getLong("id");
        String path = "/api/events/" + slug + "/sessions/" + talk + "/feedback";

        Api.attendee().body(Map.of("rating", 2, "comment", "  Too fast  ")).put(path).then().statusCode(200)
                .body("rating", equalTo(2)).body("comment", equalTo("Too fast"));
        Api.attendee().body(Map.of("rating", 4, "comment", "Better on a second thought")).put(path).then().statusCode(200);
        Api.otherAttendee().body(Map.of("rating", 5)).put(path).then().statusCode(200);
        Api.as(Tokens.of("zoe")).body(Map.of("rating", 5, "comment", "Loved it")).put(path).then().statusCode(200);

        Api.organizer().get("/api/admin/events/" + slug + "/feedback").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].sessionId", equalTo((int) talk))
                .body("[0].count", equalTo(3))
                .body("[0].average", equalTo(4.67f))
                .body("[0].distribution.'1'", equalTo(0))
                .body("[0].distribution.'4'", equalTo(1))
                .body("[0].distribution.'5'", equalTo(2))
                .body("[0].comments", containsInAnyOrder("Better on a second thought", "Loved it"))
                .body("[0].keySet()", containsInAnyOrder("sessionId", "title", "count", "average", "distribution", "comments"));
        Api.attendee().get("/api/admin/events/" + slug + "/feedback").then().statusCode(404);
    }

    @Test
    void feedback_opens_when_the_session_starts_and_never_for_breaks() {
        String slug = "fb-future-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now().plusYears(1);
        Api.organizer().body(Map.of("slug", slug, "name", "Next year", "timeZone", "Europe/Berlin",
                "startDate", day.toString(), "endDate", day.toString(), "published", true))
                .post("/api/admin/events").then().statusCode(201);
        long room = room(slug, "Saal 1", 200);
        OffsetDateTime start = day.atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime();
        Map<String, Object> upcoming = Map.of("kind", "talk", "title", "Upcoming", "roomId", room,
                "startsAt", start.toString(), "endsAt", start.plusMinutes(30).toString());
        long future = Api.organizer().body(upcoming).post("/api/admin/events/" + slug + "/sessions").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        Api.attendee().body(Map.of("rating", 5)).put("/api/events/" + slug + "/sessions/" + future + "/feedback").then()
                .statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Feedback not open yet"))
                .body("opensAt", equalTo(start.toString()))
                .body("detail", containsString("opens when it starts"));

        String past = newEvent("fb-break");
        long coffee = create(past, session("break", "Coffee", null, "10:30", "11:00")).getLong("id");
        Api.attendee().body(Map.of("rating", 5)).put("/api/events/" + past + "/sessions/" + coffee + "/feedback").then()
                .statusCode(409).body("title", equalTo("No feedback for this session"));
    }

    @Test
    void a_rating_outside_one_to_five_or_an_overlong_comment_is_refused() {
        String slug = newEvent("fb-invalid");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Strict", theater, "09:00", "09:30")).getLong("id");
        String path = "/api/events/" + slug + "/sessions/" + talk + "/feedback";

        Api.attendee().body(Map.of("rating", 6)).put(path).then().statusCode(400).body("violations[0].field", containsString("rating"));
        Api.attendee().body(Map.of("rating", 0)).put(path).then().statusCode(400);
        Api.attendee().body(Map.of("comment", "no rating")).put(path).then().statusCode(400);
        Api.attendee().body(Map.of("rating", 3, "comment", "x".repeat(2001))).put(path).then().statusCode(400)
                .body("violations[0].field", containsString("comment"));
        Api.attendee().body(Map.of("rating", 3)).put("/api/events/" + slug + "/sessions/999999999/feedback").then()
                .statusCode(404);
        updateSession(slug, talk, Map.of("status", "cancelled"));
        Api.attendee().body(Map.of("rating", 3)).put(path).then().statusCode(409).body("title", equalTo("Session cancelled"));
    }

    @Test
    void in_manual_mode_only_released_sessions_are_rated_and_refusals_quote_the_released_title() {
        String slug = newEvent("fb-draft");
        long theater = room(slug, "Theater", 100);
        var calledOff = talk("Called off", theater, "09:00", "09:30");
        calledOff.put("status", "cancelled");
        long cancelled = create(slug, calledOff).getLong("id");
        releaseMode(slug, "manual").statusCode(200);
        long draftOnly = create(slug, talk("Secret keynote", theater, "10:00", "10:30")).getLong("id");
        updateSession(slug, cancelled, Map.of("title", "Secret comeback", "status", "scheduled"));

        Api.attendee().body(Map.of("rating", 5)).put("/api/events/" + slug + "/sessions/" + draftOnly + "/feedback")
                .then().statusCode(404).body("detail", not(containsString("Secret")));
        Api.attendee().body(Map.of("rating", 5)).put("/api/events/" + slug + "/sessions/" + cancelled + "/feedback")
                .then().statusCode(409).body("title", equalTo("Session cancelled"))
                .body("detail", containsString("Called off")).body("detail", not(containsString("Secret")));
    }
}
