package io.hallway.meetups;

import java.time.Duration;
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
 * session is checked again by {@link SlotPlanner#at}'s rule, at its fixed time and place, against both agendas as
 * the database now holds them. One that no longer fits is marked with why ({@code noLongerFits}), and both people
 * get a {@code meeting} entry in their change feed. The why names a session only when both follow it: each sees
 * it, so it must not tell one what the other bookmarked. A release that changes many sessions is one check. The
 * meet-up stays accepted: they decide whether to cancel it, as they know better than a rule whether a few minutes
 * matter. A session one of them bookmarked over the meet-up on purpose is a conflict in their agenda, not a change
 * that broke it, so it is left out of the check.
 * <p>
 * After the commit, in a transaction of its own: the check reads the schedule and the reports as committed, and a
 * failed check never undoes the change that caused it.
 */
@ApplicationScoped
class MeetingsAfterChanges {

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
            recheck(changed.eventId(), zone, causes);
        });
    }

    /**
     * A session still scheduled that moved room or time: a new session has no followers yet, a deleted or cancelled
     * one only frees time.
     */
    private static boolean movesOrRetimes(SessionsChanged.Change change) {
        SessionView before = change.before();
        SessionView after = change.after();
        if (before == null || after == null || after.startsAt() == null || after.status() != SessionStatus.SCHEDULED) {
            return false;
        }
        return !Objects.equals(before.roomId(), after.roomId()) || !Objects.equals(before.startsAt(), after.startsAt())
                || !Objects.equals(before.endsAt(), after.endsAt());
    }

    private static String cause(SessionsChanged.Change change, ZoneId zone) {
        SessionView before = change.before();
        SessionView after = change.after();
        boolean moved = !Objects.equals(before.roomId(), after.roomId());
        boolean retimed = !Objects.equals(before.startsAt(), after.startsAt());
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
        String cause = late > 0 ? changed.roomName() + " is running " + late + " min late"
                : changed.roomName() + " is back on time";
        // A room's delay is on its public live document, and names no one's session.
        Map<String, Cause> causes = new HashMap<>();
        for (ExpectedTimesChanged.Change change : changed.changes()) {
            itemsOf(change.sessionId(), change.blockId()).forEach(item -> causes.put(item, new Cause(cause, cause)));
        }
        QuarkusTransaction.requiringNew().run(() -> recheck(changed.eventId(),
                Event.<Event> findById(changed.eventId()).zone(), causes));
    }

    /**
     * What happened to a changed item, in words for two people: naming the session when both follow it, and
     * without it when only one does, since the other must not learn what that one bookmarked.
     */
    private record Cause(String named, String unnamed) {
    }

    private static final String SOMEONES_SESSION = "a session one of you follows changed";

    /**
     * Checks again each accepted meet-up still to come whose people follow a changed item; {@code causes} says, per
     * changed item ({@code session-N}, {@code block-N}), what happened to it.
     */
    private void recheck(long eventId, ZoneId zone, Map<String, Cause> causes) {
        List<Meetings.Row> rows = meetings.stillFitting(eventId, clock.now());
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
            Set<String> followedCauses = told(requester.get(), invitee.get(), causes);
            if (followedCauses.isEmpty()) {
                continue;
            }
            List<BusyTimes.Busy> a = withoutChosenClashes(requester.get().busy(), causes.keySet(), row);
            List<BusyTimes.Busy> b = withoutChosenClashes(invitee.get().busy(), causes.keySet(), row);
            List<Venues.MeetingPlace> place = places.stream().filter(p -> p.id().equals(row.placeId())).toList();
            if (SlotPlanner.at(a, b, place, walks, row.startsAt(), Duration.between(row.startsAt(), row.endsAt()))
                    .isPresent()) {
                continue;
            }
            boolean overlaps = overlaps(a, row) || overlaps(b, row);
            String causesText = String.join("; ", followedCauses);
            String why = Character.toUpperCase(causesText.charAt(0)) + causesText.substring(1) + (overlaps
                    ? ", and it now overlaps a session one of you follows."
                    : ", and one of you no longer has the time to get there.");
            if (meetings.markNoLongerFits(row.id(), why)) {
                String text = "Your meet-up at " + MeetingRequests.clock(zone, row.startsAt())
                        + (row.placeName() == null ? "" : " (" + row.placeName() + ")") + " no longer fits: " + why
                        + " It stays in your agenda until one of you cancels it.";
                for (long person : List.of(row.requesterId(), row.inviteeId())) {
                    news.tell(eventId, person, new MeetingNews.News(row.id(), "no-longer-fits", text));
                }
            }
        }
    }

    private static List<String> itemsOf(long sessionId, Long blockId) {
        return blockId == null ? List.of("session-" + sessionId) : List.of("session-" + sessionId, "block-" + blockId);
    }

    /** The causes the two people are told, in their agendas' order: the changed items either of them follows. */
    private static Set<String> told(BusyTimes.Plan one, BusyTimes.Plan other, Map<String, Cause> causes) {
        Set<String> ones = followed(one, causes);
        Set<String> others = followed(other, causes);
        Set<String> told = new LinkedHashSet<>();
        for (String item : ones) {
            told.add(others.contains(item) ? causes.get(item).named() : causes.get(item).unnamed());
        }
        for (String item : others) {
            if (!ones.contains(item)) {
                told.add(causes.get(item).unnamed());
            }
        }
        return told;
    }

    private static Set<String> followed(BusyTimes.Plan plan, Map<String, Cause> causes) {
        return plan.busy().stream().map(BusyTimes.Busy::itemId).filter(causes::containsKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The person's items, but for those the change left alone that overlap the meet-up: bookmarked over it on purpose. */
    private static List<BusyTimes.Busy> withoutChosenClashes(List<BusyTimes.Busy> busy, Set<String> changed,
            Meetings.Row row) {
        return busy.stream().filter(item -> changed.contains(item.itemId()) || !overlaps(item, row.startsAt(),
                row.endsAt())).toList();
    }

    private static boolean overlaps(List<BusyTimes.Busy> busy, Meetings.Row row) {
        return busy.stream().anyMatch(item -> overlaps(item, row.startsAt(), row.endsAt()));
    }

    private static boolean overlaps(BusyTimes.Busy item, Instant start, Instant end) {
        return item.startsAt().isBefore(end) && item.endsAt().isAfter(start);
    }

    private static String roomName(Long roomId) {
        return roomId == null ? "no room" : Room.<Room> findByIdOptional(roomId).map(room -> room.name).orElse("another room");
    }
}
