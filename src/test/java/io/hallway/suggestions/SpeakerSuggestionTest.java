package io.hallway.suggestions;

import static io.hallway.suggestions.SuggestionTest.PUBLIC;
import static io.hallway.suggestions.SuggestionTest.optIn;
import static io.hallway.suggestions.SuggestionTest.path;
import static io.hallway.suggestions.SuggestionTest.profile;
import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.AgendaFixtures.updateSession;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The speakers of the sessions I bookmarked who linked their account, as the released schedule has them. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SpeakerSuggestionTest {

    @Test
    void a_linked_speaker_of_a_session_i_bookmarked_ranks_above_someone_sharing_a_bookmark_if_they_opted_in() {
        String slug = newEvent("suggest-speaker");
        long theater = room(slug, "Theater", 100);
        long kelsey = speaker(slug, "Kelsey");
        long liz = speaker(slug, "Liz");
        long operators = create(slug, talk("Operators", theater, "09:00", "09:30", kelsey, liz)).getLong("id");
        long other = create(slug, talk("Other", theater, "10:00", "10:30")).getLong("id");
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        String zoe = Tokens.of("zoe");
        String hana = Tokens.of("hana");
        profile(ada, slug, "Ada", List.of(), null, PUBLIC);
        long brunoProfile = profile(bruno, slug, "Bruno", List.of(), null, PUBLIC);
        long zoeProfile = profile(zoe, slug, "Zoe", List.of(), null, PUBLIC);
        profile(hana, slug, "Hana", List.of(), null, PUBLIC);
        bookmark(Api.as(ada), slug, operators);
        bookmark(Api.as(ada), slug, other);
        bookmark(Api.as(bruno), slug, other);
        linkSpeaker(zoe, slug, kelsey);
        // Hana speaks at the talk too but did not opt in: she is never suggested.
        linkSpeaker(hana, slug, liz);
        for (String person : List.of(ada, bruno, zoe)) {
            optIn(person, slug, List.of());
        }

        Api.as(ada).get(path(slug)).then().statusCode(200)
                .body("person.id", contains((int) zoeProfile, (int) brunoProfile))
                .body("score", contains(4, 2))
                .body("[0].reasons.kind", contains("speaker"))
                .body("[0].reasons[0].text", equalTo("Speaks at \u201cOperators\u201d, which you bookmarked"))
                .body("[0].reasons[0].sessionIds", contains((int) operators));

        Api.as(ada).put(path(slug) + "/dismissed/" + zoeProfile).then().statusCode(204);
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) brunoProfile));
        Api.as(ada).delete(path(slug) + "/dismissed/" + zoeProfile).then().statusCode(204);
        Api.as(ada).put("/api/events/" + slug + "/me/blocks/" + zoeProfile).then().statusCode(204);
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) brunoProfile));
    }

    @Test
    void a_speaker_reason_names_the_released_title_until_a_draft_retitle_is_released() {
        KelseysTalk talk = KelseysTalk.in("suggest-speaker-draft");
        optIn(talk.ada(), talk.slug(), List.of());
        optIn(talk.zoe(), talk.slug(), List.of());
        releaseMode(talk.slug(), "manual").statusCode(200);

        updateSession(talk.slug(), talk.operators(), Map.of("title", "Operators, the secret sequel"));

        Api.as(talk.ada()).get(path(talk.slug())).then().statusCode(200)
                .body("[0].reasons[0].text", equalTo("Speaks at \u201cOperators\u201d, which you bookmarked"));
        release(talk.slug(), "v2", null).statusCode(201);
        Api.as(talk.ada()).get(path(talk.slug())).then().statusCode(200)
                .body("[0].reasons[0].text", equalTo("Speaks at \u201cOperators, the secret sequel\u201d, which you bookmarked"));
    }

    @Test
    void choosing_to_meet_speakers_raises_a_linked_speaker_above_a_matching_intent() {
        KelseysTalk talk = KelseysTalk.in("suggest-meet-speakers");
        String slug = talk.slug();
        String bruno = Tokens.otherAttendee();
        long brunoProfile = profile(bruno, slug, "Bruno", List.of(), null, PUBLIC);
        optIn(bruno, slug, List.of(Map.of("intent", "looking-for-work")));
        optIn(talk.zoe(), slug, List.of());

        optIn(talk.ada(), slug, List.of(Map.of("intent", "hiring")));
        Api.as(talk.ada()).get(path(slug)).then().statusCode(200)
                .body("person.id", contains((int) brunoProfile, (int) talk.zoeProfile())).body("score", contains(5, 4));

        optIn(talk.ada(), slug, List.of(Map.of("intent", "hiring"), Map.of("intent", "meet-speakers")));
        Api.as(talk.ada()).get(path(slug)).then().statusCode(200)
                .body("person.id", contains((int) talk.zoeProfile(), (int) brunoProfile)).body("score", contains(8, 5))
                .body("[0].reasons.kind", contains("speaker"));
    }

    @Test
    void a_speaker_changed_in_the_draft_is_suggested_as_the_speaker_only_once_released() {
        KelseysTalk talk = KelseysTalk.in("suggest-speaker-swap");
        String slug = talk.slug();
        long liz = speaker(slug, "Liz");
        String hana = Tokens.of("hana");
        long hanaProfile = profile(hana, slug, "Hana", List.of(), null, PUBLIC);
        linkSpeaker(hana, slug, liz);
        for (String who : List.of(talk.ada(), talk.zoe(), hana)) {
            optIn(who, slug, List.of());
        }
        releaseMode(slug, "manual").statusCode(200);
        Api.as(talk.ada()).get(path(slug)).then().statusCode(200).body("person.id", contains((int) talk.zoeProfile()))
                .body("[0].reasons.kind", contains("speaker"));

        // Liz takes over from Kelsey in the draft. A speaker counts where the draft and the released schedule
        // agree: Liz not before the release, and Kelsey no longer.
        updateSession(slug, talk.operators(), Map.of("speakerIds", List.of(liz)));
        Api.as(talk.ada()).get(path(slug)).then().statusCode(200).body("person.id", empty());

        release(slug, "v2", null).statusCode(201);
        Api.as(talk.ada()).get(path(slug)).then().statusCode(200).body("person.id", contains((int) hanaProfile))
                .body("[0].reasons[0].text", equalTo("Speaks at \u201cOperators\u201d, which you bookmarked"));
    }

    @Test
    void a_talk_moved_between_lightning_blocks_in_the_draft_counts_for_the_block_it_is_in_once_released() {
        String slug = newEvent("suggest-speaker-block");
        // Block A holds Kelsey's talk, block B Liz's; the second import swaps them, keeping each block's first talk.
        Map<String, Object> before = lightningDocument(List.of("Opening", "Kelsey's talk"), List.of("Intro", "Liz's talk"));
        Api.organizer().body(before).post("/api/admin/events/" + slug + "/imports/sessionize").then().statusCode(200);
        var schedule = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().jsonPath();
        long blockA = schedule.getLong("sessions.find { it.title == 'Opening' }.blockId");
        String ada = Tokens.attendee();
        String zoe = Tokens.of("zoe");
        String hana = Tokens.of("hana");
        profile(ada, slug, "Ada", List.of(), null, PUBLIC);
        long zoeProfile = profile(zoe, slug, "Zoe", List.of(), null, PUBLIC);
        long hanaProfile = profile(hana, slug, "Hana", List.of(), null, PUBLIC);
        linkSpeaker(zoe, slug, schedule.getLong("speakers.find { it.name == 'Kelsey' }.id"));
        linkSpeaker(hana, slug, schedule.getLong("speakers.find { it.name == 'Liz' }.id"));
        Api.as(ada).put("/api/events/" + slug + "/agenda/blocks/" + blockA).then().statusCode(204);
        for (String who : List.of(ada, zoe, hana)) {
            optIn(who, slug, List.of());
        }
        releaseMode(slug, "manual").statusCode(200);

        Map<String, Object> swapped = lightningDocument(List.of("Opening", "Liz's talk"), List.of("Intro", "Kelsey's talk"));
        Api.organizer().body(swapped).post("/api/admin/events/" + slug + "/imports/sessionize").then().statusCode(200);
        // Kelsey's talk left A and Liz's joined it in the draft only: the released block A still has Kelsey's.
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) zoeProfile))
                .body("[0].reasons[0].text", equalTo("Speaks at \u201cKelsey's talk\u201d, which you bookmarked"));

        release(slug, "v2", null).statusCode(201);
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) hanaProfile))
                .body("[0].reasons[0].text", equalTo("Speaks at \u201cLiz's talk\u201d, which you bookmarked"));
    }

    /**
     * A Sessionize document with one room and two lightning blocks of 5-minute talks, at 10:00 and 14:00, holding
     * these talks in this order; a talk's title is its id, and "Kelsey's talk" and "Liz's talk" have their speaker.
     */
    private static Map<String, Object> lightningDocument(List<String> blockA, List<String> blockB) {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (List<String> block : List.of(blockA, blockB)) {
            LocalTime start = block == blockA ? LocalTime.of(10, 0) : LocalTime.of(14, 0);
            for (String title : block) {
                String speaker = title.endsWith("'s talk") ? title.substring(0, title.indexOf('\'')) : null;
                sessions.add(Map.of("id", title, "title", title, "startsAt", "2024-11-10T" + start + ":00",
                        "endsAt", "2024-11-10T" + start.plusMinutes(5) + ":00", "isServiceSession", false,
                        "roomId", 101, "speakers", speaker == null ? List.of() : List.of(speaker),
                        "categoryItems", List.of(33), "questionAnswers", List.of()));
                start = start.plusMinutes(5);
            }
        }
        return Map.of("sessions", sessions, "questions", List.of(),
                "rooms", List.of(Map.of("id", 101, "name", "Theater", "sort", 0)),
                "categories", List.of(Map.of("id", 3, "title", "Session format", "type", "session", "sort", 3,
                        "items", List.of(Map.of("id", 33, "name", "Lightning talk", "sort", 33)))),
                "speakers", List.of(sessionizeSpeaker("Kelsey"), sessionizeSpeaker("Liz")));
    }

    private static Map<String, Object> sessionizeSpeaker(String name) {
        return Map.of("id", name, "firstName", name, "lastName", "", "fullName", name, "sessions", List.of(),
                "links", List.of(), "categoryItems", List.of(), "questionAnswers", List.of());
    }

    /** "Operators", by Kelsey, whose account Zoe linked, bookmarked by Ada; both show their name to everyone. */
    private record KelseysTalk(String slug, long operators, String ada, String zoe, long zoeProfile) {
        static KelseysTalk in(String name) {
            String slug = newEvent(name);
            long kelsey = speaker(slug, "Kelsey");
            long operators = create(slug, talk("Operators", room(slug, "Theater", 100), "09:00", "09:30", kelsey))
                    .getLong("id");
            String ada = Tokens.attendee();
            String zoe = Tokens.of("zoe");
            profile(ada, slug, "Ada", List.of(), null, PUBLIC);
            long zoeProfile = profile(zoe, slug, "Zoe", List.of(), null, PUBLIC);
            bookmark(Api.as(ada), slug, operators);
            linkSpeaker(zoe, slug, kelsey);
            return new KelseysTalk(slug, operators, ada, zoe, zoeProfile);
        }
    }

    private static void linkSpeaker(String token, String slug, long speakerId) {
        String invitation = Api.organizer().body("{}").post("/api/admin/events/" + slug + "/speakers/" + speakerId
                + "/invitations").then().statusCode(201).extract().jsonPath().getString("token");
        Api.as(token).post("/api/speaker-invitations/" + invitation + "/redeem").then().statusCode(200);
    }
}
