package io.hallway.schedule;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;

/**
 * Turns a client's cursor into the schedule version to answer from, and knows how far back the
 * change history of an event reaches (tombstones and agenda changes older than that are purged).
 */
@ApplicationScoped
public class ScheduleHistory {

    @Inject
    EntityManager entityManager;

    @Inject
    ScheduleCursors cursors;

    @Inject
    jakarta.enterprise.event.Event<ScheduleHistoryPurged> purged;

    /** The version a cursor stands for; 400 when it is not one of this event's, 410 when it is too old. */
    public long since(Event event, String cursor, String snapshotPath) {
        return position(event, cursor, snapshotPath).version();
    }

    /** Where a cursor stands, its feed position included; checked as {@link #since} checks it. */
    public ScheduleCursors.Position position(Event event, String cursor, String snapshotPath) {
        ScheduleCursors.Position position = decode(event.id, cursor);
        if (position.version() > event.publicVersion()) {
            throw notACursor();
        }
        checkedSince(event.id, position, snapshotPath);
        return position;
    }

    /** Where a cursor of this event stands, not yet checked against the current version; 400 if it is none. */
    ScheduleCursors.Position decode(long eventId, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            throw Problem.invalid("since", "is required: the cursor of your last snapshot or change list");
        }
        return cursors.read(cursor.strip(), eventId).orElseThrow(ScheduleHistory::notACursor);
    }

    static Problem notACursor() {
        return Problem.invalid("since", "is not a cursor of this event; start again from the cursor of its schedule");
    }

    /**
     * The version itself, unless the history no longer reaches back to it: then 410. A cursor in the format
     * from before cursors were signed gets the same 410, whatever version it names: anyone could have made
     * it up, and the snapshot it sends the app to carries a signed cursor to continue from.
     */
    long checkedSince(long eventId, ScheduleCursors.Position position, String snapshotPath) {
        if (position.legacy() || position.version() < purgedThrough(eventId)) {
            throw tooOld(snapshotPath);
        }
        return position.version();
    }

    static Problem tooOld(String snapshotPath) {
        return Problem.of(ProblemType.CURSOR_TOO_OLD,
                "The change history no longer reaches back to this cursor. Fetch the full schedule from "
                        + snapshotPath + " and continue from the cursor it carries.")
                .with("snapshot", snapshotPath);
    }

    long purgedThrough(long eventId) {
        List<?> rows = entityManager.createNativeQuery("select purged_through from schedule_history where event_id = ?1")
                .setParameter(1, eventId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /**
     * Forgets the history up to the version the public sees; the caller holds the event's lock. Not beyond it: in
     * manual mode the draft's tombstones are the public's history once released, and cursors of the latest
     * release must stay good.
     */
    void purge(Event event) {
        long through = event.publicVersion();
        entityManager.createNativeQuery("""
                insert into schedule_history (event_id, purged_through) values (?1, ?2)
                on conflict (event_id) do update set purged_through = excluded.purged_through, purged_at = now()""")
                .setParameter(1, event.id).setParameter(2, through).executeUpdate();
        entityManager.createNativeQuery("delete from schedule_tombstone where event_id = ?1 and revision <= ?2")
                .setParameter(1, event.id).setParameter(2, through).executeUpdate();
        purged.fire(new ScheduleHistoryPurged(event.id, through));
    }
}
