package io.hallway.meetups;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.hallway.agenda.BusyTimes;
import io.hallway.agenda.MeetingNews;
import io.hallway.live.ExpectedTimesChanged;
import io.hallway.live.LiveClock;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionsChanged;
import io.hallway.schedule.SessionView;
import io.hallway.venue.Venues;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A room move, a new time or a delay of sessions either person follows can leave an accepted meet-up without the
 * time for it. Once such a change has committed, each accepted meet-up still to come whose people follow the
 * session is checked again by {@link SlotPlanner}'s rule, at its fixed time and place, against both agendas as the
 * database now holds them. One that no longer fits because of the change (a changed item overlaps it, or is the
 * one before or after it whose walk no longer fits: {@link SlotPlanner#inTheWay}) is marked with why
 * ({@code noLongerFits}), and both people get a {@code meeting} entry in their change feed. Each reads why in their
 * own words: a changed session they follow is named, one only the other follows is "a session one of you follows
 * changed", so neither learns what the other bookmarked. The meet-up stays accepted: they decide whether to cancel
 * it, as they know better than a rule whether a few minutes matter. A meet-up broken again by another cause (a
 * release after a delay, a delay in the other person's room) is told again with the new why, never twice for the
 * same cause: a cause is a kind of change (a schedule change, a delay) of one item, so a delay that grows says
 * nothing more. A session one of them bookmarked over the meet-up on purpose is a conflict in their agenda, not a
 * change that broke it, so it is left out of the check. A release that changes many sessions is one check.
 * <p>
 * After the commit, in a transaction of its own: the check reads the schedule and the reports as committed, and a
 * failed check never undoes the change that caused it.
 */
@ApplicationScoped
class MeetingsAfterChanges {

    /** The kinds of change a cause is of: a schedule change (an edit or a release), or a host's report. */
    private static final String SCHEDULE = "schedule";
    private static final String DELAY = "delay";

    @Inject
    Meetings meetings;

    @Inject
    BusyTimes busyTimes;

    @Inject
    Venues venues;

    @Inject
    MeetingRequests requests;

    @Inject
    MeetingNews news;

    @Inject
    LiveClock clock;

    void sessionsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionsChanged changed) {
        List<SessionsChanged.Change> movesAndRetimes = changed.changes().stream()
                .filter(MeetingsAfterChanges::movesOrRetimes).toList();
        if (movesAndRetimes.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ZoneId zone = Event.<Event> findById(changed.eventId()).zone();
            Map<String, Cause> causes = new HashMap<>();
            for (SessionsChanged.Change change : movesAndRetimes) {
                Cause cause = new Cause(cause(change, zone), SOMEONES_SESSION);
                for (SessionView side : List.of(change.before(), change.after())) {
                    itemsOf(side.id(), side.blockId()).forEach(item -> causes.putIfAbsent(item, cause));
                }
            }
            recheck(changed.eventId(), zone, SCHEDULE, causes);
        });
    }

    /**
     * A session still scheduled that moved room or time, or a cancelled one that takes place after all: a new
     * session has no followers yet, a deleted or cancelled one only frees time.
     */
    private static boolean movesOrRetimes(SessionsChanged.Change change) {
        SessionView before = change.before();
        SessionView after = change.after();
        if (before == null || after == null || after.startsAt() == null || after.status() != SessionStatus.SCHEDULED) {
            return false;
        }
        return reinstated(change) || !Objects.equals(before.roomId(), after.roomId())
                || !Objects.equals(before.startsAt(), after.startsAt()) || !Objects.equals(before.endsAt(), after.endsAt());
    }

    private static boolean reinstated(SessionsChanged.Change change) {
        return change.before().status() != SessionStatus.SCHEDULED && change.after().status() == SessionStatus.SCHEDULED;
    }

    private static String cause(SessionsChanged.Change change, ZoneId zone) {
        SessionView before = change.before();
        SessionView after = change.after();
        boolean moved = !Objects.equals(before.roomId(), after.roomId());
        boolean retimed = !Objects.equals(before.startsAt(), after.startsAt());
        if (reinstated(change) && !moved && !retimed) {
            return "'" + after.title() + "' takes place after all, at " + MeetingRequests.clock(zone, after.startsAt().toInstant());
        }
        return "'" + after.title() + "'" + (moved ? " moved to " + roomName(after.roomId()) : "")
                + (moved && retimed ? " and" : "")
                + (retimed ? " now starts " + MeetingRequests.clock(zone, after.startsAt().toInstant()) : "")
                + (!moved && !retimed ? " now ends " + MeetingRequests.clock(zone, after.endsAt().toInstant()) : "");
    }

    /**
     * A host's report moved expected times: by any amount, since a meet-up with a tight walk right after a session
     * breaks with a delay too small to be news in the change feed.
     */
    void delayed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExpectedTimesChanged changed) {
        long late = changed.changes().stream().mapToLong(ExpectedTimesChanged.Change::lateMinutes).max().orElse(0);
        // A room's delay is on its public live document, and names no one's session.
        String room = late > 0 ? changed.roomName() + " is running " + late + " min late"
                : changed.roomName() + " is back on time";
        QuarkusTransaction.requiringNew().run(() -> {
            ZoneId zone = Event.<Event> findById(changed.eventId()).zone();
            Instant now = clock.now();
            Map<String, Cause> causes = new HashMap<>();
            for (ExpectedTimesChanged.Change change : changed.changes()) {
                Cause cause = new Cause(cause(change, zone, now) + " (" + room + ")", room);
                itemsOf(change.sessionId(), change.blockId()).forEach(item -> causes.putIfAbsent(item, cause));
            }
            recheck(changed.eventId(), zone, DELAY, causes);
        });
    }

    /** What a session's new expected times are: its end once it has started, else what moved. */
    private static String cause(ExpectedTimesChanged.Change change, ZoneId zone, Instant now) {
        String starts = MeetingRequests.clock(zone, change.expectedStart());
        String ends = MeetingRequests.clock(zone, change.expectedEnd());
        boolean started = !change.previousStart().isAfter(now);
        return "'" + change.title() + "'" + (change.startMoved() && change.endMoved() && !started
                ? " now starts " + starts + " and ends " + ends.substring(ends.indexOf(' ') + 1)
                : change.endMoved() ? " now ends " + ends : " now starts " + starts);
    }

    /**
     * What happened to a changed item, in words for one of the two people: naming the session to one who follows
     * it, and without it to one who does not, who must not learn what the other bookmarked.
     */
    private record Cause(String named, String unnamed) {
    }

    private static final String SOMEONES_SESSION = "a session one of you follows changed";

    /**
     * Checks again each accepted meet-up still to come whose people follow a changed item; {@code causes} says, per
     * changed item ({@code session-N}, {@code block-N}), what happened to it, and {@code kind} what kind of change
     * it was.
     */
    private void recheck(long eventId, ZoneId zone, String kind, Map<String, Cause> causes) {
        List<Long> sessionIds = idsOf(causes.keySet(), "session-");
        List<Long> blockIds = idsOf(causes.keySet(), "block-");
        List<Meetings.Row> rows = meetings.toCome(eventId, clock.now(), sessionIds, blockIds);
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Optional<BusyTimes.Plan>> plans = new HashMap<>();
        List<Venues.MeetingPlace> places = venues.meetingPlaces(eventId);
        SlotPlanner.Walks walks = requests.walks(eventId);
        for (Meetings.Row row : rows) {
            Optional<BusyTimes.Plan> requester = plans.computeIfAbsent(row.requesterId(), id -> busyTimes.now(eventId, id));
            Optional<BusyTimes.Plan> invitee = plans.computeIfAbsent(row.inviteeId(), id -> busyTimes.now(eventId, id));
            if (requester.isEmpty() || invitee.isEmpty()) {
                continue;
            }
            Venues.MeetingPlace place = places.stream().filter(p -> p.id().equals(row.placeId())).findFirst()
                    .orElse(null);
            Side a = Side.of(requester.get(), causes.keySet(), row, place, walks);
            Side b = Side.of(invitee.get(), causes.keySet(), row, place, walks);
            // The changed items in the way, in the requester's agenda order, then the invitee's: what broke it now.
            Set<String> broke = new LinkedHashSet<>(a.brokenBy());
            broke.addAll(b.brokenBy());
            if (broke.isEmpty()) {
                continue;
            }
            Meetings.NoLongerFits why = new Meetings.NoLongerFits(a.why(b, broke, causes), b.why(a, broke, causes),
                    a.causes(kind, broke), b.causes(kind, broke));
            if (meetings.markNoLongerFits(row.id(), why)) {
                String at = "Your meet-up at " + MeetingRequests.clock(zone, row.startsAt())
                        + (row.placeName() == null ? "" : " (" + row.placeName() + ")") + " no longer fits: ";
                String after = " It stays in your agenda until one of you cancels it.";
                news.tell(eventId, row.requesterId(), new MeetingNews.News(row.id(), "no-longer-fits",
                        at + why.requesterWhy() + after));
                news.tell(eventId, row.inviteeId(), new MeetingNews.News(row.id(), "no-longer-fits",
                        at + why.inviteeWhy() + after));
            }
        }
    }

    /**
     * One person's side of a meet-up after a change: the items they follow, and those of them in the way of the
     * meet-up that the change touched. Items they bookmarked over it that the change left alone are not in the way:
     * they chose them.
     */
    private record Side(Set<String> follows, List<String> brokenBy, boolean overlapsIt) {

        static Side of(BusyTimes.Plan plan, Set<String> changed, Meetings.Row row, Venues.MeetingPlace place,
                SlotPlanner.Walks walks) {
            List<BusyTimes.Busy> busy = plan.busy().stream().filter(item -> changed.contains(item.itemId())
                    || !MeetingsAfterChanges.overlaps(item, row.startsAt(), row.endsAt())).toList();
            List<BusyTimes.Busy> inTheWay = SlotPlanner.inTheWay(busy, place, walks, row.startsAt(), row.endsAt())
                    .stream().filter(item -> changed.contains(item.itemId())).toList();
            return new Side(plan.busy().stream().map(BusyTimes.Busy::itemId).collect(Collectors.toSet()),
                    inTheWay.stream().map(BusyTimes.Busy::itemId).toList(),
                    inTheWay.stream().anyMatch(item -> MeetingsAfterChanges.overlaps(item, row.startsAt(), row.endsAt())));
        }

        /** Why, in this person's words: what they follow named, and the way it breaks said to them. */
        String why(Side other, Set<String> broke, Map<String, Cause> causes) {
            Set<String> parts = new LinkedHashSet<>();
            for (String item : broke) {
                parts.add(follows.contains(item) ? causes.get(item).named() : causes.get(item).unnamed());
            }
            String said = String.join("; ", parts);
            String how = !brokenBy.isEmpty()
                    ? (overlapsIt ? "it now overlaps a session you follow" : "you no longer have the time to get there")
                    : (other.overlapsIt() ? "it now overlaps a session one of you follows"
                            : "one of you no longer has the time to get there");
            return Character.toUpperCase(said.charAt(0)) + said.substring(1) + ", and " + how + ".";
        }

        /** The causes this person is told of: the broken items they follow, with the kind of change. */
        List<String> causes(String kind, Set<String> broke) {
            return broke.stream().filter(follows::contains).map(item -> kind + ":" + item).toList();
        }
    }

    /** The ids of the changed items of one kind: {@code session-12} is session 12. */
    private static List<Long> idsOf(Set<String> items, String prefix) {
        return items.stream().filter(item -> item.startsWith(prefix))
                .map(item -> Long.valueOf(item.substring(prefix.length()))).toList();
    }

    private static List<String> itemsOf(long sessionId, Long blockId) {
        return blockId == null ? List.of("session-" + sessionId) : List.of("session-" + sessionId, "block-" + blockId);
    }

    private static boolean overlaps(BusyTimes.Busy item, Instant start, Instant end) {
        return item.startsAt().isBefore(end) && item.endsAt().isAfter(start);
    }

    private static String roomName(Long roomId) {
        return roomId == null ? "no room" : Room.<Room> findByIdOptional(roomId).map(room -> room.name).orElse("another room");
    }
}
