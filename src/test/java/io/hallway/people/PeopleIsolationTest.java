package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Ada's data against anonymous callers, another attendee (Bruno) and the organizer, with real tokens. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PeopleIsolationTest {

    record Call(String method, String path, Object body) {
        io.restassured.response.Response send(RequestSpecification as) {
            if (body != null) {
                as = as.body(body);
            }
            return as.request(method, path);
        }
    }

    @Test
    void every_endpoint_needs_a_token_and_admin_endpoints_need_the_events_team() {
        String slug = ScheduleFixtures.newEvent("iso");
        String e = "/api/events/" + slug;
        String admin = "/api/admin/events/" + slug;
        List<Call> attendeeCalls = List.of(
                new Call("GET", e + "/me/profile", null),
                new Call("PUT", e + "/me/profile", Map.of("displayName", "X")),
                new Call("GET", e + "/attendees", null),
                new Call("GET", e + "/attendees/1", null),
                new Call("POST", e + "/me/exchange-tokens", null),
                new Call("GET", e + "/me/exchange-tokens/current/qr.png", null),
                new Call("GET", e + "/me/exchange-tokens/current/qr.svg", null),
                new Call("POST", e + "/connections", Map.of("token", "x")),
                new Call("GET", e + "/connections", null),
                new Call("GET", e + "/connections/1", null),
                new Call("PUT", e + "/connections/1/share-back", Map.of("share", true)),
                new Call("PUT", e + "/connections/1/note", Map.of("note", "x")),
                new Call("PUT", e + "/connections/1/star", Map.of("starred", true)),
                new Call("DELETE", e + "/connections/1", null),
                new Call("GET", e + "/connections.vcf", null),
                new Call("GET", e + "/connections.csv", null),
                new Call("GET", e + "/me/export", null),
                new Call("DELETE", e + "/me", null));
        List<Call> adminCalls = List.of(
                new Call("GET", admin + "/settings", null),
                new Call("PUT", admin + "/settings", Map.of("exchangeEnabled", true, "retentionDays", 1, "version", 0)),
                new Call("POST", admin + "/people/purge", null));
        for (Call call : attendeeCalls) {
            call.send(Api.anonymous()).then().statusCode(401).contentType("application/problem+json");
        }
        for (Call call : adminCalls) {
            call.send(Api.anonymous()).then().statusCode(401);
            // Outside the event's team, the event is not found: its existence is not revealed.
            call.send(Api.attendee()).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void bruno_can_never_read_or_change_adas_profile_codes_connections_or_notes() {
        String slug = ScheduleFixtures.newEvent("iso");
        String e = "/api/events/" + slug;
        long adaProfile = saveProfile(Tokens.attendee(), slug, fullProfile("Ada", Map.of()));
        profile(Tokens.otherAttendee(), slug, "Bruno");
        profile(Tokens.of("zoe"), slug, "Zoe");
        long adaWithZoe = connect(slug, Tokens.of("zoe"), Tokens.attendee());
        Api.attendee().body(Map.of("note", "Zoe runs the CNCF meetup")).put(e + "/connections/" + adaWithZoe + "/note")
                .then().statusCode(200);
        String adaCode = issue(Tokens.attendee(), slug).getString("token");

        // Profile: the only profile Bruno can write is his own; Ada's is hidden from a stranger
        Api.otherAttendee().get(e + "/attendees/" + adaProfile).then().statusCode(404);
        Api.otherAttendee().get(e + "/me/profile").then().body("displayName", is("Bruno"));
        Api.otherAttendee().body(Map.of("displayName", "Bruno2")).put(e + "/me/profile").then().statusCode(200);
        Api.attendee().get(e + "/me/profile").then().body("displayName", is("Ada"));
        // Codes: Bruno's "current" code is his own, never Ada's
        Api.otherAttendee().get(e + "/me/exchange-tokens/current/qr.svg").then().statusCode(404);
        // Connections and notes of Ada's: not found for Bruno, whatever he tries
        Api.otherAttendee().get(e + "/connections/" + adaWithZoe).then().statusCode(404);
        Api.otherAttendee().body(Map.of("note", "hijack")).put(e + "/connections/" + adaWithZoe + "/note").then().statusCode(404);
        Api.otherAttendee().body(Map.of("share", true)).put(e + "/connections/" + adaWithZoe + "/share-back").then().statusCode(404);
        Api.otherAttendee().body(Map.of("starred", true)).put(e + "/connections/" + adaWithZoe + "/star").then().statusCode(404);
        Api.otherAttendee().delete(e + "/connections/" + adaWithZoe).then().statusCode(404);
        Api.otherAttendee().get(e + "/connections").then().body("items", empty());
        Api.otherAttendee().get(e + "/connections.csv").then().body(not(containsString("Zoe")));
        Api.otherAttendee().get(e + "/me/export").then().body(not(containsString("CNCF")));
        Api.otherAttendee().delete(e + "/me").then().statusCode(204);
        // The organizer, as an attendee without connections, sees none of it either
        Api.organizer().get(e + "/connections/" + adaWithZoe).then().statusCode(404);
        Api.organizer().body(Map.of("note", "x")).put(e + "/connections/" + adaWithZoe + "/note").then().statusCode(404);

        Api.attendee().get(e + "/connections/" + adaWithZoe).then().statusCode(200)
                .body("note", is("Zoe runs the CNCF meetup")).body("starred", is(false)).body("sharingBack", is(false));
        Api.attendee().get(e + "/me/exchange-tokens/current/qr.svg").then().statusCode(200);
        scan(Tokens.of("zoe"), slug, adaCode).then().statusCode(200);
    }
}
