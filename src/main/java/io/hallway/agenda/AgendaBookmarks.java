package io.hallway.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hallway.schedule.Session;
import io.hallway.schedule.SessionStatus;

/** A person's bookmarked sessions as next-route and the export read them: a bookmarked block stands for each of its talks. */
@ApplicationScoped
class AgendaBookmarks {

    private static final String BOOKMARKED = """
            s.event.id = ?2 and (s.id in (select b.sessionId from Bookmark b where b.userId = ?1 and b.eventId = ?2)
             or s.block.id in (select b.blockId from Bookmark b where b.userId = ?1 and b.eventId = ?2))""";

    /** The id of the person's first bookmarked, not cancelled session starting after the instant. */
    Optional<Long> nextSessionId(long eventId, long userId, Instant after) {
        return Session.<Session> find("from Session s where " + BOOKMARKED
                + " and s.status = ?3 and s.startsAt > ?4 order by s.startsAt, s.id",
                userId, eventId, SessionStatus.SCHEDULED, after).firstResultOptional().map(s -> s.id);
    }

    /** Ids of all the person's bookmarked sessions in the event. */
    List<Long> sessionIds(long eventId, long userId) {
        return Session.<Session> find("from Session s where " + BOOKMARKED + " order by s.startsAt, s.id", userId, eventId)
                .list().stream().map(s -> s.id).toList();
    }
}
