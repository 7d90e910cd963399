package io.hallway.meetups;

import static io.hallway.meetups.MeetingTest.ADA;
import static io.hallway.meetups.MeetingTest.BRUNO;
import static io.hallway.meetups.MeetingTest.ask;
import static io.hallway.meetups.MeetingTest.conference;
import static io.hallway.meetups.MeetingTest.listedProfile;
import static io.hallway.meetups.MeetingTest.whoMayAsk;
import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.AgendaFixtures.updateSession;
import static io.hallway.testing.LiveFixtures.clockAt;
import static io.hallway.testing.LiveFixtures.runningLate;
import static io.hallway.testing.PeopleFixtures.profile;
import static io.hallway.testing.PeopleFixtures.saveProfile;
import static io.hallway.testing.ScheduleFixtures.at;
import static io.hallway.testing.ScheduleFixtures.create;
import static io.hallway.testing.ScheduleFixtures.newEvent;
import static io.hallway.testing.ScheduleFixtures.release;
import static io.hallway.testing.ScheduleFixtures.releaseMode;
import static io.hallway.testing.ScheduleFixtures.room;
import static io.hallway.testing.ScheduleFixtures.session;
import static io.hallway.testing.ScheduleFixtures.talk;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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
import io.quarkus.test.junit.QuarkusTest;

