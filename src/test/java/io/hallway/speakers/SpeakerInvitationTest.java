package io.hallway.speakers;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.team.EventRole;
import io.hallway.testing.Api;
import io.hallway.testing.AtOnce;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Invitations for speakers to link their account to their speaker record, as the team's invitations work. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpeakerInvitationTest {

    @Inject
    DataSource dataSource;

    @Test
    void an_editor_invites_a_speaker_whose_link_is_shown_once_and_lists_it_without_the_token() {
        String slug = ScheduleFixtures.newEvent("speaker-invite");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        TeamFixtures.join(slug, Tokens.of("edith"), EventRole.EDITOR, null);

        JsonPath created = Api.as(Tokens.of("edith")).post(path(slug, speaker)).then().statusCode(201)
                .body("speakerId", is((int) speaker))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract().jsonPath();
        String token = created.getString("token");
        assertEquals("http://localhost:8080/api/speaker-invitations/" + token, created.getString("link"));
        assertEquals(Duration.ofDays(14), Duration.between(Instant.parse(created.getString("createdAt")),
                Instant.parse(created.getString("expiresAt"))), "the default validity");

        String list = Api.organizer().get(path(slug, speaker)).then().statusCode(200)
                .body("totalItems", is(1))
                .body("items[0].id", is(created.getInt("id")))
                .body("items[0].status", is("pending"))
                .body("items[0].createdAt", is(created.getString("createdAt")))
                .body("items[0]", not(hasKey("token")))
                .body("items[0]", not(hasKey("link")))
                .extract().asString();
        assertFalse(list.contains(token), list);
        assertEquals(1, db().count("""
                select count(*) from speaker_invitation where token_hash = sha256(convert_to(?, 'UTF8'))""", token),
                "only the token's hash is stored");
        assertEquals(1, db().count("""
                select count(*) from audit_entry a join event e on e.id = a.event_id
                where e.slug = ? and a.resource = 'speaker-invitation' and a.action = 'create' and a.resource_id = ?""",
                slug, created.getLong("id")));
    }

    @Test
    void an_organizer_may_say_how_many_days_an_invitation_works_up_to_thirty() {
        String slug = ScheduleFixtures.newEvent("speaker-days");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        JsonPath created = Api.organizer().body(Map.of("validForDays", 2)).post(path(slug, speaker)).then()
                .statusCode(201).extract().jsonPath();
        assertEquals(Duration.ofDays(2), Duration.between(Instant.parse(created.getString("createdAt")),
                Instant.parse(created.getString("expiresAt"))));
        Api.organizer().body(Map.of("validForDays", 31)).post(path(slug, speaker)).then().statusCode(400)
                .body("violations[0].field", is("validForDays"));
        Api.organizer().body(Map.of("validForDays", 1, "role", "owner")).post(path(slug, speaker)).then()
                .statusCode(400);
        Api.organizer().get(path(slug, speaker)).then().statusCode(200).body("totalItems", is(1));
    }

    @Test
    void redeeming_links_the_callers_account_to_the_speaker_record_and_names_its_sessions() {
        String slug = ScheduleFixtures.newEvent("speaker-redeem");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        long room = ScheduleFixtures.room(slug, "Hall", 100);
        long talk = ScheduleFixtures.create(slug, ScheduleFixtures.talk("Operators", room, "09:00", "09:30", speaker))
                .getLong("id");
        String token = invite(slug, speaker);

        Api.as(Tokens.of("zoe")).post(redeemPath(token)).then().statusCode(200)
                .body("slug", is(slug))
                .body("speakerId", is((int) speaker))
                .body("name", is("Kelsey"))
                .body("sessionIds", contains((int) talk))
                .body("linkedAt", notNullValue());

        Api.as(Tokens.of("zoe")).get(mine(slug)).then().statusCode(200)
                .body("speakerId", contains((int) speaker)).body("[0].sessionIds", contains((int) talk));
        Api.organizer().get(account(slug, speaker)).then().statusCode(200).body("linked", is(true))
                .body("linkedAt", notNullValue()).body("$", not(hasKey("userId")));
        Api.organizer().get(path(slug, speaker)).then().statusCode(200).body("items[0].status", is("redeemed"));
        Api.as(Tokens.of("zoe")).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("speaking.links.speakerId", contains((int) speaker))
                .body("speaking.links[0].name", is("Kelsey"))
                .body("speaking.invitations[0].redeemedByMe", is(true))
                .body("speaking.invitations[0]", not(hasKey("token")));
    }

    @Test
    void two_people_redeeming_one_invitation_at_once_link_exactly_one_account() throws Exception {
        String slug = ScheduleFixtures.newEvent("speaker-race");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        String token = invite(slug, speaker);
        List<String> people = List.of(Tokens.attendee(), Tokens.otherAttendee(), Tokens.of("zoe"), Tokens.of("tara"));
        List<Integer> statuses = AtOnce.statuses(people.stream()
                .<Callable<Integer>> map(person -> () -> Api.as(person).post(redeemPath(token)).statusCode()).toList());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(people.size() - 1, statuses.stream().filter(status -> status == 410).count(), statuses.toString());
        assertEquals(1, db().count("select count(*) from speaker_link where speaker_id = ?", speaker));
    }

    @Test
    void a_used_a_withdrawn_an_expired_and_an_unknown_invitation_are_refused() {
        String slug = ScheduleFixtures.newEvent("speaker-refused");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        String used = invite(slug, speaker);
        Api.as(Tokens.of("zoe")).post(redeemPath(used)).then().statusCode(200);
        Api.as(Tokens.of("tara")).post(redeemPath(used)).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", is("urn:hallway:problem:invitation-used"));
        Api.organizer().delete(account(slug, speaker)).then().statusCode(204);

        JsonPath withdrawn = Api.organizer().post(path(slug, speaker)).then().statusCode(201).extract().jsonPath();
        String one = path(slug, speaker) + "/" + withdrawn.getLong("id");
        Api.organizer().delete(one).then().statusCode(204);
        Api.organizer().delete(one).then().statusCode(204);
        Api.as(Tokens.of("tara")).post(redeemPath(withdrawn.getString("token"))).then().statusCode(410)
                .body("type", is("urn:hallway:problem:invitation-revoked"));

        String expired = invite(slug, speaker);
        db().update("""
                update speaker_invitation set expires_at = now() - interval '1 minute'
                where token_hash = sha256(convert_to(?, 'UTF8'))""", expired);
        Api.as(Tokens.of("tara")).post(redeemPath(expired)).then().statusCode(410)
                .body("type", is("urn:hallway:problem:invitation-expired"));

        Api.as(Tokens.of("tara")).post(redeemPath("A".repeat(43))).then().statusCode(404)
                .body("type", is("urn:hallway:problem:not-found"));
        Api.as(Tokens.of("tara")).post(redeemPath("not-a-token")).then().statusCode(404);
        Api.anonymous().post(redeemPath(invite(slug, speaker))).then().statusCode(401);
        assertEquals(0, db().count("select count(*) from speaker_link where speaker_id = ?", speaker));
        Api.organizer().get(path(slug, speaker)).then().statusCode(200)
                .body("items.status", contains("pending", "expired", "revoked", "redeemed"));
    }

    @Test
    void withdrawing_a_redeemed_invitation_is_a_conflict() {
        String slug = ScheduleFixtures.newEvent("speaker-redeemed");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        JsonPath created = Api.organizer().post(path(slug, speaker)).then().statusCode(201).extract().jsonPath();
        Api.as(Tokens.of("zoe")).post(redeemPath(created.getString("token"))).then().statusCode(200);

        Api.organizer().delete(path(slug, speaker) + "/" + created.getLong("id")).then().statusCode(409)
                .body("type", is("urn:hallway:problem:invitation-already-redeemed"));
    }

    @Test
    void another_events_speaker_and_another_speakers_invitation_are_not_found() {
        String slug = ScheduleFixtures.newEvent("speaker-mine");
        String other = ScheduleFixtures.newEvent("speaker-theirs");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        long colleague = ScheduleFixtures.speaker(slug, "Liz");
        long elsewhere = ScheduleFixtures.speaker(other, "Kelsey");

        Api.organizer().post(path(slug, elsewhere)).then().statusCode(404)
                .body("type", is("urn:hallway:problem:not-found"));
        Api.organizer().get(path(slug, elsewhere)).then().statusCode(404);
        Api.organizer().get(account(slug, elsewhere)).then().statusCode(404);
        Api.organizer().delete(account(slug, elsewhere)).then().statusCode(404);
        long id = Api.organizer().post(path(slug, speaker)).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.organizer().delete(path(slug, colleague) + "/" + id).then().statusCode(404);
        Api.organizer().delete(path(other, elsewhere) + "/" + id).then().statusCode(404);
        Api.organizer().get(path(slug, speaker)).then().statusCode(200).body("items[0].status", is("pending"));
        assertEquals(1, db().count("select count(*) from speaker_invitation where speaker_id in (?, ?, ?)", speaker,
                colleague, elsewhere));
    }

    @Test
    void a_speaker_linked_to_an_account_is_invited_again_only_after_an_organizer_unlinks_it() {
        String slug = ScheduleFixtures.newEvent("speaker-relink");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        // Two links out at once: the second one finds the record taken and stays unused.
        String first = invite(slug, speaker);
        String second = invite(slug, speaker);
        Api.as(Tokens.of("zoe")).post(redeemPath(first)).then().statusCode(200);
        Api.as(Tokens.of("tara")).post(redeemPath(second)).then().statusCode(409)
                .body("type", is("urn:hallway:problem:speaker-already-linked"));
        Api.organizer().get(path(slug, speaker)).then().statusCode(200)
                .body("items.status", contains("pending", "redeemed"));
        Api.organizer().post(path(slug, speaker)).then().statusCode(409)
                .body("type", is("urn:hallway:problem:speaker-already-linked"));

        Api.organizer().delete(account(slug, speaker)).then().statusCode(204);
        Api.organizer().delete(account(slug, speaker)).then().statusCode(204);
        Api.organizer().get(account(slug, speaker)).then().statusCode(200).body("linked", is(false));
        Api.as(Tokens.of("zoe")).get(mine(slug)).then().statusCode(200).body("", hasSize(0));
        assertEquals(1, db().count("""
                select count(*) from audit_entry a join event e on e.id = a.event_id
                where e.slug = ? and a.resource = 'speaker-account' and a.action = 'delete' and a.resource_id = ?""",
                slug, speaker), "one entry: the second unlink changed nothing");

        Api.as(Tokens.of("tara")).post(redeemPath(second)).then().statusCode(200);
        Api.as(Tokens.of("tara")).get(mine(slug)).then().statusCode(200).body("speakerId", contains((int) speaker));
    }

    private static String invite(String slug, long speaker) {
        return Api.organizer().body("{}").post(path(slug, speaker)).then().statusCode(201).extract().jsonPath()
                .getString("token");
    }

    private static String path(String slug, long speaker) {
        return "/api/admin/events/" + slug + "/speakers/" + speaker + "/invitations";
    }

    private static String account(String slug, long speaker) {
        return "/api/admin/events/" + slug + "/speakers/" + speaker + "/account";
    }

    private static String mine(String slug) {
        return "/api/events/" + slug + "/me/speaker-records";
    }

    private static String redeemPath(String token) {
        return "/api/speaker-invitations/" + token + "/redeem";
    }

    private Db db() {
        return new Db(dataSource);
    }
}
