package io.hallway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.live.Propagation.Report;
import io.hallway.live.Propagation.Timed;
import io.hallway.live.Propagation.Unit;
import io.hallway.live.Propagation.UnitId;

/** The expected-time rule against times computed by hand; one room's day, times in UTC. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PropagationTest {

    private static final UnitId OPENING = UnitId.session(1);
    private static final UnitId TALK = UnitId.session(2);
    private static final UnitId COFFEE = UnitId.session(3);
    private static final UnitId AFTER_COFFEE = UnitId.session(4);
    private static final UnitId LAST = UnitId.session(5);
    private static final UnitId LIGHTNING = UnitId.block(6);

    /** 09:00-09:30 opening, 09:30-10:00 talk, 10:00-10:10 coffee, 10:10-10:40 talk, 10:50-11:20 talk (a 10 min gap). */
    private static final List<Unit> DAY = List.of(
            unit(LAST, "10:50", "11:20"), unit(OPENING, "09:00", "09:30"), unit(TALK, "09:30", "10:00"),
            unit(COFFEE, "10:00", "10:10"), unit(AFTER_COFFEE, "10:10", "10:40"));

    @Test
    void without_reports_everything_is_expected_as_planned_in_planned_order() {
        List<Timed> timed = Propagation.expected(DAY, Map.of());

        assertEquals(List.of(OPENING, TALK, COFFEE, AFTER_COFFEE, LAST), timed.stream().map(t -> t.unit().id()).toList());
        assertStarts(timed, "09:00", "09:30", "10:00", "10:10", "10:50");
    }

    @Test
    void a_delay_is_absorbed_by_a_gap() {
        // The talk after coffee runs 8 late: ends 10:48; the last one was planned 10:50 after a 10-minute gap.
        List<Timed> timed = Propagation.expected(DAY, Map.of(AFTER_COFFEE, late(8)));

        assertStarts(timed, "09:00", "09:30", "10:00", "10:18", "10:50");
        assertEnds(timed, "09:30", "10:00", "10:10", "10:48", "11:20");
        assertEquals(8, timed.get(3).shift().toMinutes());
        assertEquals(0, timed.get(4).shift().toMinutes());
    }

    @Test
    void a_break_absorbs_what_it_can_and_the_rest_carries_across_two_talks() {
        // The opening runs 15 late: 09:15-09:45; the talk 09:45-10:15; the coffee 10:15-10:25 (no shorter, it is a
        // session too); the talk after it 10:25-10:55; the last one, planned 10:50, starts 10:55.
        List<Timed> timed = Propagation.expected(DAY, Map.of(OPENING, late(15)));

        assertStarts(timed, "09:15", "09:45", "10:15", "10:25", "10:55");
        assertEnds(timed, "09:45", "10:15", "10:25", "10:55", "11:25");
    }

    @Test
    void a_short_delay_is_absorbed_by_the_gap_before_the_last_talk() {
        // 4 late at the talk after coffee: it ends 10:44, before the last one's planned 10:50.
        List<Timed> timed = Propagation.expected(DAY, Map.of(AFTER_COFFEE, late(4)));

        assertStarts(timed, "09:00", "09:30", "10:00", "10:14", "10:50");
    }

    @Test
    void a_lightning_block_moves_as_one_unit() {
        // A 20-minute block 11:20-11:40 after the last talk, which runs 12 late (ends 11:32): the block 11:32-11:52.
        List<Unit> withBlock = new java.util.ArrayList<>(DAY);
        withBlock.add(unit(LIGHTNING, "11:20", "11:40"));
        List<Timed> timed = Propagation.expected(withBlock, Map.of(LAST, late(12)));

        Timed block = timed.get(5);
        assertEquals(LIGHTNING, block.unit().id());
        assertEquals(at("11:32"), block.expectedStart());
        assertEquals(at("11:52"), block.expectedEnd());
        assertEquals(12, block.shift().toMinutes());
    }

    @Test
    void ended_early_pulls_nothing_earlier_than_planned() {
        // The opening ended at 09:20, ten minutes early: the talk still starts 09:30.
        List<Timed> timed = Propagation.expected(DAY, Map.of(OPENING, new Report(null, null, at("09:20"))));

        assertEnds(timed, "09:20", "10:00", "10:10", "10:40", "11:20");
        assertStarts(timed, "09:00", "09:30", "10:00", "10:10", "10:50");
    }

    @Test
    void started_at_moves_the_session_and_ended_at_ends_it() {
        // The talk started 09:41 (the opening overran with nobody saying so) and ended 10:07: coffee 10:07-10:17,
        // the talk after it 10:17-10:47, the last one 10:50 as planned.
        List<Timed> timed = Propagation.expected(DAY, Map.of(TALK, new Report(null, at("09:41"), at("10:07"))));

        assertStarts(timed, "09:00", "09:41", "10:07", "10:17", "10:50");
        assertEnds(timed, "09:30", "10:07", "10:17", "10:47", "11:20");
    }

    @Test
    void started_late_and_still_running_late_ends_by_the_delay() {
        // Started 09:33 and said to run 10 late: it ends 10:10, the coffee 10:10-10:20.
        List<Timed> timed = Propagation.expected(DAY, Map.of(TALK, new Report(10, at("09:33"), null)));

        assertStarts(timed, "09:00", "09:33", "10:10", "10:20", "10:50");
    }

    private static void assertStarts(List<Timed> timed, String... clocks) {
        assertEquals(List.of(clocks).stream().map(PropagationTest::at).toList(),
                timed.stream().limit(clocks.length).map(Timed::expectedStart).toList());
    }

    private static void assertEnds(List<Timed> timed, String... clocks) {
        assertEquals(List.of(clocks).stream().map(PropagationTest::at).toList(),
                timed.stream().limit(clocks.length).map(Timed::expectedEnd).toList());
    }

    private static Report late(int minutes) {
        return new Report(minutes, null, null);
    }

    private static Unit unit(UnitId id, String from, String to) {
        return new Unit(id, at(from), at(to));
    }

    private static Instant at(String clock) {
        return Instant.parse("2024-11-10T" + clock + ":00Z");
    }
}
