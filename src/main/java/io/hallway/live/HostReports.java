package io.hallway.live;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.AfterCommit;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.schedule.BlockView;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionInterest;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;

/**
 * What a room's host reports during the day: running late, on time again, when a session actually started or
 * ended. Each report locks the event's row, like a schedule change, so that reports and schedule changes of an
 * event (and the change-feed entries they write) follow one another in commit order, and reads the schedule as
 * it stands (drafts too, as every admin operation does). It changes no schedule row and no schedule version.
 */
@ApplicationScoped
class HostReports {

    /** The longest delay, and the farthest an actual time may lie from the plan, that a report may state. */
    static final int MAX_MINUTES = 240;

    /** An event locked for a report, its schedule, the room reported on and the expected times before it. */
    private record Locked(Event event, ScheduleSnapshot snapshot, RoomView room, ExpectedTimes before, Instant now) {

        ZoneId zone() {
            return event.zone();
        }
    }

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    LiveTimes times;

    @Inject
    LiveDocuments documents;

    @Inject
    SessionInterest interest;

    @Inject
    LiveClock clock;

    @Inject
    LiveConfig config;

    @Inject
    AuditLog audit;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.enterprise.event.Event<ExpectedStartsMoved> moved;

    @Inject
    jakarta.enterprise.event.Event<ExpectedTimesChanged> changed;

