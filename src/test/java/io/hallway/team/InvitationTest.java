package io.hallway.team;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.AtOnce;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.TeamFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InvitationTest {

    @Inject
    DataSource dataSource;

    @Test
    void an_owner_creates_an_invitation_whose_link_is_shown_once_and_lists_it_without_the_token() {
        String slug = ScheduleFixtures.newEvent("invite");
        JsonPath created = Api.organizer().body(Map.of("role", "editor")).post(path(slug)).then().statusCode(201)
                .body("role", is("editor"))
                .body("roomIds", nullValue())
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .extract().jsonPath();
        String token = created.getString("token");
        assertEquals("http://localhost:8080/api/invitations/" + token, created.getString("link"));
        Instant createdAt = Instant.parse(created.getString("createdAt"));
        Instant expiresAt = Instant.parse(created.getString("expiresAt"));
        assertEquals(Duration.ofDays(7), Duration.between(createdAt, expiresAt), "the default validity");

        String list = Api.organizer().get(path(slug)).then().statusCode(200)
                .body("totalItems", is(1))
                .body("items[0].id", is(created.getInt("id")))
                .body("items[0].role", is("editor"))
                .body("items[0].status", is("pending"))
                .body("items[0].createdAt", is(created.getString("createdAt")))
                .body("items[0].expiresAt", is(created.getString("expiresAt")))
                .body("items[0]", not(hasKey("token")))
                .body("items[0]", not(hasKey("link")))
                .extract().asString();
        assertFalse(list.contains(token), list);
        assertEquals(0, db().count("select count(*) from event_invitation where token_hash = convert_to(?, 'UTF8')",
                token), "only the token's hash is stored");
        assertEquals(1, db().count("""
                select count(*) from event_invitation where token_hash = sha256(convert_to(?, 'UTF8'))""", token));
    }

    @Test
    void an_owner_may_say_how_many_days_an_invitation_works_up_to_thirty() {
        String slug = ScheduleFixtures.newEvent("invite-days");
        JsonPath created = Api.organizer().body(Map.of("role", "host", "validForDays", 2)).post(path(slug)).then()
                .statusCode(201).extract().jsonPath();
        assertEquals(Duration.ofDays(2), Duration.between(Instant.parse(created.getString("createdAt")),
                Instant.parse(created.getString("expiresAt"))));
        Api.organizer().body(Map.of("role", "host", "validForDays", 31)).post(path(slug)).then().statusCode(400)
                .body("violations[0].field", is("validForDays"));
        Api.organizer().body(Map.of("role", "host", "validForDays", 0)).post(path(slug)).then().statusCode(400);
        Api.organizer().body(Map.of("role", "boss")).post(path(slug)).then().statusCode(400)
                .body("detail", containsString("owner, editor, host"));
    }

    @Test
    void redeeming_an_invitation_puts_the_caller_on_the_team_with_the_name_from_their_token() {
        String slug = ScheduleFixtures.newEvent("invite-join");
        String token = invite(slug, Map.of("role", "editor"));

        Api.as(Tokens.of("zoe")).post(redeemPath(token)).then().statusCode(200)
                .body("slug", is(slug))
                .body("name", is("Test invite-join"))
                .body("role", is("editor"))
                .body("invitedRole", is("editor"));

        long zoe = db().userId(Tokens.of("zoe"));
        assertEquals(1, db().count("""
                select count(*) from event_member m join event e on e.id = m.event_id
                where e.slug = ? and m.user_id = ? and m.role = 'editor' and m.display_name = ?""", slug, zoe,
                nameIn(Tokens.of("zoe"))));
        Api.organizer().get(path(slug)).then().statusCode(200).body("items[0].status", is("redeemed"))
                .body("items[0].redeemedAt", notNullValue());
    }

    @Test
    void an_invitation_is_used_once_and_a_second_redeem_is_refused() {
        String slug = ScheduleFixtures.newEvent("invite-once");
        String token = invite(slug, Map.of("role", "editor"));
        Api.as(Tokens.of("zoe")).post(redeemPath(token)).then().statusCode(200);

        Api.otherAttendee().post(redeemPath(token)).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", is("urn:hallway:problem:invitation-used"));
        Api.as(Tokens.of("zoe")).post(redeemPath(token)).then().statusCode(410)
                .body("type", is("urn:hallway:problem:invitation-used"));
        assertEquals(1, members(slug));
    }

    @Test
    void two_people_redeeming_one_invitation_at_once_make_exactly_one_member() throws Exception {
        String slug = ScheduleFixtures.newEvent("invite-race");
        String token = invite(slug, Map.of("role", "host"));
        List<String> people = List.of(Tokens.attendee(), Tokens.otherAttendee(), Tokens.of("zoe"), Tokens.of("tara"),
                Tokens.of("umar"), Tokens.of("vera"));
        List<Integer> statuses = AtOnce.statuses(people.stream()
                .<Callable<Integer>> map(person -> () -> Api.as(person).post(redeemPath(token)).statusCode()).toList());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(people.size() - 1, statuses.stream().filter(status -> status == 410).count(), statuses.toString());
        assertEquals(1, members(slug));
    }

    @Test
    void an_expired_invitation_is_refused() {
        String slug = ScheduleFixtures.newEvent("invite-expired");
        String token = invite(slug, Map.of("role", "editor"));
        db().update("""
                update event_invitation set expires_at = now() - interval '1 minute'
                where token_hash = sha256(convert_to(?, 'UTF8'))""", token);

        Api.attendee().post(redeemPath(token)).then().statusCode(410)
                .body("type", is("urn:hallway:problem:invitation-expired"))
                .body("title", is("Invitation expired"));
        assertEquals(0, members(slug));
        Api.organizer().get(path(slug)).then().statusCode(200).body("items[0].status", is("expired"));
    }

    @Test
    void a_revoked_invitation_is_refused_and_revoking_it_again_is_no_error() {
        String slug = ScheduleFixtures.newEvent("invite-revoke");
        JsonPath created = Api.organizer().body(Map.of("role", "owner")).post(path(slug)).then().statusCode(201)
                .extract().jsonPath();
        String one = path(slug) + "/" + created.getLong("id");

        Api.organizer().delete(one).then().statusCode(204);
        Api.organizer().delete(one).then().statusCode(204);

        Api.attendee().post(redeemPath(created.getString("token"))).then().statusCode(410)
                .body("type", is("urn:hallway:problem:invitation-revoked"));
        assertEquals(0, members(slug));
        Api.organizer().get(path(slug)).then().statusCode(200).body("items[0].status", is("revoked"))
                .body("items[0].revokedAt", notNullValue());
    }

    @Test
    void revoking_a_redeemed_invitation_is_a_conflict() {
        String slug = ScheduleFixtures.newEvent("invite-redeemed");
        JsonPath created = Api.organizer().body(Map.of("role", "editor")).post(path(slug)).then().statusCode(201)
                .extract().jsonPath();
        Api.attendee().post(redeemPath(created.getString("token"))).then().statusCode(200);

        Api.organizer().delete(path(slug) + "/" + created.getLong("id")).then().statusCode(409)
                .body("type", is("urn:hallway:problem:invitation-already-redeemed"));
        assertEquals(1, members(slug));
    }

    @Test
    void another_events_invitation_is_not_found() {
        String slug = ScheduleFixtures.newEvent("invite-mine");
        String other = ScheduleFixtures.newEvent("invite-theirs");
        long id = Api.organizer().body(Map.of("role", "editor")).post(path(other)).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        Api.organizer().delete(path(slug) + "/" + id).then().statusCode(404)
                .body("type", is("urn:hallway:problem:not-found"));
        Api.organizer().get(path(slug)).then().statusCode(200).body("totalItems", is(0));
        Api.organizer().get(path(other)).then().statusCode(200).body("items[0].status", is("pending"));
    }

    @Test
    void an_unknown_token_is_not_found() {
        Api.attendee().post(redeemPath("A".repeat(43))).then().statusCode(404)
                .body("type", is("urn:hallway:problem:not-found"));
        Api.attendee().post(redeemPath("not-a-token")).then().statusCode(404);
    }

    @Test
    void an_attendee_without_the_organizer_role_joins_as_host_of_the_rooms_named() {
        String slug = ScheduleFixtures.newEvent("invite-host");
        long hall = ScheduleFixtures.room(slug, "Hall", 200);
        long lab = ScheduleFixtures.room(slug, "Lab", 20);
        ScheduleFixtures.room(slug, "Attic", 10);
        String token = invite(slug, Map.of("role", "host", "roomIds", List.of(lab, hall, lab)));

        Api.as(Tokens.of("tara")).post(redeemPath(token)).then().statusCode(200)
                .body("role", is("host"))
                .body("roomIds", contains((int) Math.min(hall, lab), (int) Math.max(hall, lab)));
        assertEquals(1, db().count("""
                select count(*) from event_member m join event e on e.id = m.event_id
                where e.slug = ? and m.user_id = ? and m.role = 'host' and m.room_ids = ?::bigint[]""", slug,
                db().userId(Tokens.of("tara")), "{" + Math.min(hall, lab) + "," + Math.max(hall, lab) + "}"));
    }

    @Test
    void only_a_host_invitation_names_rooms_and_only_rooms_of_its_event() {
        String slug = ScheduleFixtures.newEvent("invite-rooms");
        String other = ScheduleFixtures.newEvent("invite-rooms-other");
        long room = ScheduleFixtures.room(slug, "Hall", 200);
        long elsewhere = ScheduleFixtures.room(other, "Hall", 200);

        Api.organizer().body(Map.of("role", "host", "roomIds", List.of(room, elsewhere))).post(path(slug)).then()
                .statusCode(400).body("violations[0].field", is("roomIds"))
                .body("detail", containsString(String.valueOf(elsewhere)));
        Api.organizer().body(Map.of("role", "editor", "roomIds", List.of(room))).post(path(slug)).then()
                .statusCode(400).body("violations[0].field", is("roomIds"));
        Api.organizer().body(Map.of("role", "host", "roomIds", List.of())).post(path(slug)).then().statusCode(400);
        Api.organizer().get(path(slug)).then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void an_owner_who_redeems_an_editor_invitation_stays_owner() {
        String slug = ScheduleFixtures.newEvent("invite-demote");
        Api.as(Tokens.of("umar")).post(redeemPath(invite(slug, Map.of("role", "owner")))).then().statusCode(200);

        Api.as(Tokens.of("umar")).post(redeemPath(invite(slug, Map.of("role", "editor")))).then().statusCode(200)
                .body("role", is("owner"))
                .body("invitedRole", is("editor"));
        assertEquals(1, db().count("""
                select count(*) from event_member m join event e on e.id = m.event_id
                where e.slug = ? and m.user_id = ? and m.role = 'owner'""", slug, db().userId(Tokens.of("umar"))));

        Api.as(Tokens.of("vera")).post(redeemPath(invite(slug, Map.of("role", "host")))).then().statusCode(200);
        Api.as(Tokens.of("vera")).post(redeemPath(invite(slug, Map.of("role", "editor")))).then().statusCode(200)
                .body("role", is("editor"));
    }

    @Test
    void my_export_shows_the_invitations_i_redeemed_and_erasing_my_data_takes_me_off_them() {
        String slug = ScheduleFixtures.newEvent("invite-mydata");
        String token = invite(slug, Map.of("role", "host"));
        Api.as(Tokens.of("vera")).post(redeemPath(token)).then().statusCode(200);

        String export = Api.as(Tokens.of("vera")).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("invitations", hasSize(1))
                .body("invitations[0].role", is("host"))
                .body("invitations[0].redeemedByMe", is(true))
                .body("invitations[0].madeByMe", is(false))
                .body("invitations[0]", not(hasKey("token")))
                .extract().asString();
        assertFalse(export.contains(token), export);

        Api.as(Tokens.of("vera")).delete("/api/events/" + slug + "/me").then().statusCode(204);
        long vera = db().userId(Tokens.of("vera"));
        assertEquals(0, db().count("select count(*) from event_invitation where redeemed_by = ? and event_id = "
                + "(select id from event where slug = ?)", vera, slug));
        Api.organizer().get(path(slug)).then().statusCode(200).body("items[0].status", is("redeemed"));
    }

    @Test
    void an_invitation_never_lowers_a_role_and_adds_rooms_to_a_host() {
        var host = new Members.Membership(EventRole.HOST, List.of(3L));
        assertEquals(new Members.Membership(EventRole.HOST, List.of(1L, 3L)),
                Invitations.merged(Optional.of(host), new Members.Membership(EventRole.HOST, List.of(1L))));
        assertEquals(new Members.Membership(EventRole.HOST, null),
                Invitations.merged(Optional.of(host), new Members.Membership(EventRole.HOST, null)));
        assertEquals(new Members.Membership(EventRole.EDITOR, null),
                Invitations.merged(Optional.of(host), new Members.Membership(EventRole.EDITOR, null)));
        var owner = new Members.Membership(EventRole.OWNER, null);
        assertEquals(owner, Invitations.merged(Optional.of(owner), new Members.Membership(EventRole.HOST, List.of(1L))));
        assertEquals(host, Invitations.merged(Optional.empty(), host));
    }

    @Test
    void only_owners_manage_invitations_and_redeeming_needs_a_sign_in() {
        String slug = ScheduleFixtures.newEvent("invite-matrix");
        long id = Api.organizer().body(Map.of("role", "editor")).post(path(slug)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TeamFixtures.join(slug, Tokens.otherAttendee(), EventRole.EDITOR, null);

        Api.as(Tokens.otherAttendee()).body(Map.of("role", "owner")).post(path(slug)).then().statusCode(403);
        Api.as(Tokens.otherAttendee()).get(path(slug)).then().statusCode(403);
        Api.as(Tokens.otherAttendee()).delete(path(slug) + "/" + id).then().statusCode(403);
        Api.attendee().body(Map.of("role", "owner")).post(path(slug)).then().statusCode(404);
        Api.attendee().get(path(slug)).then().statusCode(404);
        Api.attendee().delete(path(slug) + "/" + id).then().statusCode(404);
        Api.anonymous().body(Map.of("role", "owner")).post(path(slug)).then().statusCode(401);
        Api.anonymous().get(path(slug)).then().statusCode(401);
        Api.anonymous().delete(path(slug) + "/" + id).then().statusCode(401);
        Api.anonymous().post(redeemPath("A".repeat(43))).then().statusCode(401);
        Api.organizer().get(path(slug)).then().statusCode(200).body("totalItems", is(1))
                .body("items[0].status", is("pending"));
    }

    /** The name a token gives its holder: its name claim, else its preferred user name, else its subject. */
    private static String nameIn(String token) {
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        return Stream.of("name", "preferred_username", "sub").map(claims::getString)
                .filter(value -> value != null && !value.isBlank()).findFirst().orElseThrow();
    }

    private String invite(String slug, Map<String, Object> body) {
        return Api.organizer().body(body).post(path(slug)).then().statusCode(201).extract().jsonPath().getString("token");
    }

    /** Members who joined through one of the event's invitations: the creator, its first owner, is not one. */
    private long members(String slug) {
        return db().count("""
                select count(*) from event_member m join event e on e.id = m.event_id
                where e.slug = ? and exists (select 1 from event_invitation i
                    where i.event_id = m.event_id and i.redeemed_by = m.user_id)""", slug);
    }

    private Db db() {
        return new Db(dataSource);
    }

    private static String path(String slug) {
        return "/api/admin/events/" + slug + "/invitations";
    }

    private static String redeemPath(String token) {
        return "/api/invitations/" + token + "/redeem";
    }
}
