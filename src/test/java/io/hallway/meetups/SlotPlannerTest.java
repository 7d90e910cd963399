package io.hallway.meetups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.agenda.BusyTimes.Busy;
import io.hallway.agenda.BusyTimes.Day;
import io.hallway.venue.Venues.MeetingPlace;

/**
 * Slots and places on hand-built agendas. Room 1 and room 2 are at the two ends of a hall: the coffee bar is a
 * minute from room 1 and ten from room 2, the lounge the other way round, and the meeting point in the middle
 * four minutes from room 1 and five from room 2 (the same both ways).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SlotPlannerTest {

    static final MeetingPlace COFFEE = new MeetingPlace("coffee", "Coffee bar", "coffee");
    static final MeetingPlace MIDDLE = new MeetingPlace("middle", "Meeting point", "meeting-point");
    static final MeetingPlace LOUNGE = new MeetingPlace("lounge", "Lounge", "lounge");
    static final List<MeetingPlace> PLACES = List.of(COFFEE, MIDDLE, LOUNGE);

    static final Map<String, Integer> MINUTES = Map.of("1>coffee", 1, "1>middle", 4, "1>lounge", 10,
            "2>coffee", 10, "2>middle", 5, "2>lounge", 1);

    static final SlotPlanner.Walks WALKS = new SlotPlanner.Walks() {
        @Override
        public Optional<Duration> toPlace(long fromRoomId, String placeId) {
            return Optional.ofNullable(MINUTES.get(fromRoomId + ">" + placeId)).map(Duration::ofMinutes);
        }

        @Override
        public Optional<Duration> fromPlace(String placeId, long toRoomId) {
            return toPlace(toRoomId, placeId);
        }
    };

    static final List<Day> DAY = List.of(new Day(at("09:00"), at("17:00")));

    static Instant at(String clock) {
        return Instant.parse("2030-05-02T" + clock + ":00Z");
    }

    static Busy busy(String from, String to, long room) {
        return new Busy("session-" + room + from, at(from), at(to), room);
    }

    @Test
    void the_place_is_the_one_that_makes_the_longer_walk_shortest_and_a_walk_that_does_not_fit_refuses_the_slot() {
        List<Busy> ada = List.of(busy("09:00", "10:00", 1));
        List<Busy> bruno = List.of(busy("09:00", "10:00", 2));

        var slots = SlotPlanner.propose(ada, bruno, DAY, PLACES, WALKS, Duration.ofMinutes(15), at("09:00"), 3);

        // 10:00 leaves nobody time to walk anywhere; at 10:05 the coffee bar is ten minutes from Bruno's room (does
        // not fit), the lounge ten from Ada's; the meeting point is four and five: the longer walk is five.
        assertEquals(3, slots.size());
        assertEquals(at("10:05"), slots.get(0).startsAt());
        assertEquals(at("10:20"), slots.get(0).endsAt());
        assertEquals(MIDDLE, slots.get(0).place());
        assertEquals(Duration.ofMinutes(4), slots.get(0).requesterWalk());
        assertEquals(Duration.ofMinutes(5), slots.get(0).inviteeWalk());
        // Each further slot starts once the one before has ended.
        assertEquals(at("10:20"), slots.get(1).startsAt());
        assertEquals(at("10:35"), slots.get(2).startsAt());
    }

    @Test
    void a_slot_whose_walk_to_the_next_session_does_not_fit_is_refused() {
        List<Busy> ada = List.of(busy("10:30", "11:00", 1));
        List<Busy> bruno = List.of();

        var slots = SlotPlanner.propose(ada, bruno, DAY, PLACES, WALKS, Duration.ofMinutes(30), at("10:00"), 1);

        // 10:00-10:30 would leave Ada no minute to walk on to room 1, even from the coffee bar next door.
        assertEquals(at("11:05"), slots.get(0).startsAt());
        assertEquals(COFFEE, slots.get(0).place());
        // Before the first session of her day, or after the last, a walk costs nothing: Bruno comes from nowhere.
        assertEquals(Duration.ZERO, slots.get(0).inviteeWalk());
        assertEquals(Duration.ofMinutes(1), slots.get(0).requesterWalk());
    }

    @Test
    void a_session_expected_to_end_later_moves_the_slot() {
        List<Busy> onTime = List.of(busy("09:00", "10:00", 1));
        List<Busy> late = List.of(busy("09:12", "10:12", 1));

        var before = SlotPlanner.propose(onTime, List.of(), DAY, PLACES, WALKS, Duration.ofMinutes(15), at("09:00"), 1);
        var after = SlotPlanner.propose(late, List.of(), DAY, PLACES, WALKS, Duration.ofMinutes(15), at("09:00"), 1);

        assertEquals(at("10:05"), before.get(0).startsAt());
        assertEquals(at("10:15"), after.get(0).startsAt());
    }

    @Test
    void without_meeting_places_slots_come_without_a_place_and_only_the_free_time_counts() {
        List<Busy> ada = List.of(busy("09:00", "10:00", 1));

        var slots = SlotPlanner.propose(ada, List.of(), DAY, List.of(), WALKS, Duration.ofMinutes(15), at("09:00"), 1);

        assertEquals(at("10:00"), slots.get(0).startsAt());
        assertNull(slots.get(0).place());
    }

    @Test
    void slots_stay_within_the_day_and_after_now_on_five_minute_marks() {
        List<Busy> ada = List.of(busy("09:00", "16:50", 1));
        assertTrue(SlotPlanner.propose(ada, List.of(), DAY, PLACES, WALKS, Duration.ofMinutes(15), at("09:00"), 3)
                .isEmpty());

        var slots = SlotPlanner.propose(List.of(), List.of(), DAY, PLACES, WALKS, Duration.ofMinutes(30),
                at("12:01").plusSeconds(30), 1);
        assertEquals(at("12:05"), slots.get(0).startsAt());
    }

    @Test
    void in_the_way_of_a_fixed_meeting_are_the_items_overlapping_it_else_the_neighbours_whose_walk_no_longer_fits() {
        Busy before = busy("09:00", "10:03", 1);
        Busy after = busy("10:22", "11:00", 2);
        Busy elsewhere = busy("12:00", "13:00", 1);

        // 10:05-10:20 at the meeting point: four minutes from the talk before (ends 10:03: too late), five to the
        // one after (starts 10:22: too early); the one at noon is not in the way.
        assertEquals(List.of(before, after), SlotPlanner.inTheWay(List.of(before, after, elsewhere), MIDDLE, WALKS,
                at("10:05"), at("10:20")));
        // At the coffee bar the walk from room 1 is a minute, but from it to room 2 ten.
        assertEquals(List.of(after), SlotPlanner.inTheWay(List.of(before, after), COFFEE, WALKS, at("10:05"), at("10:20")));
        // An item overlapping it is in the way whatever the walks, and it alone.
        Busy over = busy("10:10", "10:40", 2);
        assertEquals(List.of(over), SlotPlanner.inTheWay(List.of(before, over), MIDDLE, WALKS, at("10:05"), at("10:20")));
        // Without a place only overlaps count; with time for both walks nothing is in the way.
        assertEquals(List.of(), SlotPlanner.inTheWay(List.of(before, after), null, WALKS, at("10:05"), at("10:20")));
        assertEquals(List.of(), SlotPlanner.inTheWay(List.of(busy("09:00", "10:00", 1), busy("10:30", "11:00", 2)), MIDDLE,
                WALKS, at("10:05"), at("10:20")));
    }
}