    /** "Running N minutes late", said of the session or block in progress now, or the next one today. */
    @Transactional
    LiveDocument.RoomLive runningLate(String slug, long roomId, int minutes) {
        Locked locked = lock(slug, roomId);
        Propagation.Timed unit = inProgressOrNext(locked).orElseThrow(() -> Problem.of(ProblemType.NOTHING_IN_PROGRESS,
                "Nothing runs in " + locked.room().name() + " now and nothing more starts there today."));
        LiveReport report = LiveReport.about(locked.event().id, unit.unit().id());
        report.delayMinutes = minutes;
        save(report, locked.now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("minutes", minutes);
        details.putAll(named(unit.unit().id()));
        audit.record(locked.event().id, AuditAction.RUNNING_LATE, AuditResource.ROOM, roomId, null, null, details);
        return settle(locked);
    }

    /** "On time again": every report about the room's sessions and blocks is withdrawn. */
    @Transactional
    void onTimeAgain(String slug, long roomId) {
        Locked locked = lock(slug, roomId);
        for (Propagation.Timed unit : locked.before().rooms().getOrDefault(roomId, List.of())) {
            Propagation.UnitId id = unit.unit().id();
            LiveReport.delete(id.type() == Propagation.UnitType.SESSION ? "sessionId" : "blockId", id.id());
        }
        audit.record(locked.event().id, AuditAction.ON_TIME_AGAIN, AuditResource.ROOM, roomId, null, null);
        settle(locked);
    }

    /** When a session (or a whole lightning block) of the room actually started or ended; what is not given stays. */
    @Transactional
    LiveDocument.RoomLive actualTimes(String slug, long roomId, Propagation.UnitId unit, OffsetDateTime startedAt,
            OffsetDateTime endedAt) {
        Locked locked = lock(slug, roomId);
        ExpectedTimes.Timing planned = timingOf(locked, unit);
        LiveReport report = LiveReport.about(locked.event().id, unit);
        if (startedAt != null) {
            report.startedAt = checked("startedAt", startedAt.toInstant(), planned.plannedStart(), locked.now());
            // Said last, the start replaces what a delay said before it: the session runs its planned length from
            // there. A delay said after it is kept next to it and moves only the end (see Propagation).
            report.delayMinutes = null;
        }
        if (endedAt != null) {
            report.endedAt = checked("endedAt", endedAt.toInstant(), planned.plannedEnd(), locked.now());
        }
        if (report.startedAt != null && report.endedAt != null && report.endedAt.isBefore(report.startedAt)) {
            throw Problem.invalid("endedAt", "must not be before the session started ("
                    + OffsetDateTime.ofInstant(report.startedAt, locked.zone()) + ")");
        }
        save(report, locked.now());
        Map<String, Object> details = new LinkedHashMap<>(named(unit));
        if (startedAt != null) {
            details.put("startedAt", startedAt.toInstant().toString());
        }
        if (endedAt != null) {
            details.put("endedAt", endedAt.toInstant().toString());
        }
        audit.record(locked.event().id, AuditAction.ACTUAL_TIMES,
                unit.type() == Propagation.UnitType.SESSION ? AuditResource.SESSION : AuditResource.BLOCK, unit.id(),
                null, null, details);
        return settle(locked);
    }

    private Locked lock(String slug, long roomId) {
        Event event = Event.lockBySlugOr404(slug);
        ScheduleSnapshot snapshot = snapshots.current(new ScheduleSnapshots.VersionRef(event.id, event.publicVersion()))
                .snapshot();
        RoomView room = snapshot.rooms().stream().filter(r -> r.id() == roomId).findFirst()
                .orElseThrow(() -> Problem.notFound("No room " + roomId + " in this event."));
        return new Locked(event, snapshot, room, ExpectedTimes.of(snapshot, times.stored(event.id).byUnit()), clock.now());
    }

    /** The unit running now by the expected times, else the next one to start the same day in the event's zone. */
    private static Optional<Propagation.Timed> inProgressOrNext(Locked locked) {
        var today = locked.now().atZone(locked.zone()).toLocalDate();
        return locked.before().rooms().getOrDefault(locked.room().id(), List.of()).stream()
                .filter(unit -> unit.expectedEnd().isAfter(locked.now()))
                .filter(unit -> !unit.expectedStart().isAfter(locked.now())
                        || unit.expectedStart().atZone(locked.zone()).toLocalDate().equals(today))
                .findFirst();
    }

    /** The planned times of a session or block of this room; 404 if it is not the event's, 409 if not reportable. */
    private static ExpectedTimes.Timing timingOf(Locked locked, Propagation.UnitId unit) {
        long roomId = locked.room().id();
        if (unit.type() == Propagation.UnitType.BLOCK) {
            BlockView block = locked.snapshot().blocks().stream().filter(b -> b.id() == unit.id()).findFirst()
                    .orElseThrow(() -> Problem.notFound("No lightning block " + unit.id() + " in this event."));
            if (block.roomId() != roomId) {
                throw inAnotherRoom("'" + block.title() + "'", block.roomId(), locked);
            }
        } else {
            SessionView session = locked.snapshot().sessions().stream().filter(s -> s.id() == unit.id()).findFirst()
                    .orElseThrow(() -> Problem.notFound("No session " + unit.id() + " in this event."));
            if (session.status() == SessionStatus.CANCELLED) {
                throw Problem.of(ProblemType.SESSION_CANCELLED, "'" + session.title() + "' is cancelled.");
            }
            if (session.roomId() == null || session.roomId() != roomId) {
                throw inAnotherRoom("'" + session.title() + "'", session.roomId(), locked);
            }
            if (session.blockId() != null) {
                throw Problem.of(ProblemType.TALK_IN_A_BLOCK, "'" + session.title()
                        + "' runs with its lightning block: report the block's times (blockId " + session.blockId() + ").");
            }
        }
        Map<Long, ExpectedTimes.Timing> byId = unit.type() == Propagation.UnitType.BLOCK ? locked.before().blocks()
                : locked.before().sessions();
        return byId.get(unit.id());
    }

    private static Problem inAnotherRoom(String what, Long roomId, Locked locked) {
        return Problem.of(ProblemType.SESSION_IN_ANOTHER_ROOM, what + " is not in " + locked.room().name()
                + (roomId == null ? "; it has no room." : "; it is in room " + roomId + "."));
    }

    private static Instant checked(String field, Instant reported, Instant planned, Instant now) {
        if (reported.isAfter(now)) {
            throw Problem.invalid(field, "must not be in the future");
        }
        if (Duration.between(planned, reported).abs().compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw Problem.invalid(field, "must be within " + MAX_MINUTES / 60 + " hours of the planned time");
        }
        return reported;
    }

    private static void save(LiveReport report, Instant now) {
        report.reportedAt = now;
        report.persist();
        LiveReport.flush();
    }

    private static Map<String, Object> named(Propagation.UnitId unit) {
        return Map.of(unit.type() == Propagation.UnitType.SESSION ? "sessionId" : "blockId", unit.id());
    }

    /**
     * After a report: tells the followers of the sessions it moved by the change threshold, announces every move
     * of an expected time to the features that keep times next to the sessions, drops this replica's memory of the event's
     * reports and live document once committed, and answers the room as the live document will show it.
     */
    private LiveDocument.RoomLive settle(Locked locked) {
        long eventId = locked.event().id;
        ExpectedTimes after = ExpectedTimes.of(locked.snapshot(), times.stored(eventId).byUnit());
        List<ExpectedStartsMoved.Move> moves = moves(locked, after);
        if (!moves.isEmpty()) {
            moved.fire(new ExpectedStartsMoved(eventId, locked.event().publicVersion(), locked.room().name(), moves));
        }
        List<ExpectedTimesChanged.Change> changes = changes(locked, after);
        if (!changes.isEmpty()) {
            changed.fire(new ExpectedTimesChanged(eventId, locked.room().name(), changes));
        }
        AfterCommit.run(transactions, () -> {
            times.forget(eventId);
            documents.forget(eventId);
        });
        String liveStatus = Room.findInEvent(locked.event(), locked.room().id()).map(room -> room.liveStatus)
                .orElse(locked.room().liveStatus());
        return LiveDocuments.room(locked.snapshot(), locked.room(), liveStatus, after, interest.of(eventId),
                locked.now());
    }

    /** The sessions not started yet whose expected start moved by at least the change threshold. */
    private List<ExpectedStartsMoved.Move> moves(Locked locked, ExpectedTimes after) {
        Map<Long, SessionView> sessions = new HashMap<>();
        locked.snapshot().sessions().forEach(session -> sessions.put(session.id(), session));
        List<ExpectedStartsMoved.Move> moves = new ArrayList<>();
        locked.before().sessions().forEach((id, before) -> {
            ExpectedTimes.Timing now = after.sessions().get(id);
            if (now == null || !before.expectedStart().isAfter(locked.now())) {
                return;
            }
            Duration moved = Duration.between(before.expectedStart(), now.expectedStart()).abs();
            if (moved.compareTo(config.changeThreshold()) >= 0) {
                SessionView session = sessions.get(id);
                moves.add(new ExpectedStartsMoved.Move(id, session.blockId(), session.kind().wireName(),
                        now.plannedStart(), before.expectedStart(), now.expectedStart()));
            }
        });
        moves.sort(Comparator.comparing(ExpectedStartsMoved.Move::plannedStart)
                .thenComparingLong(ExpectedStartsMoved.Move::sessionId));
        return moves;
    }

    /** Every session whose expected start or end the report moved, by any amount, in planned order. */
    private static List<ExpectedTimesChanged.Change> changes(Locked locked, ExpectedTimes after) {
        List<ExpectedTimesChanged.Change> changes = new ArrayList<>();
        for (SessionView session : locked.snapshot().sessions()) {
            ExpectedTimes.Timing before = locked.before().sessions().get(session.id());
            ExpectedTimes.Timing now = after.sessions().get(session.id());
            if (before == null || now == null || (before.expectedStart().equals(now.expectedStart())
                    && before.expectedEnd().equals(now.expectedEnd()))) {
                continue;
            }
            changes.add(new ExpectedTimesChanged.Change(session.id(), session.blockId(), session.title(),
                    now.plannedStart(), now.plannedEnd(), before.expectedStart(), before.expectedEnd(),
                    now.expectedStart(), now.expectedEnd()));
        }
        changes.sort(Comparator.comparing(ExpectedTimesChanged.Change::plannedStart)
                .thenComparingLong(ExpectedTimesChanged.Change::sessionId));
        return changes;
    }
}
