package io.hallway.meetups;

import static io.hallway.meetups.AcceptedMeetingTest.accepted;
import static io.hallway.meetups.MeetingTest.ADA;
import static io.hallway.meetups.MeetingTest.BRUNO;
import static io.hallway.meetups.MeetingTest.conference;
import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.LiveFixtures.runningLate;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
        for (var person : List.of(Api.attendee(), Api.otherAttendee())) {
            person.get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                    .body("status", equalTo("accepted"))
                    .body("noLongerFits", startsWith("Theater is running 3 min late"));
        }

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

    /** Entries of this kind in the person's change feed, since the meet-up was accepted. */
    private static long news(Db db, long event, String token, String kind) {
        return db.count("select count(*) from agenda_change c where event_id = ? and user_id = ? and kind = ?"
                + " and (kind <> 'meeting' or exists (select 1 from agenda_news n where n.id = any (c.news_ids)"
                + " and n.details ->> 'what' = 'no-longer-fits'))", event, db.userId(token), kind);
    }
}
