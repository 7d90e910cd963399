package io.hallway.suggestions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.common.OneReplicaAtATime;

/**
 * The transaction-level advisory locks that keep suggestion writes from interleaving, across replicas. Each is
 * held until its transaction ends. Where both are taken, a person's lock comes first.
 */
@ApplicationScoped
class SuggestionLocks {

    @Inject
    EntityManager entityManager;

    /**
     * Pool writes in an event: two builds add rows to each other's pools, and one at a time cannot deadlock.
     */
    void pools(long eventId) {
        lock("suggestions.pools." + eventId);
    }

    /**
     * What one person is matched on: taken before their settings or their profile are read for it. Without it, a
     * profile saved from one device while the other opts out or changes what may be used writes terms from what
     * the other just replaced: the person stays suggested after opting out, or a reason names a field they just
     * stopped showing.
     */
    void person(long eventId, long userId) {
        lock("suggestions.person." + eventId + "." + userId);
    }

    private void lock(String name) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, OneReplicaAtATime.LOCK_SPACE).setParameter(2, name).getSingleResult();
    }
}
