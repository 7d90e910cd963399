package io.hallway.schedule;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LightningBlockTest {

    String slug;
    String blocks;
    long theater;
    long flex;

    @BeforeEach
    void a_fresh_event() {
        slug = newEvent("block");
        blocks = "/api/admin/events/" + slug + "/blocks";
        theater = room(slug, "Theater", 120);
        flex = room(slug, "Flex Space", 40);
    }

    @Test
    void talks_get_their_start_times_from_their_position() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long first = lightningTalk(slug, block, "First");
        long second = lightningTalk(slug, block, "Second");
        long third = lightningTalk(slug, block, "Third");

        Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200)
                .body("blocks[0].talkIds", contains((int) first, (int) second, (int) third))
                .body("blocks[0].startsAt", equalTo(at("10:50")))
                .body("sessions.find { it.id == " + first + " }.startsAt", equalTo(at("10:50")))
                .body("sessions.find { it.id == " + second + " }.startsAt", equalTo(at("10:55")))
                .body("sessions.find { it.id == " + third + " }.startsAt", equalTo(at("11:00")))
                .body("sessions.find { it.id == " + third + " }.endsAt", equalTo(at("11:05")))
                .body("sessions.find { it.id == " + third + " }.blockPosition", equalTo(2))
                .body("sessions.find { it.id == " + third + " }.roomId", equalTo((int) theater));
    }

    @Test
    void a_talk_can_be_inserted_at_a_position() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long first = lightningTalk(slug, block, "First");
        long last = lightningTalk(slug, block, "Last");
        long middle = Api.organizer().queryParam("position", 1)
                .body(Map.of("kind", "lightning-talk", "title", "Middle")).post(blocks + "/" + block + "/talks")
                .then().statusCode(201).body("startsAt", equalTo(at("10:55"))).extract().jsonPath().getLong("id");

        Api.organizer().get(blocks + "/" + block).then().body("talkIds", contains((int) first, (int) middle, (int) last));
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + last).then().body("startsAt", equalTo(at("11:00")));
    }

    @Test
    void a_negative_position_is_a_400_and_adds_nothing_while_a_position_past_the_end_appends() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long first = lightningTalk(slug, block, "First");
        Api.organizer().queryParam("position", -5).body(Map.of("kind", "lightning-talk", "title", "Before the start"))
                .post(blocks + "/" + block + "/talks").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("position"))
                .body("violations[0].message", equalTo("must be 0 or more"));
        Api.organizer().get(blocks + "/" + block).then().body("talkIds", contains((int) first));

        long appended = Api.organizer().queryParam("position", 99)
                .body(Map.of("kind", "lightning-talk", "title", "Past the end")).post(blocks + "/" + block + "/talks")
                .then().statusCode(201).body("startsAt", equalTo(at("10:55"))).extract().jsonPath().getLong("id");
        Api.organizer().get(blocks + "/" + block).then().body("talkIds", contains((int) first, (int) appended));
    }

    @Test
    void reordering_moves_the_start_times_with_the_order() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long a = lightningTalk(slug, block, "A");
        long b = lightningTalk(slug, block, "B");
        long c = lightningTalk(slug, block, "C");
        long version = Api.organizer().get(blocks + "/" + block).then().extract().jsonPath().getLong("version");

        Api.organizer().body(Map.of("talkIds", List.of(c, a, b), "version", version))
                .put(blocks + "/" + block + "/order").then().statusCode(200)
                .body("talkIds", contains((int) c, (int) a, (int) b));

        Api.anonymous().get("/api/events/" + slug + "/schedule").then()
                .body("sessions.find { it.id == " + c + " }.startsAt", equalTo(at("10:50")))
                .body("sessions.find { it.id == " + a + " }.startsAt", equalTo(at("10:55")))
                .body("sessions.find { it.id == " + b + " }.startsAt", equalTo(at("11:00")));
        Api.organizer().body(Map.of("talkIds", List.of(a, b), "version", version + 1))
                .put(blocks + "/" + block + "/order").then().statusCode(400);
        Api.organizer().body(Map.of("talkIds", List.of(a, b, c), "version", version))
                .put(blocks + "/" + block + "/order").then().statusCode(409);
    }

    @Test
    void a_block_holds_only_as_many_talks_as_fit_its_slot() {
        long block = block(slug, "Short block", theater, "10:50", "11:00");
        lightningTalk(slug, block, "One");
        lightningTalk(slug, block, "Two");
        Api.organizer().body(Map.of("kind", "lightning-talk", "title", "Three")).post(blocks + "/" + block + "/talks")
                .then().statusCode(409).body("title", equalTo("Block full"));
        Api.organizer().body(Map.of("kind", "talk", "title", "Not lightning")).post(blocks + "/" + block + "/talks")
                .then().statusCode(400);
    }

    @Test
    void moving_a_block_moves_its_talks_and_deleting_a_talk_closes_the_gap() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long first = lightningTalk(slug, block, "First");
        long second = lightningTalk(slug, block, "Second");

        Api.organizer().body(Map.of("title", "Moved block", "roomId", flex, "startsAt", at("14:00"), "endsAt",
                at("14:30"), "version", 2)).put(blocks + "/" + block).then().statusCode(200);
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + second).then()
                .body("startsAt", equalTo(at("14:05"))).body("roomId", equalTo((int) flex));

        Api.organizer().delete("/api/admin/events/" + slug + "/sessions/" + first).then().statusCode(204);
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + second).then()
                .body("startsAt", equalTo(at("14:00"))).body("blockPosition", equalTo(0));
    }

    @Test
    void a_talk_in_a_block_cannot_be_given_its_own_time() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long talk = lightningTalk(slug, block, "Pinned");
        var body = session("lightning-talk", "Pinned elsewhere", theater, "12:00", "12:05");
        body.put("version", 0);
        Api.organizer().body(body).put("/api/admin/events/" + slug + "/sessions/" + talk).then().statusCode(400);
        Api.organizer().body(Map.of("kind", "lightning-talk", "title", "Renamed", "version", 0))
                .put("/api/admin/events/" + slug + "/sessions/" + talk).then().statusCode(200)
                .body("title", equalTo("Renamed")).body("startsAt", equalTo(at("10:50")));
    }

    @Test
    void a_speaker_in_a_block_cannot_talk_elsewhere_at_that_moment() {
        long riley = speaker(slug, "Riley");
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        lightningTalk(slug, block, "Riley's lightning talk", riley);
        Api.organizer().body(talk("Riley elsewhere", flex, "10:45", "11:15", riley))
                .post("/api/admin/events/" + slug + "/sessions").then().statusCode(409);
    }

    @Test
    void deleting_a_block_deletes_its_talks() {
        long block = block(slug, "Lightning talks", theater, "10:50", "11:20");
        long talk = lightningTalk(slug, block, "Gone with the block");
        Api.organizer().delete(blocks + "/" + block).then().statusCode(204);
        Api.anonymous().get("/api/events/" + slug + "/sessions/" + talk).then().statusCode(404);
        Api.anonymous().get("/api/events/" + slug + "/schedule").then().body("blocks", empty());
    }
}
