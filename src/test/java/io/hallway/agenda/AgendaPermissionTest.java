package io.hallway.agenda;

import static io.hallway.testing.AgendaFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Who may call each agenda endpoint: anonymous, attendee, another attendee, organizer, all with real tokens. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgendaPermissionTest {

    @Test
    void personal_endpoints_need_a_login_and_act_on_the_callers_own_data() {
        String slug = newEvent("perm");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Guarded", theater, "09:00", "09:30")).getLong("id");
        String base = "/api/events/" + slug + "/agenda";
        String since = cursor(slug);

        expect(401, r -> r.get(base), Api.anonymous());
        expect(401, r -> r.put(base + "/sessions/" + talk), Api.anonymous());
        expect(401, r -> r.delete(base + "/sessions/" + talk), Api.anonymous());
        expect(401, r -> r.queryParam("since", since).get(base + "/changes"), Api.anonymous());
        expect(401, r -> r.post(base + "/calendar-link"), Api.anonymous());
        expect(401, r -> r.delete(base + "/calendar-link"), Api.anonymous());
        expect(401, r -> r.body(Map.of("rating", 5)).put("/api/events/" + slug + "/sessions/" + talk + "/feedback"),
                Api.anonymous());

        for (RequestSpecification caller : new RequestSpecification[] { Api.attendee(), Api.otherAttendee(), Api.organizer() }) {
            expect(204, r -> r.put(base + "/sessions/" + talk), caller);
        }
        for (RequestSpecification caller : new RequestSpecification[] { Api.attendee(), Api.otherAttendee(), Api.organizer() }) {
            expect(200, r -> r.get(base), caller);
            expect(200, r -> r.queryParam("since", since).get(base + "/changes"), caller);
            expect(200, r -> r.body(Map.of("rating", 4)).put("/api/events/" + slug + "/sessions/" + talk + "/feedback"), caller);
        }

        // Another attendee revoking "the" calendar link revokes only their own.
        String url = Api.attendee().post(base + "/calendar-link").then().statusCode(201).extract().jsonPath().getString("url");
        Api.otherAttendee().delete(base + "/calendar-link").then().statusCode(204);
        Api.anonymous().get(url.substring(url.indexOf("/api/"))).then().statusCode(200);
    }

    @Test
    void organizer_endpoints_refuse_attendees() {
        String slug = newEvent("perm-admin");
        String feedback = "/api/admin/events/" + slug + "/feedback";
        String history = "/api/admin/events/" + slug + "/schedule/history";

        expect(401, r -> r.get(feedback), Api.anonymous());
        expect(404, r -> r.get(feedback), Api.attendee());
        expect(404, r -> r.get(feedback), Api.otherAttendee());
        expect(200, r -> r.get(feedback), Api.organizer());
        expect(401, r -> r.delete(history), Api.anonymous());
        expect(404, r -> r.delete(history), Api.attendee());
        expect(204, r -> r.delete(history), Api.organizer());
        expect(404, r -> r.get("/api/admin/events/no-such-event/feedback"), Api.organizer());
    }

    @Test
    void public_feeds_need_no_login_and_draft_events_do_not_exist_for_them() {
        String slug = newEvent("perm-public");
        long theater = room(slug, "Theater", 120);
        long talk = create(slug, talk("Open", theater, "09:00", "09:30")).getLong("id");
        String since = cursor(slug);

        expect(200, r -> r.queryParam("since", since).get("/api/events/" + slug + "/schedule/changes"), Api.anonymous());
        expect(200, r -> r.get("/api/events/" + slug + "/schedule.ics"), Api.anonymous());
        expect(200, r -> r.get("/api/events/" + slug + "/sessions/" + talk + ".ics"), Api.anonymous());
        expect(200, r -> r.get("/api/events/" + slug + "/fill"), Api.anonymous());

        String draft = "perm-draft-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", draft, "name", "Draft", "timeZone", ZONE, "startDate", DAY, "endDate", DAY))
                .post("/api/admin/events").then().statusCode(201);
        long draftRoom = room(draft, "Hidden", 10);
        long hidden = create(draft, talk("Secret", draftRoom, "09:00", "09:30")).getLong("id");
        expect(404, r -> r.get("/api/events/" + draft + "/schedule.ics"), Api.anonymous());
        expect(404, r -> r.get("/api/events/" + draft + "/fill"), Api.anonymous());
        expect(404, r -> r.queryParam("since", "x").get("/api/events/" + draft + "/schedule/changes"), Api.anonymous());
        expect(404, r -> r.put("/api/events/" + draft + "/agenda/sessions/" + hidden), Api.attendee());
        expect(404, r -> r.get("/api/events/" + draft + "/agenda"), Api.attendee());
    }

    private static void expect(int status, Function<RequestSpecification, Response> call, RequestSpecification caller) {
        Response response = call.apply(caller);
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json").body("status", equalTo(status));
        }
    }
}
