package io.hallway.agenda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import io.hallway.common.ReplicaCaches;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionInterest;
import io.hallway.schedule.SessionView;
import io.micrometer.core.instrument.MeterRegistry;

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
    BookmarkStore bookmarks;

    @Inject
    ScheduleSnapshots snapshots;

    /** Events whose counts a replica keeps; each is a few bytes per session. */
    private static final int EVENTS = 1_000;

    private final AgendaConfig config;

    private record Counted(List<SessionFill> sessions, Map<Long, Interest> bySession) {

        static Counted of(List<SessionFill> sessions) {
            return new Counted(sessions, sessions.stream().collect(Collectors.toUnmodifiableMap(SessionFill::sessionId,
                    f -> new Interest(f.bookmarks(), f.fill()))));
        }
    }

    /**
     * Per replica, at most one count per event within fill-max-age: the same staleness apps accept anyway. Apps
     * asking together while it is counted wait for that one count.
     */
    private final Cache<Long, Counted> recent;

    @Inject
    RoomFill(AgendaConfig config, MeterRegistry registry) {
        this.config = config;
        recent = ReplicaCaches.freshFor(config.fillMaxAge(), "room_fill", EVENTS, registry);
    }

    /** For the public, polled document: counted at most once per fill-max-age per replica. */
    List<SessionFill> recent(long eventId) {
        return counted(eventId).sessions();
    }

    @Override
    public Map<Long, Interest> of(long eventId) {
        return counted(eventId).bySession();
    }

    private Counted counted(long eventId) {
        return recent.get(eventId, id -> Counted.of(sessions(id)));
    }

    /**
     * Every session of the event's public schedule in time order, in the rooms it has there, counted now: in manual
     * mode the draft's sessions and rooms are the team's, so they are not here.
     */
    List<SessionFill> sessions(long eventId) {
        ScheduleSnapshots.Built built = snapshots.publicSchedule(eventId);
        List<SessionView> sessions = built.snapshot().sessions();
        Map<Long, Long> people = bookmarks.perSession(eventId, sessions.stream().map(SessionView::id).toList(),
                sessions.stream().map(s -> s.blockId() == null ? -1L : s.blockId()).toList()).stream()
                .collect(Collectors.toMap(BookmarkStore.SessionBookmarks::sessionId, BookmarkStore.SessionBookmarks::people));
        return sessions.stream().map(s -> {
            Optional<RoomView> room = built.room(s.roomId());
            Integer capacity = room.map(RoomView::capacity).orElse(null);
            long count = people.getOrDefault(s.id(), 0L);
            return new SessionFill(s.id(), s.title(), s.roomId(), room.map(RoomView::name).orElse(null), capacity, count,
                    level(count, capacity));
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
