package io.hallway.suggestions;

import static io.hallway.testing.AgendaFixtures.bookmark;
import static io.hallway.testing.PeopleFixtures.profile;
import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the hallway track keeps of a person, in their export and out of the counts. The holders counted for each key
 * a pool build fans out from: a term key is a term in its holders' own words, so a person who erases their data or
 * opts out leaves the counts at once, not at the next count (which only a pool build makes, and maybe never again in
 * the event).
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SuggestionDataTest {

    /** Looking for work on Project Nimbus, as the counts key it. */
    private static final String NIMBUS = "term:work:project nimbus|seeks";

    @Inject
    PoolWorker poolWorker;

    @Inject
    EntityManager entityManager;

    @Test
    void my_export_holds_the_terms_i_can_be_matched_on_in_my_own_words() {
        String ada = Tokens.attendee();
        String slug = nimbusCounted("keys-export", ada);

        Api.as(ada).get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("suggestions.settings.optedIn", equalTo(true))
                .body("suggestions.terms.term", contains("work:", "work:project nimbus"))
                .body("suggestions.terms.label", contains("", "Project Nimbus"))
                .body("suggestions.terms.role", everyItem(equalTo("seeks")));
    }

    @Test
    void a_topic_only_i_chose_leaves_the_counts_when_i_erase_my_data() {
        String ada = Tokens.attendee();
        String slug = nimbusCounted("keys-erase", ada);
        assertEquals(List.of(1), holders(slug, NIMBUS));

        Api.as(ada).delete("/api/events/" + slug + "/me").then().statusCode(204);

        assertEquals(List.of(), holders(slug, NIMBUS));
    }

    @Test
    void a_topic_only_i_chose_leaves_the_counts_when_i_opt_out() {
        String ada = Tokens.attendee();
        String slug = nimbusCounted("keys-opt-out", ada);
        assertEquals(List.of(1), holders(slug, NIMBUS));

        Api.as(ada).body(Map.of("optedIn", false)).put(settings(slug)).then().statusCode(200);

        assertEquals(List.of(), holders(slug, NIMBUS));
    }

    @Test
    void a_topic_only_i_chose_leaves_the_counts_when_i_choose_another() {
        String ada = Tokens.attendee();
        String slug = nimbusCounted("keys-change", ada);
        assertEquals(List.of(1), holders(slug, NIMBUS));

        Api.as(ada).body(Map.of("optedIn", true, "useIntents", true, "intents",
                List.of(Map.of("intent", "looking-for-work", "topics", List.of("Project Cumulus")))))
                .put(settings(slug)).then().statusCode(200);

        assertEquals(List.of(), holders(slug, NIMBUS));
    }

    @Test
    void a_topic_someone_else_chose_too_stays_counted_for_them_when_i_erase_my_data() {
        String ada = Tokens.attendee();
        String slug = nimbusCounted("keys-shared", ada, Tokens.otherAttendee());
        assertEquals(List.of(2), holders(slug, NIMBUS));

        Api.as(ada).delete("/api/events/" + slug + "/me").then().statusCode(204);

        assertEquals(List.of(1), holders(slug, NIMBUS));
    }

    /**
     * A new event where the people opt in, looking for work on Project Nimbus, and its keys counted. Opting in builds
     * a pool but counts nothing: the first person's bookmark makes their pool due, and the worker's build counts the
     * event's keys first, none being counted yet.
     */
    private String nimbusCounted(String name, String first, String... others) {
        String slug = newEvent(name);
        for (String token : Stream.concat(Stream.of(first), Stream.of(others)).toList()) {
            profile(token, slug, "Someone");
            Api.as(token).body(Map.of("optedIn", true, "useIntents", true, "intents",
                    List.of(Map.of("intent", "looking-for-work", "topics", List.of("Project Nimbus")))))
                    .put(settings(slug)).then().statusCode(200);
        }
        long talk = create(slug, talk("Keynote", room(slug, "Hall", 100), "09:00", "09:30")).getLong("id");
        bookmark(Api.as(first), slug, talk);
        poolWorker.buildDue(Instant.now().plusSeconds(30));
        return slug;
    }

    private List<Integer> holders(String slug, String key) {
        @SuppressWarnings("unchecked")
        List<Integer> holders = entityManager.createNativeQuery("""
                select k.holders from suggestion_key_count k join event e on e.id = k.event_id
                where e.slug = ?1 and k.key = ?2""").setParameter(1, slug).setParameter(2, key).getResultList();
        return holders;
    }

    private static String settings(String slug) {
        return "/api/events/" + slug + "/me/suggestion-settings";
    }
}
