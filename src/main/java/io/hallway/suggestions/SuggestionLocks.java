package io.hallway.suggestions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.NamedLocks;

/**
 * The transaction-level advisory locks that keep suggestion writes from interleaving, across replicas. Each is
 * held until its transaction ends. Where both are taken, a person's lock comes first.
 */
@ApplicationScoped
class SuggestionLocks {

    @Inject
    NamedLocks locks;

    /**
     * Pool writes in an event: two builds add rows to each other's pools, and one at a time cannot deadlock.
     */
    void pools(long eventId) {
        locks.hold("suggestions.pools." + eventId);
    }

    /**
     * What one person is matched on: taken before their settings or their profile are read for it. Without it, a
     * profile saved from one device while the other opts out or changes what may be used writes terms from what
     * the other just replaced: the person stays suggested after opting out, or a reason names a field they just
     * stopped showing.
     */
    void person(long eventId, long userId) {
        locks.hold("suggestions.person." + eventId + "." + userId);
    }
}
