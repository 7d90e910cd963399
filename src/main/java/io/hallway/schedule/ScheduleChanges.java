package io.hallway.schedule;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The way into a schedule change. {@link #begin} locks the event and opens the next revision, which
 * the caller stamps on every row it touches; {@link #deleted} leaves a tombstone for the delta feed, and
 * {@link #announce} tells the features that follow sessions what a session was and is now.
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

    @Inject
    jakarta.enterprise.event.Event<SessionsChanged> sessionsChanged;

    public Change begin(String slug) {
        return open(Event.lockBySlugOr404(slug));
    }

    /**
     * Locks the event like {@link #begin} for a change of what the public sees that opens no revision (a release
     * publishes a version the tables already have), and makes this replica read the public version again once
     * it commits.
     */
    Event releasing(String slug) {
        Event event = Event.lockBySlugOr404(slug);
        forgetOnCompletion(event.id);
        return event;
    }

    /** Opens the next revision of an event the caller has locked. */
    private Change open(Event event) {
        forgetOnCompletion(event.id);
        return new Change(event, event.nextRevision());
    }

    private void forgetOnCompletion(long eventId) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                snapshots.forget(eventId);
            }
        });
    }

    /**
     * Locks the event like {@link #begin} but opens the next revision only when {@link Deferred#change()}
     * is first called, so a run that finds nothing to change (such as a repeated import) leaves the
     * schedule version alone.
     */
    public Deferred defer(String slug) {
        return new Deferred(this, Event.lockBySlugOr404(slug));
    }

    /** A change that has not begun yet; the event is already locked. */
    public static final class Deferred {
        private final ScheduleChanges changes;
        private final Event event;
        private Change change;

        Deferred(ScheduleChanges changes, Event event) {
            this.changes = changes;
            this.event = event;
        }

        public Event event() {
            return event;
        }

        public Change change() {
            if (change == null) {
                change = changes.open(event);
            }
            return change;
        }

        /**
         * Takes back a revision that was opened for an attempt the rules then refused, when nothing at
         * all was stamped with it.
         */
        public void discardUnused() {
            if (change != null) {
                event.scheduleVersion = change.revision() - 1;
                change = null;
            }
        }
    }

    public void deleted(Change change, Kind kind, long entityId) {
        entityManager.createNativeQuery("""
                insert into schedule_tombstone (event_id, kind, entity_id, revision) values (?1, ?2, ?3, ?4)
                on conflict (event_id, kind, entity_id) do update set revision = excluded.revision, deleted_at = now()
                """)
                .setParameter(1, change.event().id).setParameter(2, kind.wireName).setParameter(3, entityId)
                .setParameter(4, change.revision()).executeUpdate();
    }

    /**
     * Fires {@link SessionsChanged} for one session: {@code before} null for a new session, {@code after} null for a
     * deleted one. Not in manual mode: there a change goes to the draft, which nobody follows; the release announces it.
     */
    void announce(Change change, long sessionId, SessionView before, Session after) {
        if (change.event().releaseMode == ReleaseMode.MANUAL) {
            return;
        }
        sessionsChanged.fire(new SessionsChanged(change.event().id, change.revision(),
                List.of(new SessionsChanged.Change(sessionId, before, after == null ? null : stateOf(after)))));
    }

    /** Fires {@link SessionsChanged} once for all the sessions a release changed, as of the released version. */
    void announceReleased(Event event, long releasedVersion, List<ScheduleComparison.SessionChange> sessions) {
        if (!sessions.isEmpty()) {
            sessionsChanged.fire(new SessionsChanged(event.id, releasedVersion, sessions.stream()
                    .map(change -> new SessionsChanged.Change(change.sessionId(), change.before(), change.after()))
                    .toList()));
        }
    }

    /** A session as it stands, to announce or to compare with after a change. */
    static SessionView stateOf(Session session) {
        return SessionView.from(session, session.event.zone());
    }
}
