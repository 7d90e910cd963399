package io.hallway.agenda;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.schedule.SessionInterest;

/**
 * How full each session is expected to be: the people who bookmarked it (alone or through its lightning
 * block, counted once) against its room's capacity, with Sched's labels.
 */
@ApplicationScoped
class RoomFill implements SessionInterest {

    /** One session's expected audience; {@code fill} is null where the room has no capacity. */
    record SessionFill(long sessionId, String title, Long roomId, String roomName, Integer capacity, long bookmarks,
            String fill) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AgendaConfig config;

    private record Counted(List<SessionFill> sessions, Map<Long, Interest> bySession, long atNanos) {

        static Counted of(List<SessionFill> sessions) {
            return new Counted(sessions, sessions.stream().collect(Collectors.toUnmodifiableMap(SessionFill::sessionId,
                    f -> new Interest(f.bookmarks(), f.fill()))), System.nanoTime());
        }
    }

    /** Per replica, at most one count per event within fill-max-age: the same staleness apps accept anyway. */
    private final Map<Long, Counted> recent = new ConcurrentHashMap<>();

    /** For the public, polled document: counted at most once per fill-max-age per replica. */
    List<SessionFill> recent(long eventId) {
        return counted(eventId).sessions();
    }

    @Override
    public Map<Long, Interest> of(long eventId) {
        return counted(eventId).bySession();
    }

    private Counted counted(long eventId) {
        Counted counted = recent.get(eventId);
        if (counted == null || System.nanoTime() - counted.atNanos() > config.fillMaxAge().toNanos()) {
            counted = Counted.of(sessions(eventId));
            recent.put(eventId, counted);
        }
        return counted;
    }

    /** Every session of the event in time order, counted now, in one query. */
    List<SessionFill> sessions(long eventId) {
        // Two index-friendly halves instead of an OR join; "union" keeps one row per session and person.
        List<?> rows = entityManager.createNativeQuery("""
                with interest as (
                    select session_id, user_id from bookmark where event_id = ?1 and session_id is not null
                    union
                    select s.id, b.user_id from bookmark b join session s on s.block_id = b.block_id
                    where b.event_id = ?1 and b.block_id is not null
                ), counts as (select session_id, count(*) as people from interest group by session_id)
                select s.id, s.title, r.id as room_id, r.name, r.capacity, coalesce(c.people, 0)
                from session s
                left join room r on r.id = s.room_id
                left join counts c on c.session_id = s.id
                where s.event_id = ?1
                order by s.starts_at, s.id""").setParameter(1, eventId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> {
            Integer capacity = r[4] == null ? null : ((Number) r[4]).intValue();
            long bookmarks = ((Number) r[5]).longValue();
            return new SessionFill(((Number) r[0]).longValue(), (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], capacity, bookmarks,
                    level(bookmarks, capacity));
        }).toList();
    }

    /** available below the threshold (75%), filling from it, full at or over capacity. */
    String level(long bookmarks, Integer capacity) {
        if (capacity == null) {
            return null;
        }
        if (bookmarks >= capacity) {
            return "full";
        }
        return bookmarks >= config.fillingThreshold() * capacity ? "filling" : "available";
    }
}
