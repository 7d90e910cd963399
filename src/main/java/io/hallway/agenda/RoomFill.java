package io.hallway.agenda;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * How full each session is expected to be: the people who bookmarked it (alone or through its lightning
 * block, counted once) against its room's capacity, with Sched's labels.
 */
@ApplicationScoped
class RoomFill {

    /** One session's expected audience; {@code fill} is null where the room has no capacity. */
    record SessionFill(long sessionId, String title, Long roomId, String roomName, Integer capacity, long bookmarks,
            String fill) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    AgendaConfig config;

    /** Every session of the event in time order, in one query. */
    List<SessionFill> of(long eventId) {
        List<?> rows = entityManager.createNativeQuery("""
                select s.id, s.title, r.id, r.name, r.capacity, count(distinct b.user_id)
                from session s
                left join room r on r.id = s.room_id
                left join bookmark b on b.session_id = s.id or (s.block_id is not null and b.block_id = s.block_id)
                where s.event_id = ?1
                group by s.id, s.title, r.id, r.name, r.capacity, s.starts_at
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
