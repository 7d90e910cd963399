package io.hallway.speakers;

import static org.hamcrest.Matchers.*;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A linked account and its speaker record: the speaker unlinks it, and it goes with the record. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpeakerLinkTest {

    @Test
    void the_speaker_unlinks_their_account_and_nobody_else_can() {
        String slug = ScheduleFixtures.newEvent("speaker-unlink");
        long speaker = ScheduleFixtures.speaker(slug, "Kelsey");
        Api.as(Tokens.of("zoe")).post(redeemPath(invite(slug, speaker))).then().statusCode(200);

        Api.as(Tokens.of("tara")).delete(mine(slug) + "/" + speaker).then().statusCode(404);
        Api.anonymous().delete(mine(slug) + "/" + speaker).then().statusCode(401);
        Api.organizer().get(account(slug, speaker)).then().statusCode(200).body("linked", is(true));

        Api.as(Tokens.of("zoe")).delete(mine(slug) + "/" + speaker).then().statusCode(204);
        Api.as(Tokens.of("zoe")).delete(mine(slug) + "/" + speaker).then().statusCode(404);
        Api.as(Tokens.of("zoe")).get(mine(slug)).then().statusCode(200).body("", hasSize(0));
        Api.organizer().get(account(slug, speaker)).then().statusCode(200).body("linked", is(false));
        Api.organizer().get("/api/admin/events/" + slug + "/speakers/" + speaker).then().statusCode(200)
                .body("name", is("Kelsey"));
    }

    @Test
    void one_person_speaks_as_records_of_several_events_and_a_deleted_record_takes_its_link_along() {
        String slug = ScheduleFixtures.newEvent("speaker-many");
        String other = ScheduleFixtures.newEvent("speaker-many-other");
        long here = ScheduleFixtures.speaker(slug, "Kelsey");
        long there = ScheduleFixtures.speaker(other, "Kelsey H.");
        Api.as(Tokens.of("zoe")).post(redeemPath(invite(slug, here))).then().statusCode(200);
        Api.as(Tokens.of("zoe")).post(redeemPath(invite(other, there))).then().statusCode(200);

        Api.as(Tokens.of("zoe")).get(mine(slug)).then().statusCode(200).body("speakerId", contains((int) here));
        Api.as(Tokens.of("zoe")).get(mine(other)).then().statusCode(200).body("speakerId", contains((int) there))
                .body("[0].name", is("Kelsey H."));

        Api.organizer().delete("/api/admin/events/" + slug + "/speakers/" + here).then().statusCode(204);
        Api.as(Tokens.of("zoe")).get(mine(slug)).then().statusCode(200).body("", hasSize(0));
        Api.as(Tokens.of("zoe")).get(mine(other)).then().statusCode(200).body("", hasSize(1));
    }

    private static String invite(String slug, long speaker) {
        return Api.organizer().body("{}").post("/api/admin/events/" + slug + "/speakers/" + speaker + "/invitations")
                .then().statusCode(201).extract().jsonPath().getString("token");
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
}
