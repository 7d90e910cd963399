package io.hallway.suggestions;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.agenda.BookmarkStore;

/**
 * How many people hold each key a person can be matched on, per event: the only code that writes
 * {@code suggestion_key_count}. A pool build reads it to fan out from the rarest keys first ({@link CandidatePool}).
 * Keys are {@code term:<term>|<role>} (the term in its holders' own words, lower-cased), {@code session:<id>} and
 * {@code block:<id>}. Counted again as a whole when the count is older than {@code count-every}, and at once for the
 * terms someone no longer holds.
 */
@ApplicationScoped
class KeyCounts {

    @Inject
    EntityManager entityManager;

    @Inject
    SuggestionsConfig config;

    @Inject
    ObjectMapper json;

    /** SQL: the key the holders of a term of role {@code role} (columns) are counted under. */
    static String termKey(String term, String role) {
        return " 'term:' || %s || '|' || %s ".formatted(term, role);
    }

    /** Counts the event's keys again when the count is older than {@code count-every}, or there is none. */
    void countIfStale(long eventId) {
        boolean stale = (Boolean) entityManager.createNativeQuery("""
                select coalesce(min(counted_at) < ?2, true) from suggestion_key_count where event_id = ?1""")
                .setParameter(1, eventId).setParameter(2, Instant.now().minus(config.countEvery())).getSingleResult();
        if (!stale) {
            return;
        }
        entityManager.createNativeQuery("delete from suggestion_key_count where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
        entityManager.createNativeQuery("""
                insert into suggestion_key_count (event_id, key, holders)
                select ?1,""" + termKey("term", "role") + """
                as key, count(*) from suggestion_term where event_id = ?1
                group by term, role
                union all
                select ?1, coalesce('session:' || b.session_id, 'block:' || b.block_id), b.holders
                from""" + BookmarkStore.holders("?1") + "b").setParameter(1, eventId).executeUpdate();
    }

    /**
     * The keys of terms someone no longer holds (they opted out, are erased, or changed what they chose or show),
     * counted again from who still holds
     * them; a key nobody holds goes. A term key may name one person's own words (a topic such as "Project Nimbus"),
     * so it cannot wait for the next count, which only a pool build in the event makes.
     */
    void recount(long eventId, List<SuggestionTerms.Term> forgotten) {
        if (forgotten.isEmpty()) {
            return;
        }
        // Only the keys counted already: one new since the count is taken as rare either way. counted_at stays,
        // as it says when the whole event was counted, which decides when it is counted again.
        entityManager.createNativeQuery("""
                with counted as (
                    select""" + termKey("f.term", "f.role") + """
                as key, count(t.user_id) as holders
                    from jsonb_to_recordset(cast(?2 as jsonb)) as f(term text, role text)
                    left join suggestion_term t on t.event_id = ?1 and t.term = f.term and t.role = f.role
                    group by f.term, f.role
                ), gone as (
                    delete from suggestion_key_count k using counted c
                    where k.event_id = ?1 and k.key = c.key and c.holders = 0
                )
                update suggestion_key_count k set holders = c.holders from counted c
                where k.event_id = ?1 and k.key = c.key and c.holders > 0""")
                .setParameter(1, eventId).setParameter(2, toJson(forgotten)).executeUpdate();
    }

    void purge(long eventId) {
        entityManager.createNativeQuery("delete from suggestion_key_count where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    private String toJson(List<SuggestionTerms.Term> terms) {
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The forgotten terms could not be written", e);
        }
    }
}
