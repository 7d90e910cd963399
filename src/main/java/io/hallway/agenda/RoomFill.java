package io.hallway.agenda;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    BookmarkStore bookmarks;

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

    /** Every session of the event in time order, counted now. */
    List<SessionFill> sessions(long eventId) {
        return bookmarks.perSession(eventId).stream().map(s -> new SessionFill(s.sessionId(), s.title(), s.roomId(),
                s.roomName(), s.capacity(), s.people(), level(s.people(), s.capacity()))).toList();
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
