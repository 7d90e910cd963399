package io.hallway.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

import io.hallway.live.ExpectedTimes;
import io.hallway.live.LiveTimes;
import io.hallway.venue.Venues;
import io.hallway.people.SelfService;
import io.hallway.schedule.BlockView;
import io.hallway.schedule.Event;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionView;
import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionStatus;

/**
 * Builds a person's agenda from the published schedule this replica already holds (the snapshot apps
 * download, at most {@code hallway.schedule.version-check-interval} old, like the schedule itself) and
 * one query for the person's bookmark ids, however many they hold: no entity is loaded, nothing is joined.
 * The personal calendar feed is made from the same two, with {@link #bookmarked}.
 */
@ApplicationScoped
class Agendas {

    /** What a person bookmarked: sessions one by one, lightning blocks whole. */
    record Marks(Set<Long> sessionIds, Set<Long> blockIds) {

        static final Marks NONE = new Marks(Set.of(), Set.of());

        int size() {
            return sessionIds.size() + blockIds.size();
        }
    }

    /** A person's bookmarks and a schedule version that holds every one of them, or has deleted it since. */
    record Bookmarked(ScheduleSnapshots.Built built, Marks marks) {

        /** The bookmarked sessions and whole blocks, in the snapshot's order. */
        List<SessionView> sessions() {
            return built.snapshot().sessions().stream().filter(s -> marks.sessionIds().contains(s.id())).toList();
        }

        List<BlockView> blocks() {
            return built.snapshot().blocks().stream().filter(b -> marks.blockIds().contains(b.id())).toList();
        }
    }

    /** An agenda item and its JSON, which is the same for everyone who bookmarked it. */
    record Rendered(AgendaView.Item item, RawValue json) {
    }

    /**
     * Every session and block of one schedule version as an agenda item, made and written as JSON once per
     * version: an agenda request only writes what is its own, the conflicts and the gaps.
     */
    record Index(Map<Long, Rendered> sessions, Map<Long, Rendered> blocks) {

        static Index of(ScheduleSnapshot snapshot, ObjectMapper json) {
            Map<Long, RoomView> rooms = new HashMap<>();
            snapshot.rooms().forEach(room -> rooms.put(room.id(), room));
            Map<Long, SessionView> byId = new HashMap<>();
            Map<Long, Rendered> sessions = new HashMap<>();
            for (SessionView session : snapshot.sessions()) {
                byId.put(session.id(), session);
                sessions.put(session.id(), render(item(session, rooms), json));
            }
            Map<Long, Rendered> blocks = new HashMap<>();
            snapshot.blocks().forEach(block -> blocks.put(block.id(), render(item(block, rooms, byId), json)));
            return new Index(Map.copyOf(sessions), Map.copyOf(blocks));
        }

