package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.fullProfile;
import static io.hallway.testing.PeopleFixtures.saveProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The card PostgreSQL renders ({@link AttendeeView#sql}) is the card Java renders ({@link AttendeeView#of}), for
 * every field at every visibility and every audience: the suggestions list shows the first, every other path the
 * second, and a field must never show in one that the other hides.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttendeeViewSqlTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    void postgresql_renders_each_field_as_the_java_view_does_for_every_visibility_and_audience() throws Exception {
        String slug = ScheduleFixtures.newEvent("cards");
        List<String> fields = List.of("displayName", "pronouns", "headline", "company", "bio", "interests", "links",
                "photoUrl", "email", "phone");
        String[] levels = { "everyone", "connections", "only-me" };
        List<Long> profiles = new ArrayList<>();
        // One field per visibility, round-robin, so every field meets every visibility across the three owners.
        for (int shift = 0; shift < levels.length; shift++) {
            Map<String, String> visibility = new HashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                visibility.put(fields.get(i), levels[(i + shift) % levels.length]);
            }
            Map<String, Object> body = new HashMap<>(fullProfile("Owner" + shift, visibility));
            // Characters that JSON escapes, each renderer in its own way.
            body.put("bio", "Says \"hi\" \\ waves\n\u2014 and \uD83D\uDC4B, tab\there");
            profiles.add(saveProfile(Tokens.of(List.of("zoe", "hana", "hugo").get(shift)), slug, body));
        }
        // Shown to everyone but empty or unset: absent from both.
        Map<String, String> everything = new HashMap<>();
        fields.forEach(field -> everything.put(field, "everyone"));
        Map<String, Object> sparse = new HashMap<>();
        sparse.put("displayName", "Sparse");
        sparse.put("interests", List.of());
        sparse.put("links", List.of());
        sparse.put("visibility", everything);
        profiles.add(saveProfile(Tokens.attendee(), slug, sparse));
        // No visibility stored for any field, as a row written in SQL may have (the demo data): every field at its default.
        long unset = saveProfile(Tokens.otherAttendee(), slug, fullProfile("Unset", everything));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update profile set visibility = '{}' where id = ?1").setParameter(1, unset).executeUpdate());
        profiles.add(unset);

        for (long id : profiles) {
            for (Audience audience : Audience.values()) {
                String rendered = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                        .createNativeQuery("select" + AttendeeView.sql("p", audience) + "from profile p where p.id = ?1")
                        .setParameter(1, id).getSingleResult());
                String expected = QuarkusTransaction.requiringNew()
                        .call(() -> javaView(Profile.<Profile> findById(id), audience));
                assertEquals(json.readTree(expected), json.readTree(rendered), "profile " + id + " to " + audience);
            }
        }
    }

    private String javaView(Profile profile, Audience audience) throws JsonProcessingException {
        return json.writeValueAsString(AttendeeView.of(profile, audience));
    }
}
