package io.hallway.speakers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;

/**
 * Which account speaks as which speaker record: the only code that writes {@code speaker_link}. A record has at
 * most one account; an account may speak as several records. Other features read the links through
 * {@link #linkedSpeakersOf}.
 */
@ApplicationScoped
public class SpeakerLinks {

    /** One of a person's links. */
    record Link(long speakerId, Instant linkedAt) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * SQL returning {@code session_id, speaker_id, user_id}: the accounts linked to the speakers of the sessions
     * that {@code sessionIds} (a subquery of the caller's, or a list of SQL expressions) names, one row per session,
     * speaker record and account. Reads the schedule's {@code session_speaker} by its indexes: the draft, in an
     * event that releases by hand, so a caller showing the result to attendees keeps only the speakers the released
     * schedule has at the session.
     */
    public static String linkedSpeakersOf(String sessionIds) {
        // Spaced on both sides: a text block around it loses the space its line ended with.
        return " " + """
                select ss.session_id, ss.speaker_id, sl.user_id from session_speaker ss
                join speaker_link sl on sl.speaker_id = ss.speaker_id
                where ss.session_id in (%s)""".formatted(sessionIds) + " ";
    }

    /** Who holds a record, and since when. */
    private record Holder(long userId, Instant linkedAt) {
    }

    /**
     * Links the record to the account in one statement, and answers since when. Linking it again to the same
     * account is no change; a record already linked to someone else is a 409, and the caller's transaction rolls back.
     */
    Instant link(long eventId, long speakerId, long userId) {
        @SuppressWarnings("unchecked")
        List<Holder> holder = entityManager.createNativeQuery("""
                insert into speaker_link (speaker_id, event_id, user_id) values (?1, ?2, ?3)
                on conflict (speaker_id) do update set speaker_id = excluded.speaker_id
                returning user_id, linked_at""", Holder.class).setParameter(1, speakerId).setParameter(2, eventId)
                .setParameter(3, userId).getResultList();
        if (holder.get(0).userId() != userId) {
            throw Problem.of(ProblemType.SPEAKER_ALREADY_LINKED,
                    "This speaker is linked to another account; an organizer of the event can unlink it first.");
        }
        return holder.get(0).linkedAt();
    }

    Optional<Instant> linkedAt(long speakerId) {
        @SuppressWarnings("unchecked")
        List<Instant> linkedAt = entityManager.createNativeQuery(
                "select linked_at from speaker_link where speaker_id = ?1", Instant.class).setParameter(1, speakerId)
                .getResultList();
        return linkedAt.stream().findFirst();
    }

    /** Takes the account off the record, whoever it is; whether there was one. */
    boolean unlink(long eventId, long speakerId) {
        return entityManager.createNativeQuery("delete from speaker_link where speaker_id = ?1 and event_id = ?2")
                .setParameter(1, speakerId).setParameter(2, eventId).executeUpdate() > 0;
    }

    /** Takes the person off the record if it is theirs; whether it was. */
    boolean unlink(long eventId, long speakerId, long userId) {
        return entityManager.createNativeQuery(
                "delete from speaker_link where speaker_id = ?1 and event_id = ?2 and user_id = ?3")
                .setParameter(1, speakerId).setParameter(2, eventId).setParameter(3, userId).executeUpdate() > 0;
    }

    /** The person's links in the event, oldest first. */
    List<Link> of(long eventId, long userId) {
        @SuppressWarnings("unchecked")
        List<Link> links = entityManager.createNativeQuery("""
                select speaker_id, linked_at from speaker_link where event_id = ?1 and user_id = ?2
                order by linked_at, speaker_id""", Link.class).setParameter(1, eventId).setParameter(2, userId)
                .getResultList();
        return links;
    }

    long erase(long eventId, long userId) {
        return entityManager.createNativeQuery("delete from speaker_link where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from speaker_link where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }
}