        private static Rendered render(AgendaView.Item item, ObjectMapper json) {
            try {
                return new Rendered(item, new RawValue(json.writeValueAsString(item)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An agenda item could not be written as JSON", e);
            }
        }

        /** The bookmarked items this version holds: fewer than marked when a bookmark is newer than it. */
        List<Rendered> items(Marks marks) {
            List<Rendered> items = new ArrayList<>(marks.size());
            marks.sessionIds().stream().map(sessions::get).filter(Objects::nonNull).forEach(items::add);
            marks.blockIds().stream().map(blocks::get).filter(Objects::nonNull).forEach(items::add);
            return items;
        }
    }

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    BookmarkStore bookmarks;

    @Inject
    ObjectMapper json;

    @Inject
    SelfService selfService;

    @Inject
    Venues venues;

    @Inject
    LiveTimes liveTimes;

    @Inject
    AgendaMeetings agendaMeetings;

    /** A person's bookmarked items at their expected times, in time order, and the schedule they come from. */
    record Expected(ScheduleSnapshots.Built built, ExpectedTimes times, List<Rendered> items) {

        /** The items still to take place, as now expected. */
        List<AgendaView.Item> live() {
            return items.stream().map(Rendered::item).filter(i -> i.status() == SessionStatus.SCHEDULED).toList();
        }
    }

    AgendaView of(String slug, Long userId) {
        Expected expected = expected(slug, userId);
        List<AgendaView.Item> live = expected.live();
        ScheduleSnapshot snapshot = expected.built().snapshot();
        List<AgendaView.Meeting> meetings = userId == null ? List.of() : meetings(expected.built().eventId(), userId, snapshot);
        return new AgendaView(snapshot.event().slug(), snapshot.event().timeZone(), snapshot.cursor(),
                expected.items().stream().map(Rendered::json).toList(), conflicts(live, meetings),
                gaps(expected.built().eventId(), live), meetings);
    }

    Expected expected(String slug, Long userId) {
        ScheduleSnapshots.Built built = snapshots.current(version(slug));
        Marks marks = userId == null ? Marks.NONE : bookmarks.marks(built.eventId(), userId);
        List<Rendered> items = index(built).items(marks);
        if (items.size() < marks.size()) {
            // A bookmark of a session added after this replica last checked the version: read it now.
            built = snapshots.current(currentVersion(slug));
            items = index(built).items(marks);
        }
        return expected(built, liveTimes.of(built), items);
    }

    /**
     * A person's items as the database holds the schedule and the hosts' reports right now, past what this replica
     * remembers: for a check made just after a change committed. Empty for an event not published.
     */
    Optional<Expected> expectedNow(long eventId, long userId) {
        return snapshots.currentVersion(eventId).map(snapshots::current).map(built -> expected(built,
                liveTimes.fresh(built), index(built).items(bookmarks.marks(eventId, userId))));
    }

    private Expected expected(ScheduleSnapshots.Built built, ExpectedTimes expected, List<Rendered> items) {
        ZoneId zone = ZoneId.of(built.snapshot().event().timeZone());
        items = new ArrayList<>(items.stream().map(rendered -> expectedAt(rendered, expected, zone)).toList());
        items.sort(Comparator.comparing((Rendered r) -> r.item().expectedStartsAt())
                .thenComparing(r -> r.item().expectedEndsAt()).thenComparing(r -> r.item().startsAt())
                .thenComparing(r -> r.item().type()).thenComparingLong(r -> r.item().id()));
        return new Expected(built, expected, items);
    }

    /** The person's accepted meet-ups, from the feature that keeps them, if there is one. */
    private List<AgendaView.Meeting> meetings(long eventId, long userId, ScheduleSnapshot snapshot) {
        ZoneId zone = ZoneId.of(snapshot.event().timeZone());
        return agendaMeetings.of(eventId, userId).stream().map(m -> m.in(zone)).toList();
    }

    /** The version to answer from: a published event's from memory within the version-check interval. */
    private ScheduleSnapshots.VersionRef version(String slug) {
        return snapshots.recentVersion(slug).orElseGet(() -> currentVersion(slug));
    }

    /**
     * The version in the database. An unpublished event's too, where I keep something ({@link SelfService}): my
     * agenda stays mine to read (its sessions as they stand now), while nothing new can be bookmarked there.
     */
    private ScheduleSnapshots.VersionRef currentVersion(String slug) {
        Event event = selfService.eventOr404(slug);
        return event.published ? snapshots.currentVersion(slug)
                : new ScheduleSnapshots.VersionRef(event.id, event.publicVersion());
    }

    /**
     * A person's bookmarks in a published event and the schedule they are in, for a calendar feed, which
     * names the event by id. The bookmarks are read before the version, from the database, so that version
     * holds every session they name, unless it has deleted it since.
     */
    Optional<Bookmarked> bookmarked(long eventId, long userId) {
        Marks marks = bookmarks.marks(eventId, userId);
        return snapshots.currentVersion(eventId).map(version -> new Bookmarked(snapshots.current(version), marks));
    }

    private Index index(ScheduleSnapshots.Built built) {
        return built.derived(Index.class, snapshot -> Index.of(snapshot, json));
    }

    /**
     * The item at its expected times: as rendered once per version while it runs on time, written again here
     * only when a delay moved it (a few items, while every agenda holds them).
     */
    private Rendered expectedAt(Rendered rendered, ExpectedTimes expected, ZoneId zone) {
        AgendaView.Item item = rendered.item();
        Optional<ExpectedTimes.Timing> timing = item.type().equals("block") ? expected.block(item.id())
                : expected.session(item.id());
        if (timing.isEmpty() || (timing.get().expectedStart().equals(item.startsAt().toInstant())
                && timing.get().expectedEnd().equals(item.endsAt().toInstant()))) {
            return rendered;
        }
        return Index.render(withExpected(item, timing.get(), expected, zone), json);
    }

    private static AgendaView.Item withExpected(AgendaView.Item item, ExpectedTimes.Timing timing,
            ExpectedTimes expected, ZoneId zone) {
        List<AgendaView.Talk> talks = item.talks().stream().map(talk -> expected.session(talk.id())
                .map(t -> new AgendaView.Talk(talk.id(), talk.title(), talk.startsAt(), talk.endsAt(), talk.status(),
                        t.expectedStart().atZone(zone).toOffsetDateTime(), t.expectedEnd().atZone(zone).toOffsetDateTime()))
                .orElse(talk)).toList();
        return new AgendaView.Item(item.itemId(), item.type(), item.id(), item.title(), item.kind(), item.status(),
                item.startsAt(), item.endsAt(), item.room(), item.speakers(), item.blockId(), talks,
                timing.expectedStart().atZone(zone).toOffsetDateTime(), timing.expectedEnd().atZone(zone).toOffsetDateTime(),
                timing.delayMinutes());
    }

    private static List<AgendaView.Conflict> conflicts(List<AgendaView.Item> live, List<AgendaView.Meeting> meetings) {
        List<AgendaView.Conflict> conflicts = new ArrayList<>();
        // A session bookmarked over an accepted meet-up clashes with it like two sessions do.
        for (AgendaView.Meeting meeting : meetings) {
            for (AgendaView.Item item : live) {
                Instant start = max(meeting.startsAt().toInstant(), item.expectedStartsAt().toInstant());
                Instant end = min(meeting.endsAt().toInstant(), item.expectedEndsAt().toInstant());
                if (start.isBefore(end)) {
                    conflicts.add(new AgendaView.Conflict(item.itemId(), meeting.itemId(),
                            Duration.between(start, end).toMinutes()));
                }
            }
        }
        for (int i = 0; i < live.size(); i++) {
            AgendaView.Item first = live.get(i);
            // Sorted by start: once one starts after the first has ended, none of the rest overlaps it.
            for (int j = i + 1; j < live.size() && live.get(j).expectedStartsAt().isBefore(first.expectedEndsAt()); j++) {
                AgendaView.Item second = live.get(j);
                if (contains(first, second) || contains(second, first)) {
                    continue;
                }
                Instant end = min(first.expectedEndsAt().toInstant(), second.expectedEndsAt().toInstant());
                long minutes = Duration.between(second.expectedStartsAt().toInstant(), end).toMinutes();
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
            if (latest != null && !next.expectedStartsAt().isBefore(latest.expectedEndsAt())) {
                gaps.add(gap(eventId, latest, next));
            }
            if (latest == null || next.expectedEndsAt().isAfter(latest.expectedEndsAt())) {
                latest = next;
            }
        }
        return gaps;
    }

    private AgendaView.Gap gap(long eventId, AgendaView.Item from, AgendaView.Item to) {
        Duration free = Duration.between(from.expectedEndsAt(), to.expectedStartsAt());
        Duration planned = Duration.between(from.endsAt(), to.startsAt());
        Long fromRoom = from.room() == null ? null : from.room().id();
        Long toRoom = to.room() == null ? null : to.room().id();
        boolean roomChange = fromRoom != null && toRoom != null && !fromRoom.equals(toRoom);
        Duration walking = roomChange
                ? venues.walkingTime(eventId, fromRoom, toRoom).orElse(null)
                : null;
        return new AgendaView.Gap(from.itemId(), to.itemId(), free.toMinutes(), roomChange,
                walking == null ? null : walking.toSeconds(), walking == null ? null : walking.compareTo(free) <= 0,
                planned.toMinutes(), walking == null ? null : walking.compareTo(planned) <= 0 && walking.compareTo(free) > 0);
    }

    private static AgendaView.Item item(SessionView s, Map<Long, RoomView> rooms) {
        return new AgendaView.Item("session-" + s.id(), "session", s.id(), s.title(), s.kind(), s.status(),
                s.startsAt(), s.endsAt(), s.roomId() == null ? null : room(rooms.get(s.roomId())),
                s.speakers().stream().map(SessionView.SpeakerRef::name).toList(), s.blockId(), List.of(), s.startsAt(),
                s.endsAt(), 0);
    }

    private static AgendaView.Item item(BlockView b, Map<Long, RoomView> rooms, Map<Long, SessionView> talks) {
        List<AgendaView.Talk> inOrder = b.talkIds().stream().map(talks::get)
                .map(t -> new AgendaView.Talk(t.id(), t.title(), t.startsAt(), t.endsAt(), t.status(), t.startsAt(),
                        t.endsAt())).toList();
        return new AgendaView.Item("block-" + b.id(), "block", b.id(), b.title(), SessionKind.LIGHTNING_TALK,
                SessionStatus.SCHEDULED, b.startsAt(), b.endsAt(), room(rooms.get(b.roomId())), List.of(), null, inOrder,
                b.startsAt(), b.endsAt(), 0);
    }

    private static AgendaView.RoomRef room(RoomView room) {
        return new AgendaView.RoomRef(room.id(), room.name(), room.levelName(), room.liveStatus());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
