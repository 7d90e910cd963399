package io.hallway.live;

import static io.hallway.testing.LiveFixtures.*;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.team.EventRole;
import io.hallway.testing.AgendaFixtures;
import io.hallway.testing.Api;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A host's reports through the admin API and what attendees see of them in the schedule's live lists: the Theater
 * has talks 09:00-09:30 and 09:30-10:00, coffee 10:00-10:15, a talk 10:30-11:00 (a 15-minute gap) and a lightning
 * block 11:00-11:10; the Flex Space one talk.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostReportsTest {

    private record Day(String slug, long theater, long flex, long opening, long second, long coffee, long late,
            long block, long spark, long flexTalk) {

        String session(long id) {
            return "/api/events/" + slug + "/sessions/" + id;
        }
    }

    private static Day day() {
        String slug = newEvent("live");
        long theater = room(slug, "Theater", 120);
        long flex = room(slug, "Flex Space", 40);
        long opening = create(slug, talk("Opening", theater, "09:00", "09:30")).getLong("id");
        long second = create(slug, talk("Second", theater, "09:30", "10:00")).getLong("id");
        long coffee = create(slug, session("break", "Coffee", theater, "10:00", "10:15")).getLong("id");
        long late = create(slug, talk("After the gap", theater, "10:30", "11:00")).getLong("id");
        long block = block(slug, "Lightning", theater, "11:00", "11:10");
        long spark = lightningTalk(slug, block, "Spark");
        lightningTalk(slug, block, "Ember");
        long flexTalk = create(slug, talk("Elsewhere", flex, "09:00", "09:30")).getLong("id");
        return new Day(slug, theater, flex, opening, second, coffee, late, block, spark, flexTalk);
    }

    @Test
    void running_late_moves_the_session_in_progress_and_what_follows_until_a_gap_absorbs_it() {
        var day = day();
        String etag = Api.anonymous().get("/api/events/" + day.slug() + "/schedule").then().extract().header("ETag");
        clockAt("09:20");

        // The opening, in progress, runs 20 late: 09:20-09:50; the second talk 09:50-10:20; coffee 10:20-10:35;
        // the talk after the gap, planned 10:30, starts 10:35; the block 11:05-11:15 and its talks with it.
        runningLate(Api.organizer(), day.slug(), day.theater(), 20).statusCode(200)
                .body("name", is("Theater"))
                .body("delayMinutes", is(20))
                .body("sessions.id", contains((int) day.opening(), (int) day.second(), (int) day.coffee(),
                        (int) day.late(), (int) day.spark(), (int) day.spark() + 1))
                .body("sessions.expectedStartsAt", contains(at("09:20"), at("09:50"), at("10:20"), at("10:35"),
                        at("11:05"), at("11:10")))
                .body("sessions.delayMinutes", contains(20, 20, 20, 5, 5, 5))
                .body("sessions[3].plannedStartsAt", is(at("10:30")))
                .body("sessions[4].blockId", is((int) day.block()));

        Api.anonymous().get(day.session(day.second())).then().statusCode(200)
                .body("startsAt", is(at("09:30")))
                .body("expectedStartsAt", is(at("09:50")))
                .body("expectedEndsAt", is(at("10:20")))
                .body("delayMinutes", is(20));
        Api.anonymous().get(day.session(day.flexTalk())).then().statusCode(200)
                .body("expectedStartsAt", is(at("09:00"))).body("delayMinutes", is(0));
        // At 09:45 the opening is still running by its expected times, and the second talk is next.
        Api.anonymous().queryParam("at", at("09:45")).get("/api/events/" + day.slug() + "/now").then().statusCode(200)
                .body("find { it.room.name == 'Theater' }.current.id", is((int) day.opening()))
                .body("find { it.room.name == 'Theater' }.next.expectedStartsAt", is(at("09:50")));
        // Planned times, the schedule and its ETag stay as they were.
        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + day.slug() + "/schedule").then()
                .statusCode(304);
        Api.organizer().get("/api/admin/events/" + day.slug() + "/sessions/" + day.second()).then()
                .body("startsAt", is(at("09:30")));
    }

    @Test
    void on_time_again_brings_every_session_back_to_its_plan() {
        var day = day();
        clockAt("09:20");
        runningLate(Api.organizer(), day.slug(), day.theater(), 20).statusCode(200);
        Api.anonymous().get(day.session(day.late())).then().body("expectedStartsAt", is(at("10:35")));

        onTimeAgain(Api.organizer(), day.slug(), day.theater()).statusCode(204);

        Api.anonymous().get(day.session(day.late())).then().body("expectedStartsAt", is(at("10:30")))
                .body("delayMinutes", is(0));
        Api.anonymous().get(day.session(day.opening())).then().body("expectedEndsAt", is(at("09:30")));
    }

    @Test
    void ended_early_pulls_nothing_earlier_and_started_late_pushes_what_follows() {
        var day = day();
        clockAt("10:10");

        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.opening(), "endedAt", at("09:22")))
                .statusCode(200);
        Api.anonymous().get(day.session(day.second())).then().body("expectedStartsAt", is(at("09:30")));

        // The second talk started 09:38: it ends 10:08, coffee 10:08-10:23, the talk after the gap still 10:30.
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.second(), "startedAt", at("09:38")))
                .statusCode(200);
        Api.anonymous().get(day.session(day.coffee())).then().body("expectedStartsAt", is(at("10:08")))
                .body("expectedEndsAt", is(at("10:23")));
        Api.anonymous().get(day.session(day.late())).then().body("expectedStartsAt", is(at("10:30")));

        // A whole lightning block is reported through the block.
        clockAt("11:30");
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("blockId", day.block(), "startedAt", at("11:04")))
                .statusCode(200);
        Api.anonymous().get(day.session(day.spark())).then().body("expectedStartsAt", is(at("11:04")));
    }

    @Test
    void what_the_host_said_last_wins_a_start_after_a_delay_runs_the_planned_length_a_delay_after_a_start_moves_the_end() {
        var day = day();
        clockAt("09:20");
        runningLate(Api.organizer(), day.slug(), day.theater(), 20).statusCode(200);

        // The opening in fact started at 09:12: it runs its 30 minutes from there, the delay said before is spent.
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.opening(), "startedAt", at("09:12")))
                .statusCode(200);
        Api.anonymous().get(day.session(day.opening())).then().body("expectedStartsAt", is(at("09:12")))
                .body("expectedEndsAt", is(at("09:42")));

        // Then it overruns: 15 late moves its end to 09:45, its start stays the one reported.
        clockAt("09:25");
        runningLate(Api.organizer(), day.slug(), day.theater(), 15).statusCode(200);
        Api.anonymous().get(day.session(day.opening())).then().body("expectedStartsAt", is(at("09:12")))
                .body("expectedEndsAt", is(at("09:45")));

        // A corrected start, said last, runs the planned length from it again.
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.opening(), "startedAt", at("09:10")))
                .statusCode(200);
        Api.anonymous().get(day.session(day.opening())).then().body("expectedStartsAt", is(at("09:10")))
                .body("expectedEndsAt", is(at("09:40")));
    }

    @Test
    void reports_that_make_no_sense_are_refused_naming_the_field() {
        var day = day();
        clockAt("09:20");
        String theater = "/api/admin/events/" + day.slug() + "/rooms/" + day.theater();

        for (Object minutes : new Object[] { -5, 0, 500 }) {
            runningLate(Api.organizer(), day.slug(), day.theater(), minutes).statusCode(400)
                    .body("violations.field", contains("minutes"));
        }
        Api.organizer().body("{}").put(theater + "/delay").then().statusCode(400).body("violations.field", contains("minutes"));
        runningLate(Api.organizer(), day.slug(), 999_999_999L, 5).statusCode(404);
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.flexTalk(), "endedAt", at("09:10")))
                .statusCode(409).body("type", is("urn:hallway:problem:session-in-another-room"));
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", 999_999_999L, "endedAt", at("09:10")))
                .statusCode(404);
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.spark(), "endedAt", at("09:10")))
                .statusCode(409).body("type", is("urn:hallway:problem:talk-in-a-block"));
        actualTimes(Api.organizer(), day.slug(), day.theater(),
                Map.of("sessionId", day.opening(), "startedAt", at("09:05"), "endedAt", at("09:01")))
                .statusCode(400).body("violations.field", contains("endedAt"));
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.opening(), "startedAt", at("09:15")))
                .statusCode(200);
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.opening(), "endedAt", at("09:10")))
                .statusCode(400).body("violations.field", contains("endedAt"));
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.second(), "startedAt", at("09:40")))
                .statusCode(400).body("violations[0].message", is("must not be in the future"));
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.second(), "blockId", day.block(),
                "startedAt", at("09:10"))).statusCode(400).body("violations.field", contains("sessionId"));
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.second())).statusCode(400)
                .body("violations.field", contains("startedAt"));
        AgendaFixtures.updateSession(day.slug(), day.coffee(), Map.of("status", "cancelled"));
        actualTimes(Api.organizer(), day.slug(), day.theater(), Map.of("sessionId", day.coffee(), "startedAt", at("09:10")))
                .statusCode(409).body("type", is("urn:hallway:problem:session-cancelled"));

        clockAt("23:00");
        runningLate(Api.organizer(), day.slug(), day.theater(), 5).statusCode(409)
                .body("type", is("urn:hallway:problem:nothing-in-progress"));
    }

    @Test
    void only_a_host_of_the_room_may_report_and_each_report_is_in_the_audit_log() {
        var day = day();
        clockAt("09:20");
        TeamFixtures.join(day.slug(), Tokens.of("hana"), EventRole.HOST, List.of(day.theater()));
        TeamFixtures.join(day.slug(), Tokens.of("hugo"), EventRole.HOST, List.of(day.flex()));

        runningLate(Api.anonymous(), day.slug(), day.theater(), 5).statusCode(401);
        runningLate(Api.attendee(), day.slug(), day.theater(), 5).statusCode(404);
        runningLate(Api.as(Tokens.of("hugo")), day.slug(), day.theater(), 5).statusCode(403);
        onTimeAgain(Api.as(Tokens.of("hugo")), day.slug(), day.theater()).statusCode(403);
        actualTimes(Api.as(Tokens.of("hugo")), day.slug(), day.theater(),
                Map.of("sessionId", day.opening(), "startedAt", at("09:05"))).statusCode(403);
        runningLate(Api.as(Tokens.of("hana")), day.slug(), day.theater(), 5).statusCode(200);
        onTimeAgain(Api.as(Tokens.of("hana")), day.slug(), day.theater()).statusCode(204);

        Api.organizer().queryParam("resource", "room").get("/api/admin/events/" + day.slug() + "/audit").then()
                .statusCode(200)
                .body("items.findAll { it.action != 'create' }.action", contains("on-time-again", "running-late"))
                .body("items[1].details.minutes", is(5))
                .body("items[1].details.sessionId", is((int) day.opening()));
    }
}
