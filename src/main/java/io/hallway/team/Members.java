package io.hallway.team;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.WireEnum;

/**
 * Who is on which event's team, in which role. The only code that touches {@code event_member}. Every read goes
 * to the database, so a change counts on every replica at once. An event keeps at least one owner: the last
 * owner cannot leave, be removed or take a lesser role (a 409); only erasing their personal data or deleting
 * the event ends that, and then the event is the operator's (the admin realm role) until an owner is invited.
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

    /** A member as the rest of the team sees them. */
    public record Member(long userId, String displayName, EventRole role, List<Long> roomIds, Instant joinedAt) {
    }

    /** An event_member row as stored; room_ids comes as text ("1,2") because a record cannot take an SQL array. */
    record Row(long userId, String displayName, String role, String roomIds, Instant joinedAt) {

        static final String COLUMNS = "user_id, display_name, role, array_to_string(room_ids, ',') as room_ids, joined_at";

        Member member() {
            return new Member(userId, displayName, WireEnum.parse(EventRole.class, role), rooms(roomIds), joinedAt);
        }

        private static List<Long> rooms(String ids) {
            if (ids == null) {
                return null;
            }
            return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    TeamEvents events;

    @Inject
    AuditLog audit;

    /** The person's membership in the event, read from the database on every call: a removal counts at once. */
    public Optional<Membership> of(long eventId, long userId) {
        return row(eventId, userId).map(Row::member).map(member -> new Membership(member.role(), member.roomIds()));
    }

    /** The event's team, owners first, then by name. */
    public List<Member> forEvent(long eventId) {
        List<Row> rows = entityManager.createNativeQuery("select " + Row.COLUMNS + """
                 from event_member where event_id = ?1
                order by case role when 'owner' then 0 when 'editor' then 1 else 2 end, display_name, user_id""",
                Row.class).setParameter(1, eventId).getResultList();
        return rows.stream().map(Row::member).toList();
    }

    /** The events the person is on the team of. */
    public List<Long> eventsOf(long userId) {
        List<?> ids = entityManager.createNativeQuery("select event_id from event_member where user_id = ?1")
                .setParameter(1, userId).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Adds a person to the team in a role, or sets their role and rooms if they are on it already (a 409 if that
     * would take the event's last owner away). The display name is the one from their token.
     */
    public void join(long eventId, long userId, EventRole role, List<Long> roomIds, String displayName) {
        Optional<Row> before = row(eventId, userId);
        keepAnOwner(eventId, userId, role);
        entityManager.createNativeQuery("""
                insert into event_member (event_id, user_id, role, room_ids, display_name)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (event_id, user_id) do update set role = excluded.role, room_ids = excluded.room_ids,
                    display_name = excluded.display_name""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, role.wireName())
                .setParameter(4, array(hostRooms(eventId, role, roomIds))).setParameter(5, displayName)
                .executeUpdate();
        audit.record(eventId, before.isEmpty() ? AuditAction.CREATE : AuditAction.UPDATE, AuditResource.MEMBER, userId,
                null, null, change(before, row(eventId, userId)));
    }

    /** Gives a member another role (and, for a host, rooms); 404 for someone not on the team, 409 for the last owner. */
    public Member change(long eventId, long userId, EventRole role, List<Long> roomIds) {
        Optional<Row> before = Optional.of(row(eventId, userId).orElseThrow(() -> notAMember(userId)));
        keepAnOwner(eventId, userId, role);
        entityManager.createNativeQuery("update event_member set role = ?3, room_ids = ?4 where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, role.wireName())
                .setParameter(4, array(hostRooms(eventId, role, roomIds))).executeUpdate();
        Optional<Row> after = row(eventId, userId);
        audit.record(eventId, AuditAction.UPDATE, AuditResource.MEMBER, userId, null, null, change(before, after));
        return after.orElseThrow().member();
    }

    /** Takes a member off the team (also how a member leaves); 404 for someone not on it, 409 for the last owner. */
    public void remove(long eventId, long userId) {
        Optional<Row> before = Optional.of(row(eventId, userId).orElseThrow(() -> notAMember(userId)));
        keepAnOwner(eventId, userId, null);
        erase(eventId, userId);
        audit.record(eventId, AuditAction.DELETE, AuditResource.MEMBER, userId, null, null,
                change(before, Optional.empty()));
    }

    /** What an audit entry says of a membership change: the role and rooms before and after (the table keeps no version). */
    private static Map<String, Object> change(Optional<Row> before, Optional<Row> after) {
        Map<String, Object> details = new LinkedHashMap<>();
        before.map(Row::member).ifPresent(member -> {
            details.put("roleBefore", member.role().wireName());
            details.put("roomIdsBefore", member.roomIds());
        });
        after.map(Row::member).ifPresent(member -> {
            details.put("role", member.role().wireName());
            details.put("roomIds", member.roomIds());
        });
        return details;
    }

    /** Whether the person is on the event's team. */
    boolean holds(long eventId, long userId) {
        return row(eventId, userId).isPresent();
    }

    /**
     * Takes the person off the team whatever their role: their data is theirs to erase. If they were the last
     * owner, the event is the operator's until an owner is invited.
     */
    void erase(long eventId, long userId) {
        entityManager.createNativeQuery("delete from event_member where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    /** The person's membership as stored, for their export. */
    Optional<Member> member(long eventId, long userId) {
        return row(eventId, userId).map(Row::member);
    }

    private Optional<Row> row(long eventId, long userId) {
        List<Row> rows = entityManager.createNativeQuery(
                "select " + Row.COLUMNS + " from event_member where event_id = ?1 and user_id = ?2", Row.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * Refuses to leave the event without an owner when {@code userId} takes {@code newRole} (null: leaves). Locks
     * the owners' rows first, so two owners demoting each other at once cannot both succeed: the second waits,
     * then sees one owner fewer.
     */
    private void keepAnOwner(long eventId, long userId, EventRole newRole) {
        if (newRole == EventRole.OWNER) {
            return;
        }
        List<?> owners = entityManager.createNativeQuery(
                "select user_id from event_member where event_id = ?1 and role = 'owner' order by user_id for update")
                .setParameter(1, eventId).getResultList();
        if (owners.size() == 1 && ((Number) owners.get(0)).longValue() == userId) {
            throw Problem.of(ProblemType.LAST_OWNER, "An event keeps at least one owner: make someone else owner first.");
        }
    }

    /**
     * The rooms a member in this role is limited to, sorted, or null for every room: only a host is limited, to
     * at least one room, and only to rooms of this event. Anything else is a 400 naming roomIds.
     */
    List<Long> hostRooms(long eventId, EventRole role, List<Long> roomIds) {
        if (roomIds == null) {
            return null;
        }
        if (role != EventRole.HOST) {
            throw Problem.invalid("roomIds", "limits hosts only; leave it out for " + role.wireName() + "s");
        }
        if (roomIds.isEmpty()) {
            throw Problem.invalid("roomIds", "must name at least one room, or be left out for every room");
        }
        List<Long> rooms = roomIds.stream().distinct().sorted().toList();
        List<Long> elsewhere = events.roomsElsewhere(eventId, rooms);
        if (!elsewhere.isEmpty()) {
            throw Problem.invalid("roomIds", "not rooms of this event: " + elsewhere);
        }
        return rooms;
    }

    private static Long[] array(List<Long> roomIds) {
        return roomIds == null ? null : roomIds.toArray(Long[]::new);
    }

    private static Problem notAMember(long userId) {
        return Problem.notFound("No member " + userId + " in this event's team.");
    }
}
