package io.hallway.team;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Who is on which event's team, in which role. The only code that touches {@code event_member}.
 */
@ApplicationScoped
public class Members {

    /** A member's role in one event; {@code roomIds} limits a host to those rooms, null to none. */
    public record Membership(EventRole role, List<Long> roomIds) {

        /** Whether this member may act on this room, where the operation names one. */
        public boolean covers(long roomId) {
            return roomIds == null || roomIds.contains(roomId);
        }
    }

    @Inject
    EntityManager entityManager;

    /** The caller's membership in the event, read from the database on every call: a removal counts at once. */
    public Optional<Membership> of(long eventId, long userId) {
        List<?> rows = entityManager.createNativeQuery(
                "select role, room_ids from event_member where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new Membership(
                EventRole.valueOf(((String) row[0]).toUpperCase(java.util.Locale.ROOT)), roomIds(row[1])));
    }

    /** Adds a person to the team in a role, or sets their role and rooms if they are on it already. */
    public void join(long eventId, long userId, EventRole role, List<Long> roomIds, String displayName) {
        entityManager.createNativeQuery("""
                insert into event_member (event_id, user_id, role, room_ids, display_name)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (event_id, user_id) do update set role = excluded.role, room_ids = excluded.room_ids,
                    display_name = excluded.display_name""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, role.wireName())
                .setParameter(4, roomIds == null ? null : roomIds.toArray(Long[]::new)).setParameter(5, displayName)
                .executeUpdate();
    }

    private static List<Long> roomIds(Object column) {
        if (column == null) {
            return null;
        }
        Object[] ids = column instanceof java.sql.Array array ? sqlArray(array) : (Object[]) column;
        return java.util.Arrays.stream(ids).map(id -> ((Number) id).longValue()).toList();
    }

    private static Object[] sqlArray(java.sql.Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Reading room ids failed", e);
        }
    }
}
