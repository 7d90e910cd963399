package io.hallway.agenda;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;
import io.hallway.schedule.LightningBlock;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.Session;

/**
 * Adding and removing bookmarks. Both are idempotent: the unique constraints decide between concurrent
 * requests, and "on conflict do nothing" turns the loser into a no-op instead of an error.
 */
@ApplicationScoped
class BookmarkStore {

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    SelfService selfService;

    @Transactional
    void bookmarkSession(String slug, long sessionId) {
        Event event = snapshots.publishedEvent(slug);
        Session session = Session.inEvent(event, sessionId);
        if (session.isCancelled()) {
            throw Problem.of(ProblemType.SESSION_CANCELLED,
                    "\"" + session.title + "\" is cancelled and cannot be bookmarked.")
                    .with("sessionId", sessionId);
        }
        insert(users.currentId(), event.id, "session_id", sessionId);
    }

    @Transactional
    void bookmarkBlock(String slug, long blockId) {
        Event event = snapshots.publishedEvent(slug);
        LightningBlock block = LightningBlock.inEvent(event, blockId);
        insert(users.currentId(), event.id, "block_id", block.id);
    }

    /**
     * Removing what is not there is done already: the result is the same either way. Works on an unpublished
     * event too, where nothing new can be bookmarked.
     */
    @Transactional
    void remove(String slug, String column, long id) {
        Event event = selfService.eventOr404(slug);
        var userId = users.existingId();
        if (userId.isPresent()) {
            entityManager.createNativeQuery("delete from bookmark where user_id = ?1 and event_id = ?2 and " + column + " = ?3")
                    .setParameter(1, userId.getAsLong()).setParameter(2, event.id).setParameter(3, id).executeUpdate();
        }
    }

    /** One stored bookmark: of a session or of a whole lightning block. */
    record Stored(Long sessionId, Long blockId, Instant bookmarkedAt) {
    }

    /** The person's bookmarks in the event, oldest first. */
    List<Stored> of(long eventId, long userId) {
        return Bookmark.<Bookmark> list("eventId = ?1 and userId = ?2 order by createdAt, id", eventId, userId).stream()
                .map(b -> new Stored(b.sessionId, b.blockId, b.createdAt)).toList();
    }

    void erase(long eventId, long userId) {
        Bookmark.delete("eventId = ?1 and userId = ?2", eventId, userId);
    }

    long purge(long eventId) {
        return Bookmark.delete("eventId", eventId);
    }

    private void insert(long userId, long eventId, String column, long id) {
        // The column name comes from this class, never from a request.
        entityManager.createNativeQuery("insert into bookmark (user_id, event_id, " + column
                + ") values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, id).executeUpdate();
    }
}
