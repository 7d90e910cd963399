package io.hallway.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The way into a schedule change. {@link #begin} locks the event and opens the next revision, which
 * the caller stamps on every row it touches; {@link #deleted} leaves a tombstone for the delta feed.
 */
@ApplicationScoped
public class ScheduleChanges {

    /** An open change to one event's schedule, inside the caller's transaction. */
    public record Change(Event event, long revision) {
    }

    public enum Kind {
        SESSION("session"), SPEAKER("speaker"), ROOM("room"), TRACK("track"), BLOCK("block");

        public final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ScheduleSnapshots snapshots;

    public Change begin(String slug) {
        Event event = Event.lockBySlugOr404(slug);
        long eventId = event.id;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                snapshots.forget(eventId);
            }
        });
        return new Change(event, event.nextRevision());
    }

    public void deleted(Change change, Kind kind, long entityId) {
        entityManager.createNativeQuery("""
                insert into schedule_tombstone (event_id, kind, entity_id, revision) values (?1, ?2, ?3, ?4)
                on conflict (event_id, kind, entity_id) do update set revision = excluded.revision, deleted_at = now()
                """)
                .setParameter(1, change.event().id).setParameter(2, kind.wireName).setParameter(3, entityId)
                .setParameter(4, change.revision()).executeUpdate();
    }
}
