package io.hallway.suggestions;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.AgendaFixtures.deleteSession;
import static io.hallway.testing.AgendaFixtures.updateSession;
import static io.hallway.testing.PeopleFixtures.saveProfile;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** People worth meeting: only between people who opted in, for reasons that tell only what is shown to everyone. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SuggestionTest {

    @Inject
    PoolWorker poolWorker;

    @Inject
    EntityManager entityManager;

    static final Map<String, String> PUBLIC = Map.of("displayName", "everyone", "interests", "everyone",
            "company", "everyone");

    @Test
    void people_are_ranked_by_what_we_share_with_reasons_in_words_and_data() {
        String slug = newEvent("suggest");
        long theater = room(slug, "Theater", 100);
        long[] talks = new long[4];
        for (int i = 0; i < talks.length; i++) {
            talks[i] = create(slug, talk("Talk " + i, theater, String.format("%02d:00", 9 + i), String.format("%02d:30", 9 + i)))
                    .getLong("id");
        }
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        String zoe = Tokens.of("zoe");
        String hana = Tokens.of("hana");
        String hugo = Tokens.of("hugo");
        profile(ada, slug, "Ada", List.of("Kubernetes operators", "eBPF"), "Lovelace Labs", PUBLIC);
        long brunoProfile = profile(bruno, slug, "Bruno", List.of("ebpf"), "Other Co", PUBLIC);
        // Zoe keeps her interests to her connections: they are never a reason shown to others.
        long zoeProfile = profile(zoe, slug, "Zoe", List.of("eBPF"), "Lovelace Labs",
                Map.of("displayName", "everyone", "interests", "connections", "company", "connections"));
        long hanaProfile = profile(hana, slug, "Hana", List.of(), null, PUBLIC);
        profile(hugo, slug, "Hugo", List.of("eBPF"), null, PUBLIC);
        for (int i = 0; i < 3; i++) {
            bookmark(Api.as(ada), slug, talks[i]);
            bookmark(Api.as(zoe), slug, talks[i]);
            bookmark(Api.as(hugo), slug, talks[i]);
        }
        bookmark(Api.as(bruno), slug, talks[3]);
        optIn(ada, slug, List.of(Map.of("intent", "hiring", "topics", List.of("Go"))));
        optIn(bruno, slug, List.of());
        optIn(zoe, slug, List.of());
        optIn(hana, slug, List.of(Map.of("intent", "looking-for-work", "topics", List.of("go", "Rust"))));
        // Hugo shares everything with Ada but did not opt in.

        Api.as(ada).get(path(slug)).then().statusCode(200)
                .body("person.id", contains((int) hanaProfile, (int) zoeProfile, (int) brunoProfile))
                .body("score", contains(10, 6, 3))
                .body("[0].reasons.text", contains("Looking for work: go"))
                .body("[0].reasons[0].kind", equalTo("looking-for-work"))
                .body("[0].reasons[0].value", equalTo("go"))
                .body("[1].reasons.text", contains("You both bookmarked 3 sessions, among them \u201cTalk 0\u201d and \u201cTalk 1\u201d"))
                .body("[1].reasons[0].sessionIds", contains((int) talks[0], (int) talks[1], (int) talks[2]))
                .body("[1].person.displayName", equalTo("Zoe"))
                .body("[1].person", not(hasKey("interests")))
                .body("[1].person", not(hasKey("company")))
                .body("[2].reasons.text", contains("Both interested in ebpf"))
                .body("[2].person.interests", contains("ebpf"));

        // Hana sees Ada's side of the same match.
        Api.as(hana).get(path(slug)).then().statusCode(200)
                .body("person.displayName", contains("Ada")).body("[0].reasons.text", contains("Hiring: Go"));
        Api.as(hugo).get(path(slug)).then().statusCode(409)
                .body("type", equalTo("urn:hallway:problem:suggestions-off"));
    }

    @Test
    void a_dismissed_person_stays_away_until_undismissed_and_opting_out_leaves_every_list() {
        String slug = newEvent("suggest-dismiss");
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        long brunoProfile = profile(bruno, slug, "Bruno", List.of("go"), null, PUBLIC);
        optIn(ada, slug, List.of());
        optIn(bruno, slug, List.of());
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) brunoProfile));

        Api.as(ada).put(path(slug) + "/dismissed/" + brunoProfile).then().statusCode(204);
        Api.as(ada).get(path(slug)).then().statusCode(200).body("", hasSize(0));
        Api.as(ada).put(path(slug) + "/dismissed/999999999").then().statusCode(404);
        Api.as(ada).delete(path(slug) + "/dismissed/" + brunoProfile).then().statusCode(204);
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) brunoProfile));

        Api.as(bruno).body(Map.of("optedIn", false)).put(settings(slug)).then().statusCode(200)
                .body("optedIn", equalTo(false));
        Api.as(ada).get(path(slug)).then().statusCode(200).body("", hasSize(0));
        Api.as(bruno).get(settings(slug)).then().statusCode(200).body("optedIn", equalTo(false));
    }

    @Test
    void dismissing_or_undismissing_my_own_profile_is_a_400_and_stores_nothing() {
        String slug = newEvent("suggest-dismiss-self");
        String ada = Tokens.attendee();
        long adaProfile = profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        optIn(ada, slug, List.of());

        Api.as(ada).put(path(slug) + "/dismissed/" + adaProfile).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("profileId"))
                .body("detail", startsWith("profileId: is your own profile"));
        Api.as(ada).delete(path(slug) + "/dismissed/" + adaProfile).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("profileId"));
        assertEquals(0L, ((Number) entityManager.createNativeQuery("""
                select count(*) from suggestion_dismissal d join event e on e.id = d.event_id where e.slug = ?1""")
                .setParameter(1, slug).getSingleResult()).longValue());
    }

    @Test
    void people_who_blocked_each_other_are_never_suggested_to_each_other() {
        String slug = newEvent("suggest-block");
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        String zoe = Tokens.of("zoe");
        profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        long brunoProfile = profile(bruno, slug, "Bruno", List.of("go"), null, PUBLIC);
        long zoeProfile = profile(zoe, slug, "Zoe", List.of("GO"), null, PUBLIC);
        for (String person : List.of(ada, bruno, zoe)) {
            optIn(person, slug, List.of());
        }
        Api.as(ada).get(path(slug)).then().statusCode(200)
                .body("person.id", containsInAnyOrder((int) brunoProfile, (int) zoeProfile));

        Api.as(ada).put("/api/events/" + slug + "/me/blocks/" + brunoProfile).then().statusCode(204);
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) zoeProfile));
        Api.as(bruno).get(path(slug)).then().statusCode(200).body("person.displayName", contains("Zoe"));
    }

    @Test
    void a_bookmark_in_common_brings_a_person_into_my_pool_at_its_next_build() {
        String slug = newEvent("suggest-pool");
        long talk = create(slug, talk("Operators", room(slug, "Hall", 100), "10:00", "10:30")).getLong("id");
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        long brunoProfile = profile(bruno, slug, "Bruno", List.of("Rust"), null, PUBLIC);
        optIn(ada, slug, List.of());
        optIn(bruno, slug, List.of());
        bookmark(Api.as(ada), slug, talk);
        bookmark(Api.as(bruno), slug, talk);
        // Nothing in common when each opted in: neither is in the other's pool until a build after the bookmarks.
        Api.as(ada).get(path(slug)).then().statusCode(200).body("", hasSize(0));

        poolWorker.buildDue(Instant.now().plusSeconds(30));

        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.id", contains((int) brunoProfile))
                .body("score", contains(2))
                .body("[0].reasons.text", contains("You both bookmarked one session, among them \u201cOperators\u201d"));
        Api.as(bruno).get(path(slug)).then().statusCode(200).body("person.displayName", contains("Ada"));
    }

    @Test
    void a_session_taken_off_the_schedule_after_the_pools_were_built_is_no_longer_shared() {
        TwoTalks event = TwoTalks.in("suggest-removed");
        String slug = event.slug();
        long early = event.early();
        long late = event.late();
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        String zoe = Tokens.of("zoe");
        profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        profile(bruno, slug, "Bruno", List.of("go"), null, PUBLIC);
        profile(zoe, slug, "Zoe", List.of("Rust"), null, PUBLIC);
        for (String who : List.of(ada, bruno, zoe)) {
            optIn(who, slug, List.of());
            bookmark(Api.as(who), slug, late);
        }
        bookmark(Api.as(ada), slug, early);
        bookmark(Api.as(bruno), slug, early);
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.displayName", contains("Bruno", "Zoe"))
                .body("score", contains(7, 2))
                .body("[0].reasons[0].text", equalTo("You both bookmarked 2 sessions, among them \u201cEarly\u201d and \u201cLate\u201d"));

        // Removing a session forgets its bookmarks; the pools naming it stay as they are until the worker builds them.
        deleteSession(slug, late);

        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.displayName", contains("Bruno"))
                .body("score", contains(5))
                .body("[0].reasons.text", contains("You both bookmarked one session, among them \u201cEarly\u201d",
                        "Both interested in go"))
                .body("[0].reasons[0].sessionIds", contains((int) early));
    }

    @Test
    void someone_who_shares_less_since_the_pools_were_built_falls_below_the_next_person_even_at_the_limit() {
        TwoTalks event = TwoTalks.in("suggest-rerank");
        String slug = event.slug();
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        String zoe = Tokens.of("zoe");
        profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        profile(bruno, slug, "Bruno", List.of(), null, PUBLIC);
        profile(zoe, slug, "Zoe", List.of("go"), null, PUBLIC);
        for (String who : List.of(ada, bruno, zoe)) {
            optIn(who, slug, List.of());
        }
        for (long talk : List.of(event.early(), event.late())) {
            bookmark(Api.as(ada), slug, talk);
            bookmark(Api.as(bruno), slug, talk);
        }
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        Api.as(ada).queryParam("limit", 1).get(path(slug)).then().statusCode(200)
                .body("person.displayName", contains("Bruno")).body("score", contains(4));

        // Bruno's pool entry still counts both sessions; with one of them gone, Zoe's interest weighs more.
        deleteSession(slug, event.late());

        Api.as(ada).queryParam("limit", 1).get(path(slug)).then().statusCode(200)
                .body("person.displayName", contains("Zoe")).body("score", contains(3));
        Api.as(ada).get(path(slug)).then().statusCode(200).body("person.displayName", contains("Zoe", "Bruno"))
                .body("score", contains(3, 2));
    }

    @Test
    void a_session_taken_off_the_schedule_makes_the_pools_of_everyone_who_bookmarked_it_due() {
        TwoTalks event = TwoTalks.in("suggest-due");
        String slug = event.slug();
        ThreeOptedIn people = ThreeOptedIn.in(slug);
        bookmark(Api.as(people.ada()), slug, event.late());
        bookmark(Api.as(people.bruno()), slug, event.late());
        bookmark(Api.as(people.zoe()), slug, event.early());
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        assertEquals(0, duePools(slug));

        deleteSession(slug, event.late());

        // Ada's and Bruno's, after the bookmark delay (none in tests); Zoe bookmarked only what stays.
        assertEquals(2, duePools(slug));
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        assertEquals(0, duePools(slug));
    }

    @Test
    void a_deleted_lightning_block_makes_the_pools_of_everyone_who_bookmarked_it_due() {
        String slug = newEvent("suggest-due-block");
        long flex = room(slug, "Flex Space", 40);
        long block = block(slug, "Lightning talks", flex, "13:00", "13:30");
        lightningTalk(slug, block, "First spark");
        long stays = create(slug, talk("Stays", flex, "10:00", "10:30")).getLong("id");
        ThreeOptedIn people = ThreeOptedIn.in(slug);
        Api.as(people.ada()).put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        Api.as(people.bruno()).put("/api/events/" + slug + "/agenda/blocks/" + block).then().statusCode(204);
        bookmark(Api.as(people.zoe()), slug, stays);
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        assertEquals(0, duePools(slug));

        Api.organizer().delete("/api/admin/events/" + slug + "/blocks/" + block).then().statusCode(204);

        // Ada's and Bruno's, whose block bookmarks went with the block; Zoe bookmarked only what stays.
        assertEquals(2, duePools(slug));
        Api.as(people.ada()).get("/api/events/" + slug + "/agenda").then().statusCode(200).body("items", empty());
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        assertEquals(0, duePools(slug));
    }

    @Test
    void a_field_made_private_later_stops_being_a_reason() {
        String slug = newEvent("suggest-private");
        String ada = Tokens.attendee();
        String bruno = Tokens.otherAttendee();
        profile(ada, slug, "Ada", List.of("Go"), null, PUBLIC);
        profile(bruno, slug, "Bruno", List.of("go"), null, PUBLIC);
        optIn(ada, slug, List.of());
        optIn(bruno, slug, List.of());
        Api.as(ada).get(path(slug)).then().statusCode(200).body("", hasSize(1));

        profile(bruno, slug, "Bruno", List.of("go"), null, Map.of("displayName", "everyone", "interests", "connections"));
        Api.as(ada).get(path(slug)).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void opting_in_needs_a_profile_and_bad_settings_change_nothing() {
        String slug = newEvent("suggest-refused");
        RequestSpecification edith = Api.as(Tokens.of("edith"));
        edith.body(Map.of("optedIn", true, "useInterests", true)).put(settings(slug)).then().statusCode(409)
                .body("type", equalTo("urn:hallway:problem:profile-needed"));
        profile(Tokens.of("edith"), slug, "Edith", List.of(), null, PUBLIC);
        Api.as(Tokens.of("edith")).body(Map.of("optedIn", true, "useIntents", true, "intents",
                List.of(Map.of("intent", "world-domination")))).put(settings(slug)).then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Tokens.of("edith")).body(Map.of("useIntents", true)).put(settings(slug)).then().statusCode(400)
                .body("violations.field", hasItem("optedIn"));
        // Each intent is checked too: a blank topic.
        Api.as(Tokens.of("edith")).body(Map.of("optedIn", true, "useIntents", true, "intents",
                List.of(Map.of("intent", "hiring", "topics", List.of(" "))))).put(settings(slug)).then().statusCode(400)
                .body("violations.field", hasItem(containsString("topics")));
        Api.as(Tokens.of("edith")).get(settings(slug)).then().statusCode(200).body("optedIn", equalTo(false));
        Api.anonymous().get(path(slug)).then().statusCode(401);
    }

    static long profile(String token, String slug, String name, List<String> interests, String company,
            Map<String, String> visibility) {
        var body = new java.util.HashMap<String, Object>(Map.of("displayName", name, "interests", interests,
                "visibility", visibility));
        if (company != null) {
            body.put("company", company);
        }
        return saveProfile(token, slug, body);
    }

    private long duePools(String slug) {
        return ((Number) entityManager.createNativeQuery("""
                select count(*) from suggestion_setting s join event e on e.id = s.event_id
                where e.slug = ?1 and s.pool_due_at <= now()""").setParameter(1, slug).getSingleResult()).longValue();
    }

    /** An event with two talks in one hall, an early one and a late one. */
    private record TwoTalks(String slug, long early, long late) {
        static TwoTalks in(String name) {
            String slug = newEvent(name);
            long hall = room(slug, "Hall", 100);
            return new TwoTalks(slug, create(slug, talk("Early", hall, "09:00", "09:30")).getLong("id"),
                    create(slug, talk("Late", hall, "10:00", "10:30")).getLong("id"));
        }
    }

    /** Three people who show the same interest to everyone and opted in, so that each is in the others' pools. */
    private record ThreeOptedIn(String ada, String bruno, String zoe) {
        static ThreeOptedIn in(String slug) {
            ThreeOptedIn people = new ThreeOptedIn(Tokens.attendee(), Tokens.otherAttendee(), Tokens.of("zoe"));
            for (String who : List.of(people.ada(), people.bruno(), people.zoe())) {
                profile(who, slug, "Someone", List.of("Go"), null, PUBLIC);
                optIn(who, slug, List.of());
            }
            return people;
        }
    }

    static void optIn(String token, String slug, List<Map<String, Object>> intents) {
        Api.as(token).body(Map.of("optedIn", true, "useInterests", true, "useIntents", true, "useBookmarks", true,
                "useCompany", false, "intents", intents)).put(settings(slug)).then().statusCode(200)
                .body("optedIn", equalTo(true));
    }

    /** The organizer invites the person to link their account to the speaker record, and they do. */
    static String path(String slug) {
        return "/api/events/" + slug + "/me/suggestions";
    }

    private static String settings(String slug) {
        return "/api/events/" + slug + "/me/suggestion-settings";
    }
}
