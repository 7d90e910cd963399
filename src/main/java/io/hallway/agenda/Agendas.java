package io.hallway.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hibernate.jpa.HibernateHints;

import io.hallway.common.WalkingTimes;
import io.hallway.schedule.Event;
import io.hallway.schedule.LightningBlock;
import io.hallway.schedule.Room;
import io.hallway.schedule.ScheduleCursor;
import io.hallway.schedule.Session;
import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionStatus;

/**
 * Builds a person's agenda in a fixed number of queries, however many bookmarks they hold: one for the
 * bookmarked sessions with rooms and speakers, one for the bookmarked blocks with rooms and talks. What
 * they load is read-only: an agenda is only shown, so no snapshots to copy and nothing to check at flush.
 */
@ApplicationScoped
class Agendas {

    @Inject
    Instance<WalkingTimes> walkingTimes;

    AgendaView of(Event event, Long userId) {
        ZoneId zone = event.zone();
        List<AgendaView.Item> items = new ArrayList<>();
        if (userId != null) {
            bookmarkedSessions(event.id, userId).forEach(s -> items.add(item(s, zone)));
            bookmarkedBlocks(event.id, userId).forEach(b -> items.add(item(b, zone)));
        }
        items.sort(Comparator.comparing(AgendaView.Item::startsAt).thenComparing(AgendaView.Item::endsAt)
                .thenComparing(AgendaView.Item::type).thenComparingLong(AgendaView.Item::id));
        List<AgendaView.Item> live = items.stream().filter(i -> i.status() == SessionStatus.SCHEDULED).toList();
        return new AgendaView(event.slug, event.timeZone, ScheduleCursor.encode(event.id, event.scheduleVersion), items,
                conflicts(live), gaps(event.id, live));
    }

    /**
     * The sessions a person bookmarked one by one, with rooms and speakers, in one query. No "distinct":
     * Hibernate 6 folds fetch-join rows itself, and SQL DISTINCT over these wide rows only costs a sort.
     */
    static List<Session> bookmarkedSessions(long eventId, long userId) {
        return Session.<Session> find("""
                select s from Session s left join fetch s.room left join fetch s.speakers
                where s.id in (select b.sessionId from Bookmark b where b.userId = ?1 and b.eventId = ?2)""",
                userId, eventId).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** The lightning blocks a person bookmarked whole, with rooms and talks, in one query. */
    static List<LightningBlock> bookmarkedBlocks(long eventId, long userId) {
        return LightningBlock.<LightningBlock> find("""
                select b from LightningBlock b join fetch b.room left join fetch b.talks
                where b.id in (select m.blockId from Bookmark m where m.userId = ?1 and m.eventId = ?2)""",
                userId, eventId).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    private static List<AgendaView.Conflict> conflicts(List<AgendaView.Item> live) {
        List<AgendaView.Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            AgendaView.Item first = live.get(i);
            // Sorted by start: once one starts after the first has ended, none of the rest overlaps it.
            for (int j = i + 1; j < live.size() && live.get(j).startsAt().isBefore(first.endsAt()); j++) {
                AgendaView.Item second = live.get(j);
                if (contains(first, second) || contains(second, first)) {
                    continue;
                }
                Instant end = min(first.endsAt().toInstant(), second.endsAt().toInstant());
                long minutes = Duration.between(second.startsAt().toInstant(), end).toMinutes();
                conflicts.add(new AgendaView.Conflict(first.itemId(), second.itemId(), minutes));
            }
        }
        return conflicts;
    }

    /** A block and one of its own talks, both bookmarked, are one plan, not a clash. */
    private static boolean contains(AgendaView.Item block, AgendaView.Item talk) {
        return block.type().equals("block") && talk.blockId() != null && talk.blockId() == block.id();
    }

    private List<AgendaView.Gap> gaps(long eventId, List<AgendaView.Item> live) {
        List<AgendaView.Gap> gaps = new ArrayList<>();
        AgendaView.Item latest = null;
        for (AgendaView.Item next : live) {
            if (latest != null && !next.startsAt().isBefore(latest.endsAt())) {
                gaps.add(gap(eventId, latest, next));
            }
            if (latest == null || next.endsAt().isAfter(latest.endsAt())) {
                latest = next;
            }
        }
        return gaps;
    }

    private AgendaView.Gap gap(long eventId, AgendaView.Item from, AgendaView.Item to) {
        Duration free = Duration.between(from.endsAt(), to.startsAt());
        Long fromRoom = from.room() == null ? null : from.room().id();
        Long toRoom = to.room() == null ? null : to.room().id();
        boolean roomChange = fromRoom != null && toRoom != null && !fromRoom.equals(toRoom);
        Duration walking = roomChange && walkingTimes.isResolvable()
                ? walkingTimes.get().between(eventId, fromRoom, toRoom).orElse(null)
                : null;
        return new AgendaView.Gap(from.itemId(), to.itemId(), free.toMinutes(), roomChange,
                walking == null ? null : walking.toSeconds(), walking == null ? null : walking.compareTo(free) <= 0);
    }

    private static AgendaView.Item item(Session s, ZoneId zone) {
        return new AgendaView.Item("session-" + s.id, "session", s.id, s.title, s.kind, s.status,
                s.startsAt.atZone(zone).toOffsetDateTime(), s.endsAt.atZone(zone).toOffsetDateTime(), room(s.room),
                s.speakers.stream().map(sp -> sp.name).toList(), s.block == null ? null : s.block.id, List.of());
    }

    private static AgendaView.Item item(LightningBlock b, ZoneId zone) {
        List<AgendaView.Talk> talks = b.talks.stream().map(t -> new AgendaView.Talk(t.id, t.title,
                t.startsAt.atZone(zone).toOffsetDateTime(), t.endsAt.atZone(zone).toOffsetDateTime(), t.status)).toList();
        return new AgendaView.Item("block-" + b.id, "block", b.id, b.title, SessionKind.LIGHTNING_TALK,
                SessionStatus.SCHEDULED, b.startsAt.atZone(zone).toOffsetDateTime(),
                b.endsAt.atZone(zone).toOffsetDateTime(), room(b.room), List.of(), null, talks);
    }

    private static AgendaView.RoomRef room(Room room) {
        return room == null ? null : new AgendaView.RoomRef(room.id, room.name, room.levelName, room.liveStatus);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
