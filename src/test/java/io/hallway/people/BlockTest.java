package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
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

import io.hallway.testing.Api;
import io.hallway.testing.Db;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BlockTest {

    private final String ada = Tokens.attendee();
    private final String bruno = Tokens.otherAttendee();
    private final String zoe = Tokens.of("zoe");

    @Inject
    DataSource dataSource;

    @Test
    void a_blocked_person_leaves_my_directory_and_I_theirs_until_I_unblock_them() {
        String slug = ScheduleFixtures.newEvent("blocks");
        long adaId = listed(ada, slug, "Ada");
        long brunoId = listed(bruno, slug, "Bruno");
        long zoeId = listed(zoe, slug, "Zoe");

        Api.as(ada).put(blocks(slug) + "/" + brunoId).then().statusCode(204);
        Api.as(ada).put(blocks(slug) + "/" + brunoId).then().statusCode(204);

        assertEquals(List.of(adaId, zoeId), directory(ada, slug));
        assertEquals(List.of(brunoId, zoeId), directory(bruno, slug));
        assertEquals(List.of(adaId, brunoId, zoeId), directory(zoe, slug));
        Api.as(ada).get(attendees(slug) + "?q=Bruno").then().statusCode(200).body("totalItems", is(0));
        Api.as(ada).get(attendees(slug) + "/" + brunoId).then().statusCode(404);
        Api.as(bruno).get(attendees(slug) + "/" + adaId).then().statusCode(404)
                .body("detail", is("No attendee " + adaId + " in this event."));
        Api.as(ada).get(blocks(slug)).then().statusCode(200).body("size()", is(1))
                .body("[0].profileId", is((int) brunoId)).body("[0].displayName", is("Bruno"))
                .body("[0].blockedAt", endsWith("-07:00"));
        Api.as(bruno).get(blocks(slug)).then().statusCode(200).body("size()", is(0));

        Api.as(ada).delete(blocks(slug) + "/" + brunoId).then().statusCode(204);
        Api.as(ada).delete(blocks(slug) + "/" + brunoId).then().statusCode(204);

        assertEquals(List.of(adaId, brunoId, zoeId), directory(ada, slug));
        assertEquals(List.of(adaId, brunoId, zoeId), directory(bruno, slug));
        Api.as(bruno).get(attendees(slug) + "/" + adaId).then().statusCode(200).body("displayName", is("Ada"));
        Api.as(ada).get(blocks(slug)).then().statusCode(200).body("size()", is(0));
    }

    @Test
    void blocking_myself_or_a_profile_outside_the_event_is_refused_and_stores_nothing() {
        String slug = ScheduleFixtures.newEvent("blocks");
        String elsewhere = ScheduleFixtures.newEvent("blocks-elsewhere");
        long adaId = listed(ada, slug, "Ada");
        long brunoElsewhere = listed(bruno, elsewhere, "Bruno");

        Api.as(ada).put(blocks(slug) + "/" + adaId).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("profileId"));
        Api.as(ada).put(blocks(slug) + "/" + brunoElsewhere).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(ada).put(blocks(slug) + "/999999999").then().statusCode(404);
        Api.as(ada).delete(blocks(slug) + "/999999999").then().statusCode(404);
        Api.anonymous().put(blocks(slug) + "/" + adaId).then().statusCode(401);

        assertEquals(0, new Db(dataSource).count(
                "select count(*) from person_block b join event e on e.id = b.event_id where e.slug in (?, ?)", slug,
                elsewhere));
    }

    @Test
    void a_code_cannot_connect_a_blocked_pair_either_way_and_is_refused_like_a_used_one() {
        String slug = ScheduleFixtures.newEvent("blocks");
        listed(ada, slug, "Ada");
        long brunoId = listed(bruno, slug, "Bruno");
        listed(zoe, slug, "Zoe");
        // What any scanner hears for a code someone else already used
        String used = issue(zoe, slug).getString("token");
        scan(ada, slug, used).then().statusCode(201);
        Response usedAnswer = scan(bruno, slug, used);

        Api.as(ada).put(blocks(slug) + "/" + brunoId).then().statusCode(204);

        String adaCode = issue(ada, slug).getString("token");
        Response blockedAnswer = scan(bruno, slug, adaCode);
        String brunoCode = issue(bruno, slug).getString("token");
        Response blockerAnswer = scan(ada, slug, brunoCode);

        for (Response refused : List.of(blockedAnswer, blockerAnswer)) {
            assertEquals(usedAnswer.statusCode(), refused.statusCode());
            assertEquals(410, refused.statusCode());
            for (String member : List.of("type", "title", "detail")) {
                assertEquals(usedAnswer.jsonPath().getString(member), refused.jsonPath().getString(member), member);
            }
        }
        Db db = new Db(dataSource);
        assertEquals(0, db.count("""
                select count(*) from exchange_token t join event e on e.id = t.event_id
                where e.slug = ? and t.redeemed_at is not null and t.owner_id in (?, ?)""",
                slug, db.userId(ada), db.userId(bruno)), "the codes stay unused");
        assertEquals(1, db.count("select count(*) from connection c join event e on e.id = c.event_id where e.slug = ?",
                slug), "only Ada and Zoe are connected");

        Api.as(ada).delete(blocks(slug) + "/" + brunoId).then().statusCode(204);
        scan(bruno, slug, adaCode).then().statusCode(201);
    }

    @Test
    void my_blocks_are_in_my_export_go_with_my_erasure_and_outlast_the_erasure_of_the_person_I_blocked() {
        String slug = ScheduleFixtures.newEvent("blocks");
        long adaId = listed(ada, slug, "Ada");
        long brunoId = listed(bruno, slug, "Bruno");
        Api.as(ada).put(blocks(slug) + "/" + brunoId).then().statusCode(204);
        Api.as(bruno).put(blocks(slug) + "/" + adaId).then().statusCode(204);

        Api.as(ada).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("blocks.size()", is(1)).body("blocks[0].profileId", is((int) brunoId));

        Api.as(bruno).delete("/api/events/" + slug + "/me").then().statusCode(204);
        Db db = new Db(dataSource);
        assertEquals(1, blocksMadeBy(db, slug, ada), "Ada's block stays after Bruno's erasure");
        assertEquals(0, blocksMadeBy(db, slug, bruno), "Bruno's own blocks went with his data");
        Api.as(ada).get(blocks(slug)).then().statusCode(200).body("size()", is(1))
                .body("[0].profileId", nullValue()).body("[0].displayName", nullValue());

        // Back with a new profile, Bruno is still blocked
        long brunoAgain = listed(bruno, slug, "Bruno");
        assertEquals(List.of(adaId), directory(ada, slug));
        Api.as(ada).get(blocks(slug)).then().body("[0].profileId", is((int) brunoAgain));

        Api.as(ada).delete("/api/events/" + slug + "/me").then().statusCode(204);
        assertEquals(0, blocksMadeBy(db, slug, ada));
    }

    private static long blocksMadeBy(Db db, String slug, String token) {
        return db.count("select count(*) from person_block b join event e on e.id = b.event_id where e.slug = ? and b.blocker_id = ?",
                slug, db.userId(token));
    }

    /** A profile in the directory with its name shown to everyone; returns its id. */
    private static long listed(String token, String slug, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("displayName", name, "inDirectory", true,
                "visibility", Map.of("displayName", "everyone")));
        return saveProfile(token, slug, body);
    }

    private static List<Long> directory(String token, String slug) {
        return Api.as(token).get(attendees(slug)).then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class).stream().sorted().toList();
    }

    private static String attendees(String slug) {
        return "/api/events/" + slug + "/attendees";
    }

    private static String blocks(String slug) {
        return "/api/events/" + slug + "/me/blocks";
    }

    @Test
    void blocking_an_unlisted_stranger_by_a_guessed_id_works_without_revealing_their_name() {
        String slug = ScheduleFixtures.newEvent("block-unlisted");
        String ada = Tokens.attendee();
        String bea = Tokens.of("hana");
        // Bea is not in the directory and shares nothing with Ada, though her name is for everyone.
        long beaId = saveProfile(bea, slug, Map.of("displayName", "Hidden Bea", "inDirectory", false,
                "visibility", Map.of("displayName", "everyone")));
        Api.as(ada).get("/api/events/" + slug + "/attendees/" + beaId).then().statusCode(404);

        Api.as(ada).put("/api/events/" + slug + "/me/blocks/" + beaId).then().statusCode(204);
        Api.as(ada).get("/api/events/" + slug + "/me/blocks").then().statusCode(200)
                .body("profileId", contains((int) beaId))
                .body("[0].displayName", nullValue());
    }
}
