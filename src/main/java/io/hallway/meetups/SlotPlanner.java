package io.hallway.meetups;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.hallway.agenda.BusyTimes.Busy;
import io.hallway.agenda.BusyTimes.Day;
import io.hallway.venue.Venues.MeetingPlace;

/**
 * Where and when two people can meet, from their busy times and walking times alone (no database, no clock):
 * the pure half of a meet-up request, unit-tested on hand-built agendas.
 * <p>
 * The rules. A slot lies within one day's opening hours (first session's start to last session's end), starts
 * on a five-minute mark no earlier than {@code notBefore}, and overlaps nobody's bookmarked item. Each person
 * comes from the room of their item that ended last before the slot and goes on to the room of their next one;
 * the walk there must fit between that item's expected end and the slot's start, and the walk on between the
 * slot's end and the next item's expected start. Before a person's first item or after their last, they come
 * from and go on to nowhere: that leg costs nothing. A person's walk is the longer of their two legs; the place
 * is the one minimising the longer of the two people's walks (then the shorter total, then map order). Where no
 * walk is known (no map, or a room not on it) a leg costs nothing. Without places, slots come without a place.
 * The soonest slot comes first; each further slot starts no earlier than the end of the one before, so three
 * proposals are three different moments.
 */
final class SlotPlanner {

    static final Duration STEP = Duration.ofMinutes(5);

    /** Walking times in the venue; empty where unknown. */
    interface Walks {
        Optional<Duration> toPlace(long fromRoomId, String placeId);

        Optional<Duration> fromPlace(String placeId, long toRoomId);
    }

    /** A proposed slot: when, and where with each person's walk (null place: the venue has none to offer). */
    record Slot(Instant startsAt, Instant endsAt, MeetingPlace place, Duration requesterWalk, Duration inviteeWalk) {
    }

    private SlotPlanner() {
    }

    /** Up to {@code count} slots of {@code length} for both people, soonest first. */
    static List<Slot> propose(List<Busy> requester, List<Busy> invitee, List<Day> days, List<MeetingPlace> places,
            Walks walks, Duration length, Instant notBefore, int count) {
        List<Slot> slots = new ArrayList<>();
        Instant from = notBefore;
        for (Day day : days) {
            Instant start = ceilToStep(later(day.opens(), from));
            while (slots.size() < count && !start.plus(length).isAfter(day.closes())) {
                Optional<Slot> slot = at(requester, invitee, places, walks, start, length);
                if (slot.isPresent()) {
                    slots.add(slot.get());
                    start = ceilToStep(slot.get().endsAt());
                } else {
                    start = start.plus(STEP);
                }
            }
        }
        return slots;
    }

    /** The slot at exactly this start, at the best place both can reach in time, if there is one. */
    static Optional<Slot> at(List<Busy> requester, List<Busy> invitee, List<MeetingPlace> places, Walks walks,
            Instant start, Duration length) {
        Instant end = start.plus(length);
        if (overlaps(requester, start, end) || overlaps(invitee, start, end)) {
            return Optional.empty();
        }
        if (places.isEmpty()) {
            return Optional.of(new Slot(start, end, null, null, null));
        }
        return places.stream().map(place -> {
            Optional<Duration> a = walk(requester, place, walks, start, end);
            Optional<Duration> b = walk(invitee, place, walks, start, end);
            return a.isPresent() && b.isPresent() ? Optional.of(new Slot(start, end, place, a.get(), b.get()))
                    : Optional.<Slot> empty();
        }).flatMap(Optional::stream).min(Comparator.comparing((Slot s) -> longer(s.requesterWalk(), s.inviteeWalk()))
                .thenComparing(s -> s.requesterWalk().plus(s.inviteeWalk())));
    }

    /** The longer of the person's two legs, when both fit in their free time around the slot. */
    private static Optional<Duration> walk(List<Busy> busy, MeetingPlace place, Walks walks, Instant start, Instant end) {
        Legs legs = legs(busy, place, walks, start, end);
        return legs.thereFits() && legs.onFits() ? Optional.of(longer(legs.there(), legs.on())) : Optional.empty();
    }

    /**
     * What keeps one person from a meet-up fixed at this time and place (null: without one): the items that overlap
     * it, else the item before it and the one after it whose walk to or from the place does not fit; empty when they
     * can make it. Empty for both people exactly when {@link #at} finds the slot at that one place.
     */
    static List<Busy> inTheWay(List<Busy> busy, MeetingPlace place, Walks walks, Instant start, Instant end) {
        List<Busy> overlapping = busy.stream().filter(item -> overlaps(item, start, end)).toList();
        if (!overlapping.isEmpty() || place == null) {
            return overlapping;
        }
        Legs legs = legs(busy, place, walks, start, end);
        List<Busy> tooClose = new ArrayList<>();
        if (!legs.thereFits()) {
            tooClose.add(legs.previous());
        }
        if (!legs.onFits()) {
            tooClose.add(legs.next());
        }
        return tooClose;
    }

    /** From the item that ended last before the slot to the place, and on to the next item; null: no such item. */
    private record Legs(Busy previous, Duration there, Busy next, Duration on, Instant start, Instant end) {

        boolean thereFits() {
            return previous == null || !previous.endsAt().plus(there).isAfter(start);
        }

        boolean onFits() {
            return next == null || !end.plus(on).isAfter(next.startsAt());
        }
    }

    private static Legs legs(List<Busy> busy, MeetingPlace place, Walks walks, Instant start, Instant end) {
        Busy previous = null;
        Busy next = null;
        for (Busy item : busy) {
            if (!item.endsAt().isAfter(start) && (previous == null || item.endsAt().isAfter(previous.endsAt()))) {
                previous = item;
            }
            if (!item.startsAt().isBefore(end) && (next == null || item.startsAt().isBefore(next.startsAt()))) {
                next = item;
            }
        }
        Duration there = previous == null || previous.roomId() == null ? Duration.ZERO
                : walks.toPlace(previous.roomId(), place.id()).orElse(Duration.ZERO);
        Duration on = next == null || next.roomId() == null ? Duration.ZERO
                : walks.fromPlace(place.id(), next.roomId()).orElse(Duration.ZERO);
        return new Legs(previous, there, next, on, start, end);
    }

    private static boolean overlaps(List<Busy> busy, Instant start, Instant end) {
        return busy.stream().anyMatch(item -> overlaps(item, start, end));
    }

    private static boolean overlaps(Busy item, Instant start, Instant end) {
        return item.startsAt().isBefore(end) && item.endsAt().isAfter(start);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The next five-minute mark (of the hour, in UTC, which is the same marks in every whole-quarter zone). */
    static Instant ceilToStep(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.MINUTES);
        long minutes = floor.getEpochSecond() / 60;
        long over = minutes % STEP.toMinutes();
        Instant mark = over == 0 ? floor : floor.plus(STEP.toMinutes() - over, ChronoUnit.MINUTES);
        return mark.isBefore(instant) ? mark.plus(STEP) : mark;
    }
}