/** An accepted meet-up beyond the agenda: the calendar feeds, next-route, conflicts, and changes that break it. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AcceptedMeetingTest {

    @Inject
    DataSource dataSource;

    @Inject
    QueuedNotifications queuedNotifications;

    /** Ada asks Bruno, who accepts the slot at this index: 0 is 10:05-10:20, 1 is 10:20-10:35, at the meeting point. */
    static long accepted(MeetingTest.Conference c, int slotIndex) {
        whoMayAsk(BRUNO, c.slug(), "anyone");
        long id = ask(ADA, c.slug(), listedProfile(BRUNO, c.slug(), "Bruno"), 15).statusCode(201).extract().jsonPath()
                .getLong("id");
        Api.otherAttendee().body(Map.of("slotIndex", slotIndex)).post("/api/events/" + c.slug() + "/meetings/" + id + "/accept")
                .then().statusCode(200).body("place.id", equalTo("meet-here"));
        return id;
    }

    static String feed(io.restassured.specification.RequestSpecification person, String slug) {
        String url = person.post("/api/events/" + slug + "/agenda/calendar-link").then().statusCode(201).extract()
                .jsonPath().getString("url");
        return "/api/calendar-feeds/" + url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void an_accepted_meeting_is_in_both_calendar_feeds_by_the_name_each_may_see_and_leaves_them_when_cancelled() {
        MeetingTest.Conference c = conference("ics");
        listedProfile(ADA, c.slug(), "Ada");
        String adas = feed(Api.attendee(), c.slug());
        String brunos = feed(Api.otherAttendee(), c.slug());
        String before = Api.anonymous().get(adas).then().statusCode(200).body(not(containsString("Meet-up")))
                .extract().header("ETag");

        long id = accepted(c, 0);
        // Bruno shows his name to connections only: Ada is not one, so her calendar does not name him.
        Map<String, Object> hidden = new HashMap<>(Map.of("displayName", "Bruno", "inDirectory", true,
                "visibility", Map.of("displayName", "connections")));
        saveProfile(BRUNO, c.slug(), hidden);

        String uid = "UID:meeting-" + id + "-" + c.slug() + "@hallway";
        String after = Api.anonymous().header("If-None-Match", before).get(adas).then().statusCode(200)
                .body(containsString(uid), containsString("SUMMARY:Meet-up\r\n"), containsString("LOCATION:Meeting point"),
                        containsString("DTSTART;TZID=America/Denver:20241110T100500"), not(containsString("Bruno")))
                .extract().header("ETag");
        Api.anonymous().header("If-None-Match", after).get(adas).then().statusCode(304);
        Api.anonymous().get(brunos).then().statusCode(200)
                .body(containsString(uid), containsString("SUMMARY:Meet-up with Ada"));

        Api.attendee().post("/api/events/" + c.slug() + "/meetings/" + id + "/cancel").then().statusCode(200);
        Api.anonymous().header("If-None-Match", after).get(adas).then().statusCode(200)
                .body(not(containsString("meeting-" + id)));
        Api.anonymous().get(brunos).then().statusCode(200).body(not(containsString("Meet-up")));
    }

    @Test
    void next_route_leads_to_a_meeting_before_my_next_session_and_leave_by_is_its_start_minus_the_walk() {
        MeetingTest.Conference c = conference("route");
        long id = accepted(c, 0);
        long later = create(c.slug(), talk("Later", c.theater(), "10:30", "11:00")).getLong("id");
        bookmark(Api.attendee(), c.slug(), later);
        String nextRoute = "/api/events/" + c.slug() + "/agenda/next-route?from=theater&at=";

        // Theater to the meeting point: 60 m and 180 m at 1 m/s.
        Api.attendee().get(nextRoute + at("10:00").replace("+", "%2B")).then().statusCode(200)
                .body("session", nullValue())
                .body("meeting.id", equalTo((int) id))
                .body("meeting.itemId", equalTo("meeting-" + id))
                .body("meeting.withName", equalTo("Bruno"))
                .body("meeting.placeName", equalTo("Meeting point"))
                .body("startsAt", equalTo(at("10:05")))
                .body("leaveBy", equalTo(at("10:01")))
                .body("slackSeconds", equalTo(60))
                .body("onTime", equalTo(true))
                .body("route.to.id", equalTo("meet-here"));

        // Once it has started, the next is the session again.
        Api.attendee().get(nextRoute + at("10:06").replace("+", "%2B")).then().statusCode(200)
                .body("meeting", nullValue())
                .body("session.id", equalTo((int) later));
    }

    @Test
    void a_session_the_requester_bookmarks_over_a_meeting_clashes_in_their_agenda_and_the_other_agenda_shows_nothing_of_it() {
        MeetingTest.Conference c = conference("clash");
        long id = accepted(c, 0);
        long over = create(c.slug(), talk("Over it", c.theater(), "10:10", "10:40")).getLong("id");
        bookmark(Api.attendee(), c.slug(), over);

        Api.attendee().get("/api/events/" + c.slug() + "/agenda").then().statusCode(200)
                .body("conflicts", hasSize(1))
                .body("conflicts[0].first", equalTo("session-" + over))
                .body("conflicts[0].second", equalTo("meeting-" + id))
                .body("conflicts[0].overlapMinutes", equalTo(10));
        Api.otherAttendee().get("/api/events/" + c.slug() + "/agenda").then().statusCode(200)
                .body("meetings[0].itemId", equalTo("meeting-" + id))
                .body("conflicts", empty());
    }

    @Test
    void a_delay_that_leaves_no_time_for_the_walk_tells_both_and_one_that_still_fits_tells_nobody() {
        MeetingTest.Conference c = conference("delay-breaks");
        long id = accepted(c, 1);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());
        long adaBefore = meetingNews(db, event, ADA);
        long brunoBefore = meetingNews(db, event, BRUNO);

        // Ada's workshop now ends 10:10; with her four minutes' walk she is there at 10:14, before 10:20.
        runningLate(Api.organizer(), c.slug(), c.theater(), 10).statusCode(anyOf(is(200), is(204)));
        assertEquals(adaBefore, meetingNews(db, event, ADA));
        assertEquals(brunoBefore, meetingNews(db, event, BRUNO));
        Api.attendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().body("noLongerFits", nullValue());

        // 17 late: it ends 10:17, and she would be there at 10:21.
        runningLate(Api.organizer(), c.slug(), c.theater(), 17).statusCode(anyOf(is(200), is(204)));
        assertEquals(adaBefore + 1, meetingNews(db, event, ADA));
        assertEquals(brunoBefore + 1, meetingNews(db, event, BRUNO));
        // Each reads it in their own words: Ada the workshop she follows, Bruno only the room's public delay.
        String adasWhy = "'Ada's workshop' now starts Sun 09:17 and ends 10:17 (Theater is running 17 min late), and you"
                + " no longer have the time to get there.";
        String why = "Theater is running 17 min late, and one of you no longer has the time to get there.";
        for (var personAndWhy : List.of(Map.entry(Api.attendee(), adasWhy), Map.entry(Api.otherAttendee(), why))) {
            var person = personAndWhy.getKey();
            person.get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                    .body("status", equalTo("accepted"))
                    .body("noLongerFits", equalTo(personAndWhy.getValue()));
            person.get("/api/events/" + c.slug() + "/agenda").then()
                    .body("meetings[0].noLongerFits", equalTo(personAndWhy.getValue()));
        }
        assertEquals(1, db.count("select count(*) from agenda_change c join agenda_news n on n.id = any (c.news_ids)"
                + " where c.event_id = ? and c.user_id = ? and c.kind = 'meeting' and n.details ->> 'what' = 'no-longer-fits'"
                + " and n.details ->> 'text' like '%10:20 (Meeting point) no longer fits%'", event, db.userId(BRUNO)));
        // And so reached both their phones as a meeting notification.
        queuedNotifications.write();
        assertEquals(2, db.count("select count(*) from notification where event_id = ? and 'meeting' = any (kinds)"
                + " and latest_text like '%no longer fits%' and user_id in (?, ?)", event, db.userId(ADA), db.userId(BRUNO)));

        // Told once: a further delay says nothing more.
        runningLate(Api.organizer(), c.slug(), c.theater(), 25).statusCode(anyOf(is(200), is(204)));
        assertEquals(adaBefore + 1, meetingNews(db, event, ADA));
    }

    @Test
    void a_room_move_that_leaves_no_time_for_the_walk_tells_both_and_one_that_still_fits_tells_nobody() {
        clockAt("08:00");
        String slug = newEvent("move-breaks");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long loft = room(slug, "Loft", 20);
        long studio = room(slug, "Studio", 20);
        long adasTalk = create(slug, session("workshop", "Ada's workshop", theater, "09:00", "10:00")).getLong("id");
        long brunosTalk = create(slug, session("workshop", "Bruno's workshop", flex, "09:00", "10:00")).getLong("id");
        create(slug, session("keynote", "Closing", theater, "11:00", "12:00"));
        Api.organizer().body(hallWithALoft()).put("/api/admin/events/" + slug + "/venue").then().statusCode(201);
        bookmark(Api.attendee(), slug, adasTalk);
        bookmark(Api.otherAttendee(), slug, brunosTalk);
        profile(ADA, slug, "Ada");
        MeetingTest.Conference c = new MeetingTest.Conference(slug, theater, flex, adasTalk, brunosTalk);
        long id = accepted(c, 0);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", slug);
        long adaBefore = meetingNews(db, event, ADA);
        long brunoBefore = meetingNews(db, event, BRUNO);

        // From the Studio the meeting point is a minute away.
        updateSession(slug, adasTalk, Map.of("roomId", studio));
        assertEquals(adaBefore, meetingNews(db, event, ADA));
        assertEquals(brunoBefore, meetingNews(db, event, BRUNO));

        // From the Loft it is almost thirteen.
        updateSession(slug, adasTalk, Map.of("roomId", loft));
        assertEquals(adaBefore + 1, meetingNews(db, event, ADA));
        assertEquals(brunoBefore + 1, meetingNews(db, event, BRUNO));
        Api.otherAttendee().get("/api/events/" + slug + "/meetings/" + id).then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("noLongerFits", equalTo("A session one of you follows changed, and one of you no longer has the time"
                        + " to get there."));
    }

    @Test
    void a_release_that_breaks_a_meeting_tells_each_once_naming_only_the_sessions_both_follow() {
        MeetingTest.Conference c = conference("release-breaks");
        long id = accepted(c, 0);
        Db db = new Db(dataSource);
        long event = db.count("select id from event where slug = ?", c.slug());
        long adaBefore = meetingNews(db, event, ADA);
        long brunoBefore = meetingNews(db, event, BRUNO);
        // Bruno follows Ada's workshop too, not she his.
        bookmark(Api.otherAttendee(), c.slug(), c.adasTalk());
        releaseMode(c.slug(), "manual").statusCode(200);

        // Both workshops now run into the 10:05 meet-up; a draft changes nothing yet.
        updateSession(c.slug(), c.adasTalk(), Map.of("endsAt", at("10:10")));
        updateSession(c.slug(), c.brunosTalk(), Map.of("endsAt", at("10:15")));
        assertEquals(adaBefore, meetingNews(db, event, ADA));
        Api.attendee().get("/api/events/" + c.slug() + "/meetings/" + id).then().body("noLongerFits", nullValue());

        release(c.slug(), "overrun", null).statusCode(201);
        // The session both follow is named to both; Ada does not learn which session of Bruno's changed.
        String adasWhy = "'Ada's workshop' now ends Sun 10:10; a session one of you follows changed, and it now overlaps"
                + " a session you follow.";
        String brunosWhy = "'Ada's workshop' now ends Sun 10:10; 'Bruno's workshop' now ends Sun 10:15, and it now"
                + " overlaps a session you follow.";
        for (var personAndWhy : List.of(Map.entry(Api.attendee(), adasWhy), Map.entry(Api.otherAttendee(), brunosWhy))) {
            personAndWhy.getKey().get("/api/events/" + c.slug() + "/meetings/" + id).then().statusCode(200)
                    .body("status", equalTo("accepted"))
                    .body("noLongerFits", equalTo(personAndWhy.getValue()));
        }
        assertEquals(adaBefore + 1, meetingNews(db, event, ADA));
        assertEquals(brunoBefore + 1, meetingNews(db, event, BRUNO));
    }

    private static long meetingNews(Db db, long event, String token) {
        return db.count("select count(*) from agenda_change where event_id = ? and user_id = ? and kind = 'meeting'", event,
                db.userId(token));
    }

    /**
     * The hall of {@link MeetingTest#hall()} with a Studio 60 m from the meeting point, and a Loft 400 m past the
     * lounge: 760 s from it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> hallWithALoft() {
        Map<String, Object> hall = new HashMap<>(MeetingTest.hall());
        List<Object> nodes = new ArrayList<>((List<Object>) hall.get("nodes"));
        nodes.add(MeetingTest.node("x", 1000));
        nodes.add(MeetingTest.node("s", 300));
        List<Object> rooms = new ArrayList<>((List<Object>) hall.get("rooms"));
        rooms.add(Map.of("id", "studio", "name", "Studio", "level", "main", "entrances", List.of("s"), "scheduleRoom", "Studio"));
        rooms.add(Map.of("id", "loft", "name", "Loft", "level", "main", "entrances", List.of("x"), "scheduleRoom", "Loft"));
        List<Object> edges = new ArrayList<>((List<Object>) hall.get("edges"));
        edges.add(MeetingTest.edge("lx", "l", "x", 400));
        edges.add(MeetingTest.edge("ms", "m", "s", 60));
        hall.put("nodes", nodes);
        hall.put("rooms", rooms);
        hall.put("edges", edges);
        return hall;
    }
}
