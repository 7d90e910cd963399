package io.hallway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.hallway.schedule.BlockView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;

/**
 * Every scheduled session and lightning block of one schedule version with the times it is now expected at,
 * room by room ({@link Propagation}); a lightning talk moves with its block, keeping its place in it. Cancelled
 * sessions free their slot and have no expected times.
 */
public record ExpectedTimes(Map<Long, Timing> sessions, Map<Long, Timing> blocks,
        Map<Long, List<Propagation.Timed>> rooms) {

    /** A session's or block's planned and expected times. */
    public record Timing(Instant plannedStart, Instant plannedEnd, Instant expectedStart, Instant expectedEnd) {

        /** Minutes the expected start is behind the planned one (negative when it started early). */
        public long delayMinutes() {
            return Duration.between(plannedStart, expectedStart).toMinutes();
        }

        static Timing of(Propagation.Timed timed) {
            return new Timing(timed.unit().plannedStart(), timed.unit().plannedEnd(), timed.expectedStart(),
                    timed.expectedEnd());
        }
    }

    public Optional<Timing> session(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    public Optional<Timing> block(long id) {
        return Optional.ofNullable(blocks.get(id));
    }

    static ExpectedTimes of(ScheduleSnapshot snapshot, Map<Propagation.UnitId, Propagation.Report> reports) {
        Map<Long, List<Propagation.Unit>> units = new HashMap<>();
        for (SessionView session : snapshot.sessions()) {
            if (session.status() == SessionStatus.SCHEDULED && session.roomId() != null && session.blockId() == null) {
                units.computeIfAbsent(session.roomId(), room -> new ArrayList<>()).add(new Propagation.Unit(
                        Propagation.UnitId.session(session.id()), session.startsAt().toInstant(),
                        session.endsAt().toInstant()));
            }
        }
        for (BlockView block : snapshot.blocks()) {
            units.computeIfAbsent(block.roomId(), room -> new ArrayList<>()).add(new Propagation.Unit(
                    Propagation.UnitId.block(block.id()), block.startsAt().toInstant(), block.endsAt().toInstant()));
        }
        Map<Long, List<Propagation.Timed>> rooms = new HashMap<>();
        Map<Long, Timing> sessions = new HashMap<>();
        Map<Long, Timing> blocks = new HashMap<>();
        units.forEach((roomId, inRoom) -> {
            List<Propagation.Timed> timed = Propagation.expected(inRoom, reports);
            rooms.put(roomId, List.copyOf(timed));
            for (Propagation.Timed unit : timed) {
                Map<Long, Timing> byId = unit.unit().id().type() == Propagation.UnitType.SESSION ? sessions : blocks;
                byId.put(unit.unit().id().id(), Timing.of(unit));
            }
        });
        for (SessionView talk : snapshot.sessions()) {
            Timing block = talk.blockId() == null ? null : blocks.get(talk.blockId());
            if (block != null && talk.status() == SessionStatus.SCHEDULED) {
                Duration shift = Duration.between(block.plannedStart(), block.expectedStart());
                sessions.put(talk.id(), new Timing(talk.startsAt().toInstant(), talk.endsAt().toInstant(),
                        talk.startsAt().toInstant().plus(shift), talk.endsAt().toInstant().plus(shift)));
            }
        }
        return new ExpectedTimes(Map.copyOf(sessions), Map.copyOf(blocks), Map.copyOf(rooms));
    }
}
