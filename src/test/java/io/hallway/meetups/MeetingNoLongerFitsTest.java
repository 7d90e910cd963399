package io.hallway.meetups;

import static io.hallway.meetups.AcceptedMeetingTest.accepted;
import static io.hallway.meetups.MeetingTest.ADA;
import static io.hallway.meetups.MeetingTest.BRUNO;
import static io.hallway.meetups.MeetingTest.conference;
import static io.hallway.testing.AgendaFixtures.updateSession;
import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.LiveFixtures.runningLate;
import static io.hallway.testing.ScheduleFixtures.at;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What breaks an accepted meet-up and what each of its two people reads about it: delays below the change
 * threshold, a text per person, and a second cause. The meet-up of {@link AcceptedMeetingTest#accepted} at slot 0
 * is 10:05-10:20 at the meeting point: Ada walks 4 min from the Theater after her workshop (ends 10:00), Bruno 5 min
 * from the Flex Space after his.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MeetingNoLongerFitsTest {

    @Inject
    DataSource dataSource;

    @Test
    void a_delay_below_the_change_threshold_that_leaves_no_time_for_a_tight_walk_tells_both_once() {
        MeetingTest.Conference c = conference("tiny-delay");
        long id = accepted(c, 0);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());

        // Ada's workshop has started; three minutes late (below the 5 min threshold) it ends 10:03, and with her
        // four minutes' walk she is there at 10:07.
        clockAt("09:30");
        runningLate(Api.organizer(), c.slug(), c.theater(), 3).statusCode(anyOf(is(200), is(204)));
        assertEquals(1, news(db, event, ADA, "meeting"));
        assertEquals(1, news(db, event, BRUNO, "meeting"));
        // The delay itself is below the threshold: no delay news in anyone's change feed.
        assertEquals(0, news(db, event, ADA, "delay"));
        Api.attendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("noLongerFits", equalTo("'Ada's workshop' now ends Sun 10:03 (Theater is running 3 min late), and"
                        + " you no longer have the time to get there."));
        Api.otherAttendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("noLongerFits", equalTo("Theater is running 3 min late, and one of you no longer has the time to"
                        + " get there."));

        // Told once: another small delay of the same session says nothing more.
        runningLate(Api.organizer(), c.slug(), c.theater(), 4).statusCode(anyOf(is(200), is(204)));
        assertEquals(1, news(db, event, ADA, "meeting"));
        assertEquals(1, news(db, event, BRUNO, "meeting"));
    }

    @Test
    void a_delay_below_the_change_threshold_that_still_leaves_time_for_the_walk_tells_nobody() {
        MeetingTest.Conference c = conference("fits-delay");
        long id = accepted(c, 0);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());

        // One minute late: her workshop ends 10:01 and she is there at 10:05, just in time.
        clockAt("09:30");
        runningLate(Api.organizer(), c.slug(), c.theater(), 1).statusCode(anyOf(is(200), is(204)));
        assertEquals(0, news(db, event, ADA, "meeting"));
        assertEquals(0, news(db, event, BRUNO, "meeting"));
        assertEquals(0, news(db, event, ADA, "delay"));
        for (var person : List.of(Api.attendee(), Api.otherAttendee())) {
            person.get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                    .body("noLongerFits", nullValue());
        }
    }

    @Test
    void each_person_reads_the_session_they_follow_named_and_never_one_only_the_other_follows() {
        MeetingTest.Conference c = conference("own-words");
        long id = accepted(c, 0);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());
        String adasFeed = AcceptedMeetingTest.feed(Api.attendee(), c.slug());
        String brunosFeed = AcceptedMeetingTest.feed(Api.otherAttendee(), c.slug());

        // Bruno's workshop runs two minutes late: it ends 10:02, and his five minutes' walk makes him late at 10:07.
        clockAt("09:30");
        runningLate(Api.organizer(), c.slug(), c.flex(), 2).statusCode(anyOf(is(200), is(204)));
        String brunosWhy = "'Bruno's workshop' now ends Sun 10:02 (Flex Space is running 2 min late), and you no longer"
                + " have the time to get there.";
        String adasWhy = "Flex Space is running 2 min late, and one of you no longer has the time to get there.";
        for (var personAndWhy : List.of(Map.entry(Api.attendee(), adasWhy), Map.entry(Api.otherAttendee(), brunosWhy))) {
            var person = personAndWhy.getKey();
            person.get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                    .body("noLongerFits", equalTo(personAndWhy.getValue()));
            person.get("/api/events/" + c.slug() + "/agenda").then().statusCode(200)
                    .body("meetings[0].noLongerFits", equalTo(personAndWhy.getValue()));
        }
        // Her calendar, her change feed and her phone say nothing of his workshop; his do.
        String adasCalendar = unfolded(Api.anonymous().get(adasFeed).then().statusCode(200).extract().asString());
        assertThat(adasCalendar, allOf(containsString("No longer fits: " + adasWhy), not(containsString("Bruno's workshop"))));
        String brunosCalendar = unfolded(Api.anonymous().get(brunosFeed).then().statusCode(200).extract().asString());
        assertThat(brunosCalendar, containsString("No longer fits: " + brunosWhy));
        assertEquals(0, toldOf(db, event, ADA, "Bruno's workshop"));
        assertEquals(1, toldOf(db, event, ADA, adasWhy));
        assertEquals(1, toldOf(db, event, BRUNO, brunosWhy));
    }

    @Test
    void a_meeting_broken_by_a_delay_and_then_by_a_release_is_told_again_but_never_twice_for_one_cause() {
        MeetingTest.Conference c = conference("second-cause");
        long id = accepted(c, 0);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());

        // A delay of Ada's workshop breaks her walk.
        runningLate(Api.organizer(), c.slug(), c.theater(), 3).statusCode(anyOf(is(200), is(204)));
        assertEquals(1, news(db, event, ADA, "meeting"));
        assertEquals(1, news(db, event, BRUNO, "meeting"));

        // Then Bruno's workshop is given a new end that runs into the meet-up: a second cause, told to both again.
        updateSession(c.slug(), c.brunosTalk(), Map.of("endsAt", at("10:10")));
        assertEquals(2, news(db, event, ADA, "meeting"));
        assertEquals(2, news(db, event, BRUNO, "meeting"));
        String adasWhy = "A session one of you follows changed, and it now overlaps a session one of you follows.";
        String brunosWhy = "'Bruno's workshop' now ends Sun 10:10, and it now overlaps a session you follow.";
        Api.attendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().body("noLongerFits", equalTo(adasWhy));
        Api.otherAttendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().body("noLongerFits", equalTo(brunosWhy));
        assertEquals(1, toldOf(db, event, ADA, adasWhy));
        assertEquals(1, toldOf(db, event, BRUNO, brunosWhy));

        // The same causes again (a later end of his workshop, a longer delay of hers) say nothing more.
        updateSession(c.slug(), c.brunosTalk(), Map.of("endsAt", at("10:12")));
        runningLate(Api.organizer(), c.slug(), c.theater(), 4).statusCode(anyOf(is(200), is(204)));
        assertEquals(2, news(db, event, ADA, "meeting"));
        assertEquals(2, news(db, event, BRUNO, "meeting"));
        Api.otherAttendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().body("noLongerFits", equalTo(brunosWhy));

        // Each one's export holds the causes they were told of, for the items they follow only.
        Api.attendee().get("/api/events/" + c.slug() + "/me/export").then().statusCode(200)
                .body("meetings.noLongerFitsCausesTold", hasSize(1))
                .body("meetings.noLongerFitsCausesTold[0].meetingId", equalTo((int) id))
                .body("meetings.noLongerFitsCausesTold[0].causes", contains("delay:session-" + c.adasTalk()));
        Api.otherAttendee().get("/api/events/" + c.slug() + "/me/export").then().statusCode(200)
                .body("meetings.noLongerFitsCausesTold[0].causes", contains("schedule:session-" + c.brunosTalk()))
                .body("meetings.meetings[0].noLongerFits", equalTo(brunosWhy));
    }

    /** An iCalendar document with its long lines unfolded (RFC 5545 3.1). */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";");
    }

    /** The person's no-longer-fits news whose text contains this. */
    private static long toldOf(Db db, long event, String token, String text) {
        return db.count("select count(*) from agenda_change c join agenda_news n on n.id = any (c.news_ids)"
                + " where c.event_id = ? and c.user_id = ? and c.kind = 'meeting' and n.details ->> 'what' = 'no-longer-fits'"
                + " and strpos(n.details ->> 'text', ?) > 0", event, db.userId(token), text);
    }

    /** Entries of this kind in the person's change feed, since the meet-up was accepted. */
    private static long news(Db db, long event, String token, String kind) {
        return db.count("select count(*) from agenda_change c where event_id = ? and user_id = ? and kind = ?"
                + " and (kind <> 'meeting' or exists (select 1 from agenda_news n where n.id = any (c.news_ids)"
                + " and n.details ->> 'what' = 'no-longer-fits'))", event, db.userId(token), kind);
    }
}
