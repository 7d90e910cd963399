package io.hallway.suggestions;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.people.Profile;

/**
 * The people each person asked not to be suggested again ({@code suggestion_dismissal}, this class's alone; the
 * ranking in {@link Suggestions} reads it). The dismissed person is never told.
 */
@ApplicationScoped
class Dismissals {

    @Inject
    EntityManager entityManager;

    /**
     * A SQL subquery: the people {@code person} dismissed in the event, the arguments SQL expressions, for the
     * ranking to read once (as {@link io.hallway.people.Blocks#blockedEitherWay} does for blocks).
     */
    static String dismissedBy(String eventId, String person) {
        return " select dismissed_user_id from suggestion_dismissal where event_id = %s and user_id = %s "
                .formatted(eventId, person);
    }

    void dismiss(long eventId, long me, long them) {
        entityManager.createNativeQuery("""
                insert into suggestion_dismissal (event_id, user_id, dismissed_user_id) values (?1, ?2, ?3)
                on conflict do nothing""").setParameter(1, eventId).setParameter(2, me).setParameter(3, them)
                .executeUpdate();
    }

    void undismiss(long eventId, long me, long them) {
        entityManager.createNativeQuery("""
                delete from suggestion_dismissal where event_id = ?1 and user_id = ?2 and dismissed_user_id = ?3""")
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, them).executeUpdate();
    }

    /** The profile ids of the people I dismissed, for my export. */
    List<Long> dismissedBy(long eventId, long me) {
        @SuppressWarnings("unchecked")
        List<Number> userIds = entityManager.createNativeQuery("""
                select dismissed_user_id from suggestion_dismissal where event_id = ?1 and user_id = ?2""")
                .setParameter(1, eventId).setParameter(2, me).getResultList();
        if (userIds.isEmpty()) {
            return List.of();
        }
        return Profile.<Profile> list("eventId = ?1 and userId in ?2 order by id", eventId,
                userIds.stream().map(Number::longValue).toList()).stream().map(profile -> profile.id).toList();
    }

    /** My dismissals, and the ones that name me: with me gone from suggestions, they mean nothing. */
    long erase(long eventId, long userId) {
        return entityManager.createNativeQuery("""
                delete from suggestion_dismissal where event_id = ?1 and (user_id = ?2 or dismissed_user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from suggestion_dismissal where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }
}
