package io.hallway.suggestions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.people.Audience;
import io.hallway.people.Profile;
import io.hallway.people.ProfileField;
import io.hallway.people.ProfileSaved;

/**
 * The per-event index suggestions are ranked from: the only code that writes {@code suggestion_term}. A person's
 * terms are what they allowed to be used and, of their profile, only what they show to everyone, so a reason
 * shown to someone else never tells a field its owner kept to their connections. Rebuilt whenever the person
 * changes their settings or their profile.
 */
@ApplicationScoped
class SuggestionTerms {

    static final String SHARED = "shared";

    /** Points for a term shared both ways (an interest, a company) and for one offered and sought. */
    static final int SHARED_POINTS = 3;
    static final int OFFER_POINTS = 5;

    /** One row of the index: {@code term} matches the same term with the partner role. */
    record Term(String term, String role, String label) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    CandidatePool pools;

    @Inject
    SuggestionLocks locks;

    /** SQL: the role a term of role {@code role} (a column) matches: shared with shared, offers with seeks. */
    static String partnerRole(String role) {
        return " case %1$s when 'shared' then 'shared' when 'offers' then 'seeks' else 'offers' end ".formatted(role);
    }

    /** SQL: the points a matched term of role {@code role} (a column, either side's) is worth. */
    static String points(String role) {
        return " case %s when 'shared' then %d else %d end ".formatted(role, SHARED_POINTS, OFFER_POINTS);
    }

    /** A changed profile can change what the person shows to everyone: their terms, and so their pool. */
    void profileSaved(@Observes ProfileSaved saved) {
        locks.person(saved.eventId(), saved.userId());
        SuggestionSetting.of(saved.eventId(), saved.userId()).ifPresent(this::rebuild);
    }

    /**
     * The person's terms from their settings and profile as they are now, then their pool; the terms they no longer
     * hold leave the key counts with it ({@link CandidatePool#refresh}).
     */
    void rebuild(SuggestionSetting setting) {
        List<Term> before = forget(setting.eventId, setting.userId);
        List<Term> terms = terms(setting, Profile.of(setting.eventId, setting.userId));
        for (Term term : terms) {
            entityManager.createNativeQuery("""
                    insert into suggestion_term (event_id, user_id, term, role, label) values (?1, ?2, ?3, ?4, ?5)
                    on conflict do nothing""")
                    .setParameter(1, setting.eventId).setParameter(2, setting.userId).setParameter(3, term.term())
                    .setParameter(4, term.role()).setParameter(5, term.label()).executeUpdate();
        }
        List<Term> dropped = before.stream().filter(old -> terms.stream()
                .noneMatch(kept -> kept.term().equals(old.term()) && kept.role().equals(old.role()))).toList();
        pools.refresh(setting.eventId, setting.userId, dropped);
    }

    static List<Term> terms(SuggestionSetting setting, Optional<Profile> profile) {
        Map<String, Term> terms = new LinkedHashMap<>();
        profile.ifPresent(p -> {
            if (setting.useInterests && p.shows(ProfileField.INTERESTS, Audience.STRANGER)) {
                p.interests.forEach(interest -> add(terms, "interest:" + key(interest), SHARED, interest));
            }
            if (setting.useCompany && p.company != null && p.shows(ProfileField.COMPANY, Audience.STRANGER)) {
                add(terms, "company:" + key(p.company), SHARED, p.company);
            }
        });
        if (setting.useIntents) {
            for (SuggestionSetting.IntentChoice choice : setting.intents) {
                Intent intent = choice.intent();
                if (intent.family == null) {
                    continue;
                }
                add(terms, intent.family + ":", intent.role, "");
                choice.topics().forEach(topic -> add(terms, intent.family + ":" + key(topic), intent.role, topic.strip()));
            }
        }
        return List.copyOf(terms.values());
    }

    private static void add(Map<String, Term> terms, String term, String role, String label) {
        terms.putIfAbsent(term + "|" + role, new Term(term, role, label));
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** The person's terms, for their export: what they can be matched on, in their own words. */
    @SuppressWarnings("unchecked")
    List<Term> of(long eventId, long userId) {
        return entityManager.createNativeQuery("""
                select term, role, label from suggestion_term where event_id = ?1 and user_id = ?2 order by term, role""",
                Term.class).setParameter(1, eventId).setParameter(2, userId).getResultList();
    }

    /** Deletes the person's terms and returns them, for their keys to be counted again ({@link CandidatePool#forget}). */
    List<Term> forget(long eventId, long userId) {
        @SuppressWarnings("unchecked")
        List<Term> forgotten = entityManager.createNativeQuery("""
                delete from suggestion_term where event_id = ?1 and user_id = ?2 returning term, role, label""", Term.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return forgotten;
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from suggestion_term where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }
}
