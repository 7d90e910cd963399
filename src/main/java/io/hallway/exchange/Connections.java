package io.hallway.exchange;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;

import io.hallway.common.Problem;
import io.hallway.common.WireEnum;
import io.hallway.people.Audience;
import io.hallway.people.AttendeeView;
import io.hallway.people.Profile;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshots;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Reads and changes one person's side of their connections in an event. */
@ApplicationScoped
class Connections {

    /**
     * My side of each connection I keep, with the other person and whether they share with me: the
     * columns of {@link Side}, in its order.
     */
    private static final String MINE = """
            select c.id, c.created_at, c.session_id, c.via, c.scanned_at, mine.shares, mine.note, mine.starred,
                   case when c.user_low = ?2 then c.user_high else c.user_low end,
                   coalesce(theirs.shares, false)
            from connection c
            join connection_member mine on mine.connection_id = c.id and mine.user_id = ?2
            left join connection_member theirs on theirs.connection_id = c.id and theirs.user_id <> ?2
            where c.event_id = ?1""";

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    EntityManager entityManager;

    /** A connection as I see it, with the other person's profile only when they share it with me. */
    record Row(ConnectionView view, Profile other) {
    }

    /** My side of one connection, as stored: what {@link #MINE} selects, and what a redeem returns. */
    record Side(long id, Instant connectedAt, Long sessionId, String via, Instant scannedAt, boolean sharingBack,
            String note, boolean starred, long otherId, boolean sharedWithMe) {
    }

    List<Row> list(long eventId, long me) {
        return rows(entityManager.createNativeQuery(MINE + " order by c.created_at desc, c.id desc", Side.class)
                .setParameter(1, eventId).setParameter(2, me).getResultList(), eventId);
    }

    Row one(long eventId, long me, long id) {
        return view(eventId, side(eventId, me, id));
    }

    Side side(long eventId, long me, long id) {
        List<Side> found = entityManager.createNativeQuery(MINE + " and c.id = ?3", Side.class)
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, id).getResultList();
        return found.stream().findFirst().orElseThrow(() -> notFound(id));
    }

    Row view(long eventId, Side side) {
        return rows(List.of(side), eventId).get(0);
    }

    void shareBack(long eventId, long me, long id, boolean share) {
        change(eventId, me, id, "shares = ?4, shared_at = case when ?4 then coalesce(shared_at, now()) end", share);
    }

    void note(long eventId, long me, long id, String note) {
        change(eventId, me, id, "note = ?4", note);
    }

    void star(long eventId, long me, long id, boolean starred) {
        change(eventId, me, id, "starred = ?4", starred);
    }

    /** Drops my side: they no longer get my fields, I no longer get theirs. The last side out removes the pair. */
    void remove(long eventId, long me, long id) {
        one(eventId, me, id);
        entityManager.createNativeQuery("delete from connection_member where connection_id = ?1 and user_id = ?2")
                .setParameter(1, id).setParameter(2, me).executeUpdate();
        entityManager.createNativeQuery("""
                delete from connection c where c.id = ?1
                and not exists (select 1 from connection_member m where m.connection_id = c.id)""")
                .setParameter(1, id).executeUpdate();
    }

    /** Changes my side of one of my connections in the event; "assignments" is a fixed SET clause using ?4. */
    private void change(long eventId, long me, long id, String assignments, Object value) {
        int changed = entityManager.createNativeQuery("update connection_member set " + assignments + """
                 where connection_id = ?3 and user_id = ?2
                and exists (select 1 from connection c where c.id = ?3 and c.event_id = ?1)""")
                .setParameter(1, eventId).setParameter(2, me).setParameter(3, id).setParameter(4, value).executeUpdate();
        if (changed == 0) {
            throw notFound(id);
        }
    }

    private static Problem notFound(long id) {
        return Problem.notFound("You have no connection " + id + " in this event.");
    }

    /**
     * Read-only: these profiles are only shown, so they need no snapshot copy of their JSON columns. One
     * person (a scan's answer) is looked up with a single value, which lets Hibernate reuse the query's
     * translation; a query with a list parameter is translated anew on every call.
     */
    private static Map<Long, Profile> profilesOf(long eventId, List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        PanacheQuery<Profile> query = userIds.size() == 1
                ? Profile.find("eventId = ?1 and userId = ?2", eventId, userIds.get(0))
                : Profile.find("eventId = ?1 and userId in ?2", eventId, userIds);
        return query.withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .collect(Collectors.toMap(p -> p.userId, Function.identity()));
    }

    private List<Row> rows(List<Side> sides, long eventId) {
        Map<Long, Profile> profiles = profilesOf(eventId, sides.stream().map(Side::otherId).distinct().toList());
        List<Long> sessionIds = sides.stream().map(Side::sessionId).filter(Objects::nonNull).distinct().toList();
        Map<Long, ConnectionView.Place> places = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            // As the public schedule names them: in manual mode the draft's titles and rooms are the team's.
            ScheduleSnapshots.Built built = snapshots.publicSchedule(eventId);
            sessionIds.forEach(id -> built.session(id).ifPresent(s -> places.put(id, new ConnectionView.Place(id,
                    s.title(), built.room(s.roomId()).map(RoomView::name).orElse(null)))));
        }
        return sides.stream().map(side -> {
            Profile other = profiles.get(side.otherId());
            Optional<Audience> audience = other == null ? Optional.empty()
                    : side.sharedWithMe() ? Optional.of(Audience.CONNECTION)
                    : other.inDirectory ? Optional.of(Audience.STRANGER) : Optional.empty();
            AttendeeView person = audience.map(a -> AttendeeView.of(other, a)).orElse(null);
            var view = new ConnectionView(side.id(), side.connectedAt(), WireEnum.parse(ConnectionVia.class, side.via()),
                    side.scannedAt(), side.sessionId() == null ? null : places.get(side.sessionId()), person,
                    side.sharedWithMe(), side.sharingBack(), side.note(), side.starred());
            return new Row(view, side.sharedWithMe() ? other : null);
        }).toList();
    }
}
