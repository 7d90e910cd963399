package io.hallway.safety;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.team.EventRole;
import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReportTest {

    private static final String WHAT = "He kept following me between the talks after I said no.";

    private final String ada = Tokens.attendee();
    private final String bruno = Tokens.otherAttendee();

    @Inject
    DataSource dataSource;

    @Test
    void an_attendee_reports_a_person_and_only_the_events_owners_see_it() {
        String slug = ScheduleFixtures.newEvent("reports");
        long room = ScheduleFixtures.room(slug, "Hall", 100);
        long talk = ScheduleFixtures.create(slug, ScheduleFixtures.talk("Operators", room, "09:00", "09:30")).getLong("id");
        long adaId = profile(ada, slug, "Ada");
        long brunoId = profile(bruno, slug, "Bruno");
        TeamFixtures.join(slug, Tokens.of("edith"), EventRole.EDITOR, null);
        TeamFixtures.join(slug, Tokens.of("hana"), EventRole.HOST, null);

        long id = Api.as(ada).body(report(brunoId, WHAT, ScheduleFixtures.at("10:15"), talk, "By the coffee bar"))
                .post(reports(slug)).then().statusCode(201)
                .header("Location", containsString("/api/events/" + slug + "/me/reports/"))
                .body("reportedProfileId", is((int) brunoId)).body("whatHappened", is(WHAT))
                .body("happenedAt", is("2024-11-10T10:15:00-07:00")).body("sessionId", is((int) talk))
                .body("place", is("By the coffee bar")).body("status", is("open"))
                .extract().jsonPath().getLong("id");

        Api.as(ada).get(mine(slug)).then().statusCode(200).body("size()", is(1)).body("[0].id", is((int) id));
        Api.as(ada).get(mine(slug) + "/" + id).then().statusCode(200).body("whatHappened", is(WHAT));

        Api.organizer().get(admin(slug)).then().statusCode(200).body("totalItems", is(1))
                .body("items[0].reporter.profileId", is((int) adaId)).body("items[0].reporter.displayName", is("Ada"))
                .body("items[0].reported.profileId", is((int) brunoId)).body("items[0].reported.displayName", is("Bruno"))
                .body("items[0].whatHappened", is(WHAT)).body("items[0].status", is("open"));
        Api.organizer().get(admin(slug) + "/" + id).then().statusCode(200).header("ETag", is("\"0\""))
                .body("place", is("By the coffee bar"));

        // Nobody else on the team, in another event's team, or the person reported
        for (String editorOrHost : List.of("edith", "hana")) {
            Api.as(Tokens.of(editorOrHost)).get(admin(slug)).then().statusCode(403);
            Api.as(Tokens.of(editorOrHost)).get(admin(slug) + "/" + id).then().statusCode(403);
        }
        Api.as(Tokens.of("otto")).get(admin(slug)).then().statusCode(404);
        for (String attendee : List.of(ada, bruno)) {
            Api.as(attendee).get(admin(slug)).then().statusCode(404);
            Api.as(attendee).get(admin(slug) + "/" + id).then().statusCode(404);
        }
        Api.as(bruno).get(mine(slug)).then().statusCode(200).body("size()", is(0));
        Api.as(bruno).get(mine(slug) + "/" + id).then().statusCode(404);
        String brunosExport = Api.as(bruno).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .extract().asString();
        assertFalse(brunosExport.contains(WHAT), "the reported person's export says nothing of the report");
        assertFalse(brunosExport.contains("\"reports\""), brunosExport);
    }

    @Test
    void a_report_about_an_owner_goes_to_the_events_other_owners_only() {
        String slug = ScheduleFixtures.newEvent("reports");
        String olivia = Tokens.organizer();
        String otto = Tokens.of("otto");
        long oliviaId = profile(olivia, slug, "Olivia");
        TeamFixtures.join(slug, otto, EventRole.OWNER, null);
        long id = Api.as(ada).body(report(oliviaId, WHAT, ScheduleFixtures.at("10:15"), null, null))
                .post(reports(slug)).then().statusCode(201).extract().jsonPath().getLong("id");
        // A situation, about nobody: every owner handles it.
        Api.as(ada).body(report(null, WHAT, ScheduleFixtures.at("10:20"), null, null)).post(reports(slug)).then()
                .statusCode(201);

        Api.as(otto).get(admin(slug)).then().statusCode(200).body("totalItems", is(2))
                .body("items[1].reported.profileId", is((int) oliviaId));
        Api.as(otto).get(admin(slug) + "/" + id).then().statusCode(200).body("whatHappened", is(WHAT));
        Api.as(Tokens.admin()).get(admin(slug)).then().statusCode(200).body("totalItems", is(2));

        // Olivia is told what she would be told of a report that does not exist
        Api.as(olivia).get(admin(slug)).then().statusCode(200).body("totalItems", is(1))
                .body("items[0].reported", nullValue());
        Api.as(olivia).get(admin(slug) + "?status=open").then().statusCode(200).body("totalItems", is(1));
        String missing = Api.as(olivia).get(admin(slug) + "/" + (id + 1000)).then().statusCode(404)
                .extract().path("title");
        Api.as(olivia).get(admin(slug) + "/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("title", is(missing));
        Api.as(olivia).body(Map.of("status", "closed", "version", 0)).put(admin(slug) + "/" + id).then()
                .statusCode(404);
        Api.as(otto).get(admin(slug) + "/" + id).then().statusCode(200).body("status", is("open"));
    }

    @Test
    void owners_move_a_report_on_with_a_note_the_reporter_never_sees_and_the_audit_log_records_the_status() {
        String slug = ScheduleFixtures.newEvent("reports");
        long brunoId = profile(bruno, slug, "Bruno");
        long id = Api.as(ada).body(report(brunoId, WHAT, ScheduleFixtures.at("11:00"), null, null))
                .post(reports(slug)).then().statusCode(201).extract().jsonPath().getLong("id");

        Api.organizer().body(Map.of("status", "in-progress", "internalNote", "Spoke to Bruno at 11:30", "version", 0))
                .put(admin(slug) + "/" + id).then().statusCode(200).header("ETag", is("\"1\""))
                .body("status", is("in-progress")).body("internalNote", is("Spoke to Bruno at 11:30"));
        Api.organizer().body(Map.of("status", "closed", "version", 0)).put(admin(slug) + "/" + id).then()
                .statusCode(409);
        Api.organizer().body(Map.of("status", "done", "version", 1)).put(admin(slug) + "/" + id).then()
                .statusCode(400);
        Api.organizer().body(Map.of("status", "closed")).put(admin(slug) + "/" + id).then().statusCode(428);
        Api.organizer().get(admin(slug) + "?status=closed").then().statusCode(200).body("totalItems", is(0));
        Api.organizer().get(admin(slug) + "?status=in-progress").then().statusCode(200).body("totalItems", is(1));
        Api.organizer().get(admin(slug) + "?status=nonsense").then().statusCode(400);

        Api.as(ada).get(mine(slug) + "/" + id).then().statusCode(200).body("status", is("in-progress"))
                .body("$", not(hasKey("internalNote")));
        Db db = new Db(dataSource);
        assertEquals(1, db.count("""
                select count(*) from audit_entry a join event e on e.id = a.event_id
                where e.slug = ? and a.resource = 'report' and a.resource_id = ?
                  and a.details ->> 'status' = 'in-progress' and a.details::text not like '%Spoke%'""", slug, id));
    }

    @Test
    void a_report_about_a_situation_names_nobody() {
        String slug = ScheduleFixtures.newEvent("reports");
        Map<String, Object> body = report(null, "The stairs to level 2 were blocked during the fire drill.",
                ScheduleFixtures.at("14:00"), null, "Stairs B");
        long id = Api.as(ada).body(body).post(reports(slug)).then().statusCode(201)
                .body("$", not(hasKey("reportedProfileId"))).extract().jsonPath().getLong("id");
        Api.organizer().get(admin(slug) + "/" + id).then().statusCode(200).body("$", not(hasKey("reported")))
                .body("reporter.profileId", nullValue());
    }

    @Test
    void a_bad_report_is_refused_with_a_problem_and_stores_nothing() {
        String slug = ScheduleFixtures.newEvent("reports");
        String elsewhere = ScheduleFixtures.newEvent("reports-elsewhere");
        long otherRoom = ScheduleFixtures.room(elsewhere, "Hall", 100);
        long otherTalk = ScheduleFixtures.create(elsewhere, ScheduleFixtures.talk("Elsewhere", otherRoom, "09:00", "09:30"))
                .getLong("id");
        long adaId = profile(ada, slug, "Ada");
        long brunoElsewhere = profile(bruno, elsewhere, "Bruno");
        String at = ScheduleFixtures.at("10:00");

        Map<String, Map<String, Object>> refused = new HashMap<>();
        refused.put("whatHappened", report(null, null, at, null, null));
        refused.put("whatHappened ", report(null, "   ", at, null, null));
        refused.put("whatHappened  ", report(null, "x".repeat(4001), at, null, null));
        // @NotBlank is String.isBlank() (Hibernate Validator 9): all the white space that strip() removes
        refused.put("whatHappened   ", report(null, "\u2003\u2003", at, null, null));
        refused.put("happenedAt", report(null, WHAT, null, null, null));
        refused.put("happenedAt ", report(null, WHAT, "2024-11-12T10:00:00-07:00", null, null));
        refused.put("happenedAt  ", report(null, WHAT, "2024-11-08T10:00:00-07:00", null, null));
        refused.put("reportedProfileId", report(adaId, WHAT, at, null, null));
        refused.put("reportedProfileId ", report(brunoElsewhere, WHAT, at, null, null));
        refused.put("sessionId", report(null, WHAT, at, otherTalk, null));
        refused.put("place", report(null, WHAT, at, null, "x".repeat(201)));
        refused.forEach((field, body) -> Api.as(ada).body(body).post(reports(slug)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field.strip())));
        Api.as(ada).body(Map.of("whatHappened", WHAT, "happenedAt", at, "reporterId", 1)).post(reports(slug)).then()
                .statusCode(400).contentType("application/problem+json");
        Api.anonymous().body(report(null, WHAT, at, null, null)).post(reports(slug)).then().statusCode(401);

        // A day either side of the event's days is still fine
        Api.as(ada).body(report(null, WHAT, "2024-11-09T08:00:00-07:00", null, null)).post(reports(slug)).then()
                .statusCode(201);
        assertEquals(1, new Db(dataSource).count(
                "select count(*) from conduct_report r join event e on e.id = r.event_id where e.slug in (?, ?)", slug,
                elsewhere));
    }

    @Test
    void the_day_before_an_event_is_a_calendar_day_even_when_the_clocks_go_back_on_it() {
        // Denver leaves daylight saving time at 02:00 on 2024-11-03: that Sunday is 25 hours long
        String slug = ScheduleFixtures.newEvent("reports", "America/Denver", "2024-11-04", "2024-11-04");

        Api.as(ada).body(report(null, WHAT, "2024-11-03T00:30:00-06:00", null, null)).post(reports(slug)).then()
                .statusCode(201).body("happenedAt", is("2024-11-03T00:30:00-06:00"));
        Api.as(ada).body(report(null, WHAT, "2024-11-02T23:30:00-06:00", null, null)).post(reports(slug)).then()
                .statusCode(400).body("violations.field", contains("happenedAt"))
                .body("detail", containsString("2024-11-03 to 2024-11-05"));
    }

    @Test
    void a_report_outlives_the_reported_persons_erasure_and_goes_with_the_reporters() {
        String slug = ScheduleFixtures.newEvent("reports");
        long brunoId = profile(bruno, slug, "Bruno");
        long id = Api.as(ada).body(report(brunoId, WHAT, ScheduleFixtures.at("12:00"), null, null))
                .post(reports(slug)).then().statusCode(201).extract().jsonPath().getLong("id");

        Api.as(bruno).delete("/api/events/" + slug + "/me").then().statusCode(204);
        Api.organizer().get(admin(slug) + "/" + id).then().statusCode(200)
                .body("reported.profileId", is((int) brunoId)).body("reported.displayName", is("Bruno"))
                .body("whatHappened", is(WHAT));

        Api.as(ada).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("reports.size()", is(1)).body("reports[0].whatHappened", is(WHAT));
        Api.as(ada).delete("/api/events/" + slug + "/me").then().statusCode(204);
        Api.organizer().get(admin(slug) + "/" + id).then().statusCode(404);
        assertEquals(0, new Db(dataSource).count(
                "select count(*) from conduct_report r join event e on e.id = r.event_id where e.slug = ?", slug));
    }

    private static Map<String, Object> report(Long reportedProfileId, String what, String at, Long sessionId,
            String place) {
        Map<String, Object> body = new HashMap<>();
        body.put("reportedProfileId", reportedProfileId);
        body.put("whatHappened", what);
        body.put("happenedAt", at);
        body.put("sessionId", sessionId);
        body.put("place", place);
        return body;
    }

    private static String reports(String slug) {
        return "/api/events/" + slug + "/reports";
    }

    private static String mine(String slug) {
        return "/api/events/" + slug + "/me/reports";
    }

    private static String admin(String slug) {
        return "/api/admin/events/" + slug + "/reports";
    }
}
