package io.hallway.interop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.hallway.schedule.SessionView;
import io.hallway.schedule.SessionsChanged;

/** Listens like the agenda feature does, so tests can see what an import announced. */
@ApplicationScoped
public class RecordedSessionChanges {

    /** One session's change as announced, at its revision. */
    record Seen(long sessionId, long revision, SessionView before, SessionView after) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void record(@Observes SessionsChanged changed) {
        changed.changes().forEach(change -> seen.add(new Seen(change.sessionId(), changed.revision(), change.before(),
                change.after())));
    }

    List<Seen> of(long sessionId) {
        return seen.stream().filter(c -> c.sessionId() == sessionId).toList();
    }
}
