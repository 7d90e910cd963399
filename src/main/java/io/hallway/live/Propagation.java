package io.hallway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The expected times of one room's sessions from their plan and what the host reported: a pure function, so the
 * rule is tested with hand-computed numbers. A unit is a session, or a whole lightning block (its talks keep their
 * places in it). Each unit starts at the later of its planned start and the expected end of the unit before it,
 * so a delay is absorbed by breaks and gaps as it is in the room, and nothing starts earlier than planned because
 * the one before ended early. A unit's own report overrides that for the unit itself:
 * <ul>
 * <li>"running N minutes late": it runs N minutes behind its plan, start and end;</li>
 * <li>"started at": its start, and its end its planned length later, unless it was said to run late since: then
 * its end is N minutes behind the planned one;</li>
 * <li>"ended at": its end.</li>
 * </ul>
 * What the host said last wins: a report holds a delay next to a start only when the delay was said after the start
 * ({@link HostReports} drops a delay when a start is reported).
 */
final class Propagation {

    private Propagation() {
    }

    enum UnitType {
        SESSION, BLOCK
    }

    record UnitId(UnitType type, long id) {

        static UnitId session(long id) {
            return new UnitId(UnitType.SESSION, id);
        }

        static UnitId block(long id) {
            return new UnitId(UnitType.BLOCK, id);
        }
    }

    record Unit(UnitId id, Instant plannedStart, Instant plannedEnd) {
    }

    /**
     * What the host said about one unit; any member may be null, not all of them. A delay next to a start was said
     * after it.
     */
    record Report(Integer delayMinutes, Instant startedAt, Instant endedAt) {
    }

    record Timed(Unit unit, Instant expectedStart, Instant expectedEnd) {

        /** How far the expected start is behind the planned one; negative when it started early. */
        Duration shift() {
            return Duration.between(unit.plannedStart(), expectedStart);
        }
    }

    private static final Comparator<Unit> PLANNED_ORDER = Comparator.comparing(Unit::plannedStart)
            .thenComparing(Unit::plannedEnd).thenComparing(u -> u.id().type()).thenComparingLong(u -> u.id().id());

    /** The units of one room, in planned order, with their expected times. */
    static List<Timed> expected(List<Unit> units, Map<UnitId, Report> reports) {
        List<Unit> ordered = new ArrayList<>(units);
        ordered.sort(PLANNED_ORDER);
        List<Timed> timed = new ArrayList<>(ordered.size());
        Instant previousEnd = null;
        for (Unit unit : ordered) {
            Duration length = Duration.between(unit.plannedStart(), unit.plannedEnd());
            Report report = reports.get(unit.id());
            Duration late = report == null || report.delayMinutes() == null ? null
                    : Duration.ofMinutes(report.delayMinutes());
            Instant start = expectedTime(report == null ? null : report.startedAt(), unit.plannedStart(), late,
                    previousEnd != null && previousEnd.isAfter(unit.plannedStart()) ? previousEnd : unit.plannedStart());
            Instant end = expectedTime(report == null ? null : report.endedAt(), unit.plannedEnd(), late,
                    start.plus(length));
            // It ended before it was expected to start: then it started by then.
            if (end.isBefore(start)) {
                start = end;
            }
            timed.add(new Timed(unit, start, end));
            previousEnd = end;
        }
        return timed;
    }

    /**
     * When a unit starts, or ends: the time the host reported wins; else a delay they reported moves the planned
     * time; with neither, {@code otherwise} (for a start, after the unit before if it overran; for an end, the
     * planned length after the start).
     */
    private static Instant expectedTime(Instant reported, Instant planned, Duration late, Instant otherwise) {
        if (reported != null) {
            return reported;
        }
        return late != null ? planned.plus(late) : otherwise;
    }
}
