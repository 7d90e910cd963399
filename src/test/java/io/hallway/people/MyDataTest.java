package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static io.hallway.testing.PersonalDataFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MyDataTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_export_holds_my_data_and_nobody_elses() {
        String slug = ScheduleFixtures.newEvent("mydata");
        String sami = Tokens.of("sami");
        saveProfile(sami, slug, fullProfile("Sami", Map.of()));
        saveProfile(Tokens.otherAttendee(), slug, fullProfile("Bruno", Map.of("email", "connections")));
        long id = connect(slug, Tokens.otherAttendee(), sami);
        Api.as(sami).body(Map.of("note", "Sami's own note")).put(connectionsPath(slug) + "/" + id + "/note").then().statusCode(200);
        Api.otherAttendee().body(Map.of("note", "Bruno's note on Sami")).put(connectionsPath(slug) + "/" + id + "/note")
                .then().statusCode(200);
        issue(sami, slug);

        String export = Api.as(sami).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("event", is(slug))
                .body("profile.displayName", is("Sami"))
                .body("profile.email", is("sami@mail.example"))
                .body("exchange.connections", hasSize(1))
                .body("exchange.connections[0].id", is((int) id))
                .body("exchange.connections[0].note", is("Sami's own note"))
                .body("exchange.exchangeTokens", hasSize(1))
                .body("exchange.exchangeTokens[0]", not(hasKey("token")))
                .body("exchange.exchangeTokens[0].issuedAt", notNullValue())
                .extract().asString();
        assertFalse(export.contains("Bruno"), export);
        assertFalse(export.contains("bruno@mail.example"), export);
    }

    @Test
    void the_export_holds_my_bookmarks_calendar_link_changes_and_feedback() {
        String slug = ScheduleFixtures.newEvent("mydata-agenda");
        long talk = ratableTalk(slug);
        String pia = Tokens.of("pia");
        personalDataOf(pia, slug, talk, 4, "Pia's comment", Tokens.of("quinn"));
        Api.as(Tokens.of("quinn")).body(Map.of("rating", 1, "comment", "Quinn's comment"))
                .put("/api/events/" + slug + "/sessions/" + talk + "/feedback").then().statusCode(200);
        moveTalk(slug, talk);

        String export = Api.as(pia).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("agenda.bookmarkedSessionIds", contains((int) talk))
                .body("agenda.bookmarks", hasSize(1))
                .body("agenda.bookmarks[0].sessionId", is((int) talk))
                .body("agenda.bookmarks[0].bookmarkedAt", notNullValue())
                .body("agenda.calendarLink.createdAt", notNullValue())
                // Quinn's meet-up request, then the move of the talk.
                .body("agenda.changes", hasSize(2))
                .body("agenda.changes[0].kind", is("meeting"))
                .body("agenda.changes[1].sessionId", is((int) talk))
                .body("agenda.changes[1].changes", contains("time"))
                .body("meetings.whoMayAsk", is("anyone"))
                .body("meetings.meetings.role", containsInAnyOrder("requester", "invitee"))
                .body("agenda.feedback", hasSize(1))
                .body("agenda.feedback[0].sessionId", is((int) talk))
                .body("agenda.feedback[0].rating", is(4))
                .body("agenda.feedback[0].comment", is("Pia's comment"))
                .body("agenda.feedback[0].updatedAt", notNullValue())
                .extract().asString();
        assertFalse(export.contains("Quinn's comment"), export);
        assertFalse(export.contains("calendar-feeds"), "the link itself is never kept: " + export);
    }

    @Test
    void erasure_leaves_nothing_of_me_in_the_event() {
        String slug = ScheduleFixtures.newEvent("erase");
        String other = ScheduleFixtures.newEvent("erase");
        String tara = Tokens.of("tara");
        profile(tara, slug, "Tara");
        profile(tara, other, "Tara");
        profile(Tokens.otherAttendee(), slug, "Bruno");
        long asOwner = connect(slug, tara, Tokens.otherAttendee());
        scan(tara, slug, issue(Tokens.otherAttendee(), slug).getString("token")).then().statusCode(200)
                .body("id", is((int) asOwner));
        profile(Tokens.of("zoe"), slug, "Zoe");
        connect(slug, Tokens.of("zoe"), tara);
        Api.otherAttendee().body(Map.of("note", "Tara, SRE")).put(connectionsPath(slug) + "/" + asOwner + "/note")
                .then().statusCode(200);
        String key = java.util.UUID.randomUUID().toString();
        profile(Tokens.of("umar"), slug, "Umar");
        Api.as(tara).header("Idempotency-Key", key).body(Map.of("token", issue(Tokens.of("umar"), slug).getString("token")))
                .post(connectionsPath(slug)).then().statusCode(201);
        issue(tara, slug);
        connect(other, tara, Tokens.otherAttendee());

        Api.as(tara).delete("/api/events/" + slug + "/me").then().statusCode(204);

        Db db = new Db(dataSource);
        long me = db.userId(tara);
        long event = db.count("select id from event where slug = ?", slug);
        assertEquals(0, db.count("select count(*) from profile where event_id = ? and user_id = ?", event, me));
        assertEquals(0, db.count("select count(*) from exchange_token where event_id = ? and owner_id = ?", event, me));
        assertEquals(0, db.count("select count(*) from connection where event_id = ? and (user_low = ? or user_high = ?)",
                event, me, me));
        assertEquals(0, db.count("select count(*) from connection_member m join connection c on c.id = m.connection_id "
                + "where c.event_id = ? and m.user_id = ?", event, me));
        assertEquals(0, db.count("select count(*) from exchange_idempotency where event_id = ? and user_id = ?", event, me));
        assertEquals(0, db.count("select count(*) from exchange_rate_limit where event_id = ? and user_id = ?", event, me));
        assertEquals(0, db.count("select count(*) from connection_member where note = 'Tara, SRE'"));
        // The others keep their own profiles; my other event is untouched
        assertEquals(3, db.count("select count(*) from profile where event_id = ?", event));
        assertEquals(1, db.count("select count(*) from profile p join event e on e.id = p.event_id "
                + "where e.slug = ? and p.user_id = ?", other, me));
        Api.otherAttendee().get(connectionsPath(slug)).then().body("items", empty());
        Api.as(tara).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("exchange.connections", empty()).body("exchange.exchangeTokens", empty())
                .body("$", not(hasKey("profile")));
    }

    @Test
    void erased_feedback_leaves_the_other_ratings_in_the_summary() {
        String slug = ScheduleFixtures.newEvent("erase-feedback");
        long talk = ratableTalk(slug);
        String path = "/api/events/" + slug + "/sessions/" + talk + "/feedback";
        Api.as(Tokens.of("nina")).body(Map.of("rating", 1, "comment", "Nina regrets this comment")).put(path).then()
                .statusCode(200);
        Api.as(Tokens.of("omar")).body(Map.of("rating", 5, "comment", "Omar loved it")).put(path).then().statusCode(200);

        Api.as(Tokens.of("nina")).delete("/api/events/" + slug + "/me").then().statusCode(204);

        Api.organizer().get("/api/admin/events/" + slug + "/feedback").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].count", is(1))
                .body("[0].average", is(5.0f))
                .body("[0].distribution.'1'", is(0))
                .body("[0].distribution.'5'", is(1))
                .body("[0].comments", contains("Omar loved it"));
    }

    @Test
    void after_erasure_my_calendar_feed_is_not_found_and_my_agenda_is_empty() {
        String slug = ScheduleFixtures.newEvent("erase-feed");
        long talk = ratableTalk(slug);
        String vera = Tokens.of("vera");
        String feed = personalDataOf(vera, slug, talk, 3, "fine", Tokens.of("rafa"));
        Api.anonymous().get(feed).then().statusCode(200);

        Api.as(vera).delete("/api/events/" + slug + "/me").then().statusCode(204);

        Api.anonymous().get(feed).then().statusCode(404);
        Api.as(vera).get("/api/events/" + slug + "/agenda").then().statusCode(200).body("items", empty());
        Api.as(vera).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("agenda.bookmarks", empty()).body("agenda.calendarLink", nullValue())
                .body("agenda.feedback", empty());
    }
}
