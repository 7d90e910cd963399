package io.hallway.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * What differs between two versions of a published schedule, entity by entity (matched by id): the delta that
 * turns one into the other, and what changed in each session in the words of a changelog. Pure: both snapshots
 * are given.
 */
final class ScheduleComparison {

    static final String ADDED = "added";
    static final String REMOVED = "removed";
    static final String TIME = "time";
    static final String ROOM = "room";
    static final String CANCELLED = "cancelled";
    static final String REINSTATED = "reinstated";
    static final String SPEAKERS = "speakers";
    static final String TITLE = "title";
    /** Anything else an attendee may read: the abstract, track, tags, links, kind, language or level. */
    static final String DETAILS = "details";

    /**
     * One session that differs: what it was (null when added), what it is (null when removed), and the kinds of
     * change in the order added, removed, time, room, cancelled or reinstated, speakers, title, details.
     */
    public record SessionChange(long sessionId, List<String> changes, SessionView before, SessionView after) {
    }

    private ScheduleComparison() {
    }

    /** The schedule an event has before anything was released: its rooms, sessions and the rest are none. */
    static ScheduleSnapshot nothing(EventView event) {
        return new ScheduleSnapshot(event, 0, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Every row of {@code to} that is new or differs in any way from {@code from} (its version included, so the
     * delta applied to {@code from} gives exactly {@code to}), and a tombstone for every row {@code to} no longer
     * has.
     */
    static ScheduleDelta delta(ScheduleSnapshot from, ScheduleSnapshot to) {
        List<ScheduleDelta.Tombstone> deleted = Stream.of(
                gone("session", from.sessions(), to.sessions(), SessionView::id),
                gone("speaker", from.speakers(), to.speakers(), SpeakerView::id),
                gone("room", from.rooms(), to.rooms(), RoomView::id),
                gone("track", from.tracks(), to.tracks(), TrackView::id),
                gone("block", from.blocks(), to.blocks(), BlockView::id)).flatMap(List::stream).toList();
        return new ScheduleDelta(to.event(), from.scheduleVersion(), to.scheduleVersion(), to.cursor(),
                changed(from.rooms(), to.rooms(), RoomView::id), changed(from.tracks(), to.tracks(), TrackView::id),
                changed(from.speakers(), to.speakers(), SpeakerView::id),
                changed(from.sessions(), to.sessions(), SessionView::id),
                changed(from.blocks(), to.blocks(), BlockView::id), deleted);
    }

    /**
     * Whether an attendee would see any difference: the same event, rooms, tracks, speakers, sessions and blocks.
     * Versions do not count (a change made and taken back in a draft leaves a new version and nothing to see).
     */
    static boolean same(ScheduleSnapshot a, ScheduleSnapshot b) {
        return unversioned(a.event()).equals(unversioned(b.event()))
                && sameRows(a.rooms(), b.rooms(), ScheduleComparison::unversioned)
                && sameRows(a.tracks(), b.tracks(), ScheduleComparison::unversioned)
                && sameRows(a.speakers(), b.speakers(), ScheduleComparison::unversioned)
                && sameRows(a.sessions(), b.sessions(), ScheduleComparison::unversioned)
                && sameRows(a.blocks(), b.blocks(), ScheduleComparison::unversioned);
    }

    /** Each session that differs for an attendee, in the order of {@code to}, then the removed ones in order of {@code from}. */
    static List<SessionChange> sessions(ScheduleSnapshot from, ScheduleSnapshot to) {
        Map<Long, SessionView> before = byId(from.sessions(), SessionView::id);
        List<SessionChange> changes = new ArrayList<>();
        for (SessionView after : to.sessions()) {
            SessionView was = before.remove(after.id());
            List<String> kinds = was == null ? List.of(ADDED) : differences(was, after);
            if (!kinds.isEmpty()) {
                changes.add(new SessionChange(after.id(), kinds, was, after));
            }
        }
        before.values().forEach(was -> changes.add(new SessionChange(was.id(), List.of(REMOVED), was, null)));
        return changes;
    }

    private static List<String> differences(SessionView before, SessionView after) {
        List<String> kinds = new ArrayList<>();
        if (!before.startsAt().toInstant().equals(after.startsAt().toInstant())
                || !before.endsAt().toInstant().equals(after.endsAt().toInstant())) {
            kinds.add(TIME);
        }
        if (!Objects.equals(before.roomId(), after.roomId())) {
            kinds.add(ROOM);
        }
        if (before.status() != after.status()) {
            kinds.add(after.status() == SessionStatus.CANCELLED ? CANCELLED : REINSTATED);
        }
        if (!before.speakers().equals(after.speakers())) {
            kinds.add(SPEAKERS);
        }
        if (!Objects.equals(before.title(), after.title())) {
            kinds.add(TITLE);
        }
        // Everything but what is named above, and the version, which no attendee reads.
        SessionView detailsOnly = new SessionView(after.id(), after.guid(), after.kind(), before.title(),
                after.abstractText(), after.language(), after.level(), after.tags(), after.trackId(), before.roomId(),
                before.startsAt(), before.endsAt(), before.durationMinutes(), before.status(), before.speakers(),
                after.slidesUrl(), after.videoUrl(), after.blockId(), after.blockPosition(), before.version(),
                before.bookmarks(), before.fill(), before.expectedStartsAt(), before.expectedEndsAt(),
                before.delayMinutes());
        if (!detailsOnly.equals(before)) {
            kinds.add(DETAILS);
        }
        return kinds;
    }

    private static <T> List<T> changed(List<T> from, List<T> to, ToLongFunction<T> id) {
        Map<Long, T> before = byId(from, id);
        return to.stream().filter(row -> !row.equals(before.get(id.applyAsLong(row)))).toList();
    }

    private static <T> List<ScheduleDelta.Tombstone> gone(String kind, List<T> from, List<T> to, ToLongFunction<T> id) {
        Map<Long, T> after = byId(to, id);
        return from.stream().mapToLong(id).filter(rowId -> !after.containsKey(rowId)).sorted()
                .mapToObj(rowId -> new ScheduleDelta.Tombstone(kind, rowId)).toList();
    }

    private static <T> boolean sameRows(List<T> a, List<T> b, Function<T, T> unversioned) {
        return a.stream().map(unversioned).toList().equals(b.stream().map(unversioned).toList());
    }

    private static <T> Map<Long, T> byId(List<T> rows, ToLongFunction<T> id) {
        Map<Long, T> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(id.applyAsLong(row), row));
        return byId;
    }

    /** Also without {@code published}: publishing takes effect at once in either mode, it is never released. */
    private static EventView unversioned(EventView e) {
        return new EventView(e.slug(), e.name(), e.timeZone(), e.startDate(), e.endDate(), e.venueName(),
                e.venueAddress(), e.description(), false, e.durationLimits(), e.releaseMode(), 0, 0);
    }

    private static RoomView unversioned(RoomView r) {
        return new RoomView(r.id(), r.name(), r.capacity(), r.levelName(), r.directions(), r.position(),
                r.liveStatus(), 0);
    }

    private static TrackView unversioned(TrackView t) {
        return new TrackView(t.id(), t.name(), t.color(), 0);
    }

    private static SpeakerView unversioned(SpeakerView s) {
        return new SpeakerView(s.id(), s.name(), s.company(), s.title(), s.bio(), s.photoUrl(), s.links(), 0);
    }

    private static SessionView unversioned(SessionView s) {
        return new SessionView(s.id(), s.guid(), s.kind(), s.title(), s.abstractText(), s.language(), s.level(),
                s.tags(), s.trackId(), s.roomId(), s.startsAt(), s.endsAt(), s.durationMinutes(), s.status(),
                s.speakers(), s.slidesUrl(), s.videoUrl(), s.blockId(), s.blockPosition(), 0, s.bookmarks(), s.fill(),
                s.expectedStartsAt(), s.expectedEndsAt(), s.delayMinutes());
    }

    private static BlockView unversioned(BlockView b) {
        return new BlockView(b.id(), b.title(), b.roomId(), b.startsAt(), b.endsAt(), b.talkIds(), 0);
    }
}
