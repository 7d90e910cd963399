package io.hallway.meetups;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.LiveFixtures.runningLate;
import static io.hallway.testing.PeopleFixtures.connect;
import static io.hallway.testing.PeopleFixtures.profile;
import static io.hallway.testing.PeopleFixtures.saveProfile;
import static io.hallway.testing.ScheduleFixtures.at;
import static io.hallway.testing.ScheduleFixtures.create;
import static io.hallway.testing.ScheduleFixtures.newEvent;
import static io.hallway.testing.ScheduleFixtures.room;
import static io.hallway.testing.ScheduleFixtures.session;
import static io.hallway.testing.ScheduleFixtures.talk;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.notify.QueuedNotifications;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MeetingTest {

    static final String ADA = Tokens.attendee();
    static final String BRUNO = Tokens.otherAttendee();

    @Inject
    DataSource dataSource;

    @Inject
    QueuedNotifications queuedNotifications;

    /** One event: the Theater and the Flex Space, both busy 09:00-10:00, and a talk until noon. */
    record Conference(String slug, long theater, long flex, long adasTalk, long brunosTalk) {
    }

    /**
     * The hall, walked at 1 m/s: Theater, 1 min to the coffee bar, 3 more to the meeting point, 5 more to the Flex
     * Space, 1 more to the lounge. From the Theater: coffee 1, meeting point 4, lounge 10 minutes; from the Flex
     * Space: coffee 8, meeting point 5, lounge 1.
     */
    static Map<String, Object> hall() {
        return Map.of("speeds", Map.of("walk", 1.0),
                "levels", List.of(Map.of("id", "main", "name", "Main hall", "ordinal", 0)),
                "nodes", List.of(node("t", 0), node("c", 60), node("m", 240), node("f", 540), node("l", 600)),
                "rooms", List.of(
                        Map.of("id", "theater", "name", "Theater", "level", "main", "entrances", List.of("t"), "scheduleRoom", "Theater"),
                        Map.of("id", "flex", "name", "Flex Space", "level", "main", "entrances", List.of("f"), "scheduleRoom", "Flex Space")),
                "pois", List.of(poi("coffee-bar", "Coffee bar", "coffee", "c"), poi("meet-here", "Meeting point", "meeting-point", "m"),
                        poi("sofas", "Lounge", "lounge", "l"), poi("wc", "Toilets", "toilet", "t")),
                "edges", List.of(edge("tc", "t", "c", 60), edge("cm", "c", "m", 180), edge("mf", "m", "f", 300),
                        edge("fl", "f", "l", 60)));
    }

    static Map<String, Object> node(String id, double x) {
        return Map.of("id", id, "level", "main", "x", x, "y", 0.0);
    }

    static Map<String, Object> poi(String id, String name, String category, String entrance) {
        return Map.of("id", id, "name", name, "category", category, "level", "main", "entrances", List.of(entrance));
    }

    static Map<String, Object> edge(String id, String from, String to, double length) {
        return Map.of("id", id, "from", from, "to", to, "kind", "corridor", "length", length);
    }

    static Conference conference(String prefix) {
        clockAt("08:00");
        String slug = newEvent(prefix);
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long adasTalk = create(slug, session("workshop", "Ada's workshop", theater, "09:00", "10:00")).getLong("id");
        long brunosTalk = create(slug, session("workshop", "Bruno's workshop", flex, "09:00", "10:00")).getLong("id");
        create(slug, session("keynote", "Closing", theater, "11:00", "12:00"));
        Api.organizer().body(hall()).put("/api/admin/events/" + slug + "/venue").then().log().ifValidationFails().statusCode(201);
        bookmark(Api.attendee(), slug, adasTalk);
        bookmark(Api.otherAttendee(), slug, brunosTalk);
        // Ada asks in most tests: asking needs a profile, which the person asked sees.
        profile(ADA, slug, "Ada");
        return new Conference(slug, theater, flex, adasTalk, brunosTalk);
    }

    static long listedProfile(String token, String slug, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("displayName", name, "inDirectory", true,
                "visibility", Map.of("displayName", "everyone")));
        return saveProfile(token, slug, body);
    }

    static void whoMayAsk(String token, String slug, String who) {
        Api.as(token).body(Map.of("whoMayAsk", who)).put("/api/events/" + slug + "/me/meeting-settings").then()
                .statusCode(200).body("whoMayAsk", equalTo(who));
    }

    static ValidatableResponse ask(String token, String slug, Object profileId, Object minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("profileId", profileId);
        body.put("minutes", minutes);
        return Api.as(token).body(body).post("/api/events/" + slug + "/meetings").then();
    }

    @Test
    void a_request_proposes_slots_after_both_walks_at_the_place_that_makes_the_longer_walk_shortest() {
        Conference c = conference("slots");
        listedProfile(ADA, c.slug(), "Ada");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        whoMayAsk(BRUNO, c.slug(), "anyone");

        ask(ADA, c.slug(), bruno, 15).statusCode(201)
                .header("Location", containsString("/api/events/" + c.slug() + "/meetings/"))
                .body("status", equalTo("pending"))
                .body("role", equalTo("requester"))
                .body("with.profileId", equalTo((int) bruno))
                .body("with.displayName", equalTo("Bruno"))
                .body("slots", hasSize(3))
                // 10:00 leaves nobody time to walk; at 10:05 the coffee bar is 8 minutes from the Flex Space and the
                // lounge 10 from the Theater: neither fits. The meeting point is 4 and 5 minutes.
                .body("slots[0].startsAt", equalTo(at("10:05")))
                .body("slots[0].endsAt", equalTo(at("10:20")))
                .body("slots[0].place.id", equalTo("meet-here"))
                .body("slots[0].place.category", equalTo("meeting-point"))
                .body("slots[0].place.myWalkingMinutes", equalTo(4))
                .body("slots[0].place.theirWalkingMinutes", equalTo(5))
                .body("slots[1].startsAt", equalTo(at("10:20")))
                .body("slots[2].startsAt", equalTo(at("10:35")));

        Api.otherAttendee().get("/api/events/" + c.slug() + "/meetings").then().statusCode(200)
                .body("[0].role", equalTo("invitee"))
                .body("[0].awaitingMyAnswer", equalTo(true))
                .body("[0].slots[0].place.myWalkingMinutes", equalTo(5))
                .body("[0].slots[0].place.theirWalkingMinutes", equalTo(4));
    }

    @Test
    void a_room_running_late_moves_the_first_slot() {
        Conference c = conference("late");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        clockAt("09:30");
        runningLate(Api.organizer(), c.slug(), c.theater(), 10).statusCode(anyOf(is(200), is(204)));

        // Ada's talk now ends at 10:10; with her four minutes' walk the meeting point is reachable at 10:15.
        ask(ADA, c.slug(), bruno, 15).statusCode(201).body("slots[0].startsAt", equalTo(at("10:15")))
                .body("slots[0].place.id", equalTo("meet-here"));
    }

    @Test
    void connections_only_refuses_a_stranger_anyone_accepts_a_directory_member_and_nobody_refuses_all() {
        Conference c = conference("setting");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        long hana = listedProfile(Tokens.of("hana"), c.slug(), "Hana");
        long hugo = listedProfile(Tokens.of("hugo"), c.slug(), "Hugo");
        // Bruno keeps the default (connections only), and Ada is a stranger to him.
        Api.otherAttendee().get("/api/events/" + c.slug() + "/me/meeting-settings").then().body("whoMayAsk",
                equalTo("connections"));
        String refusal = ask(ADA, c.slug(), bruno, 15).statusCode(409)
                .body("type", equalTo("urn:hallway:problem:not-available")).extract().path("detail");
        // Once Bruno shares with Ada, she may ask.
        connect(c.slug(), BRUNO, ADA);
        ask(ADA, c.slug(), bruno, 15).statusCode(201);

        whoMayAsk(Tokens.of("hana"), c.slug(), "anyone");
        ask(ADA, c.slug(), hana, 30).statusCode(201);

        // Nobody refuses even a connection, with the very same words as a refusal for not qualifying, and as for
        // nobody at all.
        whoMayAsk(Tokens.of("hugo"), c.slug(), "nobody");
        connect(c.slug(), Tokens.of("hugo"), ADA);
        ask(ADA, c.slug(), hugo, 15).statusCode(409).body("detail", equalTo(refusal));
        ask(ADA, c.slug(), 999_999_999L, 15).statusCode(409).body("detail", equalTo(refusal));

        // Hana takes anyone, but not someone she blocked, nor someone who blocked her: the same words again.
        long ada = listedProfile(ADA, c.slug(), "Ada");
        Api.as(Tokens.of("hana")).put("/api/events/" + c.slug() + "/me/blocks/" + ada).then().statusCode(204);
        ask(ADA, c.slug(), hana, 15).statusCode(409).body("detail", equalTo(refusal));
        // Zoe (asking, so Ada's rate limit stays out of it) blocked Hana: she cannot ask her either.
        listedProfile(Tokens.of("zoe"), c.slug(), "Zoe");
        Api.as(Tokens.of("zoe")).put("/api/events/" + c.slug() + "/me/blocks/" + hana).then().statusCode(204);
        ask(Tokens.of("zoe"), c.slug(), hana, 15).statusCode(409).body("detail", equalTo(refusal));
    }

    @Test
    void pending_requests_are_limited_and_requests_are_rate_limited() {
        Conference c = conference("limits");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        long hugo = listedProfile(Tokens.of("hugo"), c.slug(), "Hugo");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        whoMayAsk(Tokens.of("hugo"), c.slug(), "nobody");
        // %test: 3 pending per person, 6 requests a minute.
        long first = ask(ADA, c.slug(), bruno, 15).statusCode(201).extract().jsonPath().getLong("id");
        ask(ADA, c.slug(), bruno, 15).statusCode(201);
        ask(ADA, c.slug(), bruno, 15).statusCode(201);
        ask(ADA, c.slug(), bruno, 15).statusCode(409).body("type", equalTo("urn:hallway:problem:too-many-pending-meetings"));
        Api.attendee().post("/api/events/" + c.slug() + "/meetings/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        ask(ADA, c.slug(), bruno, 15).statusCode(201);

        // Refused requests count too; a new minute may start once in between, so allow for two windows.
        String slug = c.slug();
        int status = 0;
        for (int i = 0; i < 13 && status != 429; i++) {
            status = ask(Tokens.of("zoe"), slug, hugo, 15).extract().statusCode();
        }
        assertEquals(429, status);
        ask(Tokens.of("zoe"), slug, hugo, 15).statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void an_accepted_meeting_is_in_both_agendas_and_a_session_bookmarked_over_it_clashes() {
        Conference c = conference("accept");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        listedProfile(ADA, c.slug(), "Ada");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        long id = ask(ADA, c.slug(), bruno, 15).statusCode(201).extract().jsonPath().getLong("id");
        String meetings = "/api/events/" + c.slug() + "/meetings/" + id;
        // Only the person asked answers.
        Api.attendee().body(Map.of("slotIndex", 0)).post(meetings + "/accept").then().statusCode(409)
                .body("type", equalTo("urn:hallway:problem:meeting-not-pending"));

        Api.otherAttendee().body(Map.of("slotIndex", 0)).post(meetings + "/accept").then().statusCode(200)
                .body("status", equalTo("accepted")).body("startsAt", equalTo(at("10:05")))
                .body("place.name", equalTo("Meeting point"));

        for (var person : List.of(Api.attendee(), Api.otherAttendee())) {
            person.get("/api/events/" + c.slug() + "/agenda").then().statusCode(200)
                    .body("meetings", hasSize(1))
                    .body("meetings[0].itemId", equalTo("meeting-" + id))
                    .body("meetings[0].startsAt", equalTo(at("10:05")))
                    .body("meetings[0].endsAt", equalTo(at("10:20")))
                    .body("meetings[0].placeName", equalTo("Meeting point"))
                    .body("conflicts", empty());
        }
        Api.attendee().get("/api/events/" + c.slug() + "/agenda").then().body("meetings[0].withName", equalTo("Bruno"));

        long over = create(c.slug(), talk("Over it", c.flex(), "10:00", "10:30")).getLong("id");
        bookmark(Api.otherAttendee(), c.slug(), over);
        Api.otherAttendee().get("/api/events/" + c.slug() + "/agenda").then()
                .body("conflicts", hasSize(1))
                .body("conflicts[0].first", equalTo("session-" + over))
                .body("conflicts[0].second", equalTo("meeting-" + id))
                .body("conflicts[0].overlapMinutes", equalTo(15));

        // Bruno heard of the request and Ada of the answer, in their change feeds and as meeting notifications.
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());
        assertEquals(1, db.count("select count(*) from agenda_change where event_id = ? and user_id = ? and kind = 'meeting'",
                event, db.userId(BRUNO)));
        assertEquals(1, db.count("select count(*) from agenda_change where event_id = ? and user_id = ? and kind = 'meeting'",
                event, db.userId(ADA)));
        queuedNotifications.write();
        assertEquals(2, db.count("select count(*) from notification where event_id = ? and 'meeting' = any (kinds)", event));
    }

    @Test
    void a_declined_request_reads_not_available_to_the_requester() {
        Conference c = conference("decline");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        long id = ask(ADA, c.slug(), bruno, 30).statusCode(201).extract().jsonPath().getLong("id");

        Api.otherAttendee().post("/api/events/" + c.slug() + "/meetings/" + id + "/decline").then().statusCode(200)
                .body("status", equalTo("declined"));

        Api.attendee().get("/api/events/" + c.slug() + "/meetings").then().statusCode(200)
                .body("[0].status", equalTo("not-available")).body("[0].slots", empty());
        Api.attendee().get("/api/events/" + c.slug() + "/agenda").then().body("meetings", empty());
    }

    @Test
    void a_counter_proposal_is_checked_against_both_agendas_and_the_other_side_answers_it() {
        Conference c = conference("propose");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        long id = ask(ADA, c.slug(), bruno, 15).statusCode(201).extract().jsonPath().getLong("id");
        String meeting = "/api/events/" + c.slug() + "/meetings/" + id;

        // During Ada's talk: refused. From the lounge, Ada could not be back for the 11:00 closing talk... she is
        // not bookmarked there, so 10:40 at the lounge fits.
        Api.otherAttendee().body(Map.of("startsAt", at("09:30"))).post(meeting + "/propose").then().statusCode(409)
                .body("type", equalTo("urn:hallway:problem:slot-not-free"));
        Api.otherAttendee().body(Map.of("startsAt", at("10:40"), "placeId", "sofas")).post(meeting + "/propose").then()
                .statusCode(200).body("awaitingMyAnswer", equalTo(false)).body("slots", hasSize(1))
                .body("slots[0].place.id", equalTo("sofas")).body("slots[0].place.myWalkingMinutes", equalTo(1));

        Api.attendee().body(Map.of("slotIndex", 0)).post(meeting + "/accept").then().statusCode(200)
                .body("status", equalTo("accepted")).body("startsAt", equalTo(at("10:40")));
    }

    @Test
    void bad_input_is_a_4xx_and_stores_nothing() {
        Conference c = conference("bad");
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        ask(ADA, c.slug(), bruno, 20).statusCode(400).body("violations[0].field", equalTo("minutes"));
        ask(ADA, c.slug(), null, 15).statusCode(400);
        Api.attendee().body(Map.of("profileId", bruno, "minutes", 15, "room", "mine"))
                .post("/api/events/" + c.slug() + "/meetings").then().statusCode(400);
        Api.attendee().body(Map.of("whoMayAsk", "everybody")).put("/api/events/" + c.slug() + "/me/meeting-settings")
                .then().statusCode(400);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());
        assertEquals(0, db.count("select count(*) from meeting where event_id = ?", event));
        assertEquals(0, db.count("select count(*) from meeting_setting where event_id = ? and user_id = ?", event,
                db.userId(ADA)));

        long id = ask(ADA, c.slug(), bruno, 15).statusCode(201).extract().jsonPath().getLong("id");
        String meeting = "/api/events/" + c.slug() + "/meetings/" + id;
        Api.otherAttendee().body(Map.of("slotIndex", 7)).post(meeting + "/accept").then().statusCode(400);
        Api.otherAttendee().body(Map.of("startsAt", at("10:40"), "placeId", "wc")).post(meeting + "/propose").then()
                .statusCode(400);
        Api.otherAttendee().body(Map.of("startsAt", "tomorrow")).post(meeting + "/propose").then().statusCode(400);
        // Someone else's meeting is not found.
        Api.as(Tokens.of("zoe")).post(meeting + "/cancel").then().statusCode(404);
        Api.otherAttendee().get(meeting).then().statusCode(200).body("status", equalTo("pending"))
                .body("slots", hasSize(3));
    }
}
