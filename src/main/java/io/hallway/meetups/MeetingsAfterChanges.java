package io.hallway.meetups;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.hallway.agenda.BusyTimes;
import io.hallway.agenda.MeetingNews;
import io.hallway.live.ExpectedStartsMoved;
import io.hallway.live.LiveClock;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.SessionChanged;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;
import io.hallway.venue.Venues;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A room move, a new time or a delay of a session either person follows can leave an accepted meet-up without the
 * time for it. Once such a change has committed, each accepted meet-up still to come whose people follow the
 * session is checked again by {@link SlotPlanner#at}'s rule, at its fixed time and place, against both agendas as
 * the database now holds them; one that no longer fits is marked with why ({@code noLongerFits}) and both people
 * get a {@code meeting} entry in their change feed. It stays accepted: they decide whether to cancel it, as they
 * know better than a rule whether a few minutes matter. A session one of them bookmarked over the meet-up on
 * purpose is a conflict in their agenda, not a change that broke it, so it is left out of the check.
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

    void sessionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
        SessionView before = change.before();
        SessionView after = change.after();
        // A new session has no followers yet; a deleted or cancelled one only frees time.
        if (before == null || after == null || after.startsAt() == null || after.status() != SessionStatus.SCHEDULED) {
            return;
        }
        boolean moved = !Objects.equals(before.roomId(), after.roomId());
        boolean retimed = !Objects.equals(before.startsAt(), after.startsAt())
                || !Objects.equals(before.endsAt(), after.endsAt());
        if (!moved && !retimed) {
            return;
        }
        Set<String> items = new HashSet<>(itemsOf(after.id(), after.blockId()));
        items.addAll(itemsOf(before.id(), before.blockId()));
        QuarkusTransaction.requiringNew().run(() -> {
            ZoneId zone = Event.<Event> findById(change.eventId()).zone();
            String cause = "'" + after.title() + "'" + (moved ? " moved to " + roomName(after.roomId()) : "")
                    + (moved && retimed ? " and" : "") + (retimed ? " now starts "
                            + MeetingRequests.clock(zone, after.startsAt().toInstant()) : "");
            recheck(change.eventId(), zone, items, cause);
        });
    }

    void delayed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExpectedStartsMoved moved) {
        Set<String> items = new HashSet<>();
        long delay = 0;
        for (ExpectedStartsMoved.Move move : moved.moves()) {
            items.addAll(itemsOf(move.sessionId(), move.blockId()));
            delay = Math.max(delay, move.delayMinutes());
        }
        String cause = delay > 0 ? moved.roomName() + " is running " + delay + " min late"
                : moved.roomName() + " is back on time";
        QuarkusTransaction.requiringNew().run(() -> recheck(moved.eventId(),
                Event.<Event> findById(moved.eventId()).zone(), items, cause));
    }

    private void recheck(long eventId, ZoneId zone, Set<String> changed, String cause) {
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
                return;
            }
            if (!follows(requester.get(), changed) && !follows(invitee.get(), changed)) {
                continue;
            }
            List<BusyTimes.Busy> a = withoutChosenClashes(requester.get().busy(), changed, row);
            List<BusyTimes.Busy> b = withoutChosenClashes(invitee.get().busy(), changed, row);
            List<Venues.MeetingPlace> place = places.stream().filter(p -> p.id().equals(row.placeId())).toList();
            if (SlotPlanner.at(a, b, place, walks, row.startsAt(), Duration.between(row.startsAt(), row.endsAt()))
                    .isPresent()) {
                continue;
            }
            boolean overlaps = overlaps(a, row) || overlaps(b, row);
            String why = cause + (overlaps ? ", and it now overlaps a session one of you follows."
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

    private static boolean follows(BusyTimes.Plan plan, Set<String> changed) {
        return plan.busy().stream().anyMatch(item -> changed.contains(item.itemId()));
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
