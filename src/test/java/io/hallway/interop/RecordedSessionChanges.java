package io.hallway.interop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.hallway.schedule.SessionChanged;

/** Listens like the agenda feature does, so tests can see what an import announced. */
@ApplicationScoped
public class RecordedSessionChanges {

    private final List<SessionChanged> seen = new CopyOnWriteArrayList<>();

    void record(@Observes SessionChanged change) {
        seen.add(change);
    }

    List<SessionChanged> of(long sessionId) {
        return seen.stream().filter(c -> c.sessionId() == sessionId).toList();
    }
}
