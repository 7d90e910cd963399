package io.hallway.meetups;

import static io.hallway.meetups.MeetingTest.ADA;
import static io.hallway.meetups.MeetingTest.BRUNO;
import static io.hallway.meetups.MeetingTest.ask;
import static io.hallway.meetups.MeetingTest.conference;
import static io.hallway.meetups.MeetingTest.listedProfile;
import static io.hallway.meetups.MeetingTest.whoMayAsk;
import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.AgendaFixtures.cursor;
import static io.hallway.testing.AgendaFixtures.updateSession;
import static io.hallway.testing.ScheduleFixtures.at;
import static io.hallway.testing.ScheduleFixtures.create;
import static io.hallway.testing.ScheduleFixtures.talk;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.AtOnce;
import io.hallway.testing.Db;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Who can set up a meet-up with whom once it is asked for, and what each side reads of how it ended. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MeetingRulesTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_block_made_while_a_request_waits_stops_it_being_accepted_or_moved_by_either_side() {
        MeetingTest.Conference c = conference("block-pending");
        long bruno = brunoTakesAnyone(c);
        String refusal = ask(ADA, c.slug(), 999_999_999L, 15).statusCode(409).extract().path("detail");
        long id = ask(ADA, c.slug(), bruno, 15).statusCode(201).extract().jsonPath().getLong("id");
        String meeting = "/api/events/" + c.slug() + "/meetings/" + id;

        Api.attendee().put("/api/events/" + c.slug() + "/me/blocks/" + bruno).then().statusCode(204);

        // Bruno reads what he would read for anyone not available, and the meeting stays pending.
        Api.otherAttendee().body(Map.of("slotIndex", 0)).post(meeting + "/accept").then().statusCode(409)
                .body("type", equalTo("urn:hallway:problem:not-available")).body("detail", equalTo(refusal));
        Api.otherAttendee().body(Map.of("startsAt", at("10:40"))).post(meeting + "/propose").then().statusCode(409)
                .body("detail", equalTo(refusal));
        Api.attendee().get(meeting).then().statusCode(200).body("status", equalTo("pending"));
        Api.attendee().get("/api/events/" + c.slug() + "/agenda").then().body("meetings", empty());
        // Declining still ends it.
        Api.otherAttendee().post(meeting + "/decline").then().statusCode(200).body("status", equalTo("declined"));
    }

    @Test
    void an_accepted_meeting_takes_its_time_from_the_slots_of_other_requests() {
        MeetingTest.Conference c = conference("busy-meeting");
        String hana = Tokens.of("hana");
        String hugo = Tokens.of("hugo");
        long hanasProfile = listedProfile(hana, c.slug(), "Hana");
        long hugosProfile = listedProfile(hugo, c.slug(), "Hugo");
        whoMayAsk(hana, c.slug(), "anyone");
        whoMayAsk(hugo, c.slug(), "anyone");
        // Right after Ada's workshop and her four minutes' walk: 10:05, for Hana as for Bruno.
        long toHana = ask(ADA, c.slug(), hanasProfile, 15).statusCode(201).body("slots[0].startsAt", equalTo(at("10:05")))
                .extract().jsonPath().getLong("id");
        long toBruno = adaAsksBruno(c);
        Api.otherAttendee().body(Map.of("slotIndex", 0)).post("/api/events/" + c.slug() + "/meetings/" + toBruno + "/accept")
                .then().statusCode(200);

        // Ada meets Bruno 10:05-10:20: Hana can no longer take 10:05, and a new request starts after it.
        Api.as(hana).body(Map.of("slotIndex", 0)).post("/api/events/" + c.slug() + "/meetings/" + toHana + "/accept")
                .then().statusCode(409).body("type", equalTo("urn:hallway:problem:slot-not-free"));
        ask(ADA, c.slug(), hugosProfile, 15).statusCode(201).body("slots[0].startsAt", equalTo(at("10:20")));
    }

    @Test
    void three_people_accepting_the_same_time_with_me_at_once_leave_one_meet_up_at_it() throws Exception {
        MeetingTest.Conference c = conference("accept-race");
        List<String> invitees = List.of(BRUNO, Tokens.of("hana"), Tokens.of("hugo"));
        List<Long> asked = new ArrayList<>();
        for (String invitee : invitees) {
            long profile = listedProfile(invitee, c.slug(), "Someone");
            whoMayAsk(invitee, c.slug(), "anyone");
            asked.add(ask(ADA, c.slug(), profile, 15).statusCode(201).body("slots[0].startsAt", equalTo(at("10:05")))
                    .extract().jsonPath().getLong("id"));
        }

        List<Integer> statuses = AtOnce.statuses(List.of(0, 1, 2).stream().<Callable<Integer>> map(i -> () -> Api
                .as(invitees.get(i)).body(Map.of("slotIndex", 0))
                .post("/api/events/" + c.slug() + "/meetings/" + asked.get(i) + "/accept").then().extract().statusCode())
                .toList());

        assertEquals(List.of(200, 409, 409), statuses.stream().sorted().toList());
        Api.attendee().get("/api/events/" + c.slug() + "/agenda").then().body("meetings", hasSize(1));
    }

    @Test
    void asking_needs_a_profile_the_person_asked_can_block() {
        MeetingTest.Conference c = conference("ask-profile");
        long bruno = brunoTakesAnyone(c);
        String zoe = Tokens.of("zoe");

        ask(zoe, c.slug(), bruno, 15).statusCode(409).body("type", equalTo("urn:hallway:problem:profile-needed"));
        Db db = new Db(dataSource);
        assertEquals(0, db.count("select count(*) from meeting m join event e on e.id = m.event_id where e.slug = ?",
                c.slug()));
    }

    @Test
    void a_requester_declining_a_counter_proposal_reads_declined_and_the_invitee_only_not_available() {
        MeetingTest.Conference c = conference("decline-back");
        long id = adaAsksBruno(c);
        String meeting = "/api/events/" + c.slug() + "/meetings/" + id;
        Api.otherAttendee().body(Map.of("startsAt", at("10:40"), "placeId", "sofas")).post(meeting + "/propose").then()
                .statusCode(200);

        Api.attendee().post(meeting + "/decline").then().statusCode(200).body("status", equalTo("declined"));

        Api.otherAttendee().get(meeting).then().statusCode(200).body("status", equalTo("not-available"))
                .body("role", equalTo("invitee")).body("slots", empty());
    }

    @Test
    void erasing_my_data_tells_the_other_person_our_meeting_is_cancelled() {
        MeetingTest.Conference c = conference("erase-meeting");
        long id = adaAsksBruno(c);
        Api.otherAttendee().body(Map.of("slotIndex", 0)).post("/api/events/" + c.slug() + "/meetings/" + id + "/accept")
                .then().statusCode(200);
        String since = cursor(c.slug());

        Api.attendee().delete("/api/events/" + c.slug() + "/me").then().statusCode(204);

        Api.otherAttendee().queryParam("since", since).get("/api/events/" + c.slug() + "/agenda/changes").then()
                .statusCode(200).body("changes.findAll { it.meeting?.what == 'cancelled' }.meeting.meetingId",
                        contains((int) id));
        Api.otherAttendee().get("/api/events/" + c.slug() + "/agenda").then().statusCode(200).body("meetings", empty());
    }

    @Test
    void a_cancelled_session_that_takes_place_after_all_over_a_meeting_tells_both() {
        MeetingTest.Conference c = conference("reinstated");
        long popUp = create(c.slug(), talk("Pop-up talk", c.theater(), "10:10", "10:30")).getLong("id");
        bookmark(Api.attendee(), c.slug(), popUp);
        updateSession(c.slug(), popUp, Map.of("status", "cancelled"));
        long id = adaAsksBruno(c);
        String meeting = "/api/events/" + c.slug() + "/meetings/" + id;
        Api.otherAttendee().body(Map.of("slotIndex", 0)).post(meeting + "/accept").then().statusCode(200);

        updateSession(c.slug(), popUp, Map.of("status", "scheduled"));

        Api.attendee().get(meeting).then().statusCode(200).body("noLongerFits", notNullValue());
        Api.otherAttendee().get(meeting).then().statusCode(200).body("noLongerFits", notNullValue());
    }

    /** Bruno, in the directory and asked by anyone: his profile id. */
    private static long brunoTakesAnyone(MeetingTest.Conference c) {
        long bruno = listedProfile(BRUNO, c.slug(), "Bruno");
        whoMayAsk(BRUNO, c.slug(), "anyone");
        return bruno;
    }

    /** Ada asks Bruno for 15 minutes, first proposed right after her workshop: the meeting's id. */
    private static long adaAsksBruno(MeetingTest.Conference c) {
        return ask(ADA, c.slug(), brunoTakesAnyone(c), 15).statusCode(201).body("slots[0].startsAt", equalTo(at("10:05")))
                .extract().jsonPath().getLong("id");
    }
}
