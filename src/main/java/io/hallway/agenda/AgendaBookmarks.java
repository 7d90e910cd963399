package io.hallway.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hallway.common.Bookmarks;
import io.hallway.schedule.Session;
import io.hallway.schedule.SessionStatus;

/** Bookmarks as other features see them; a bookmarked lightning block stands for each of its talks. */
@ApplicationScoped
class AgendaBookmarks implements Bookmarks {

    private static final String BOOKMARKED = """
            s.event.id = ?2 and (s.id in (select b.sessionId from Bookmark b where b.userId = ?1 and b.eventId = ?2)
             or s.block.id in (select b.blockId from Bookmark b where b.userId = ?1 and b.eventId = ?2))""";

    @Override
    public Optional<Long> nextSessionId(long eventId, long userId, Instant after) {
        return Session.<Session> find("from Session s where " + BOOKMARKED
                + " and s.status = ?3 and s.startsAt > ?4 order by s.startsAt, s.id",
                userId, eventId, SessionStatus.SCHEDULED, after).firstResultOptional().map(s -> s.id);
    }

    @Override
    public List<Long> sessionIds(long eventId, long userId) {
        return Session.<Session> find("from Session s where " + BOOKMARKED + " order by s.startsAt, s.id", userId, eventId)
                .list().stream().map(s -> s.id).toList();
    }
}
