package io.hallway.agenda;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * A person's accepted meet-ups for the agenda, its calendar feed and next-route, from whichever feature implements
 * {@link MeetingsInAgenda}; none where no feature does.
 */
@ApplicationScoped
class AgendaMeetings {

    @Inject
    Instance<MeetingsInAgenda> port;

    /** In time order. */
    List<MeetingsInAgenda.Accepted> of(long eventId, long userId) {
        return port.isResolvable() ? port.get().accepted(eventId, userId) : List.of();
    }
}
