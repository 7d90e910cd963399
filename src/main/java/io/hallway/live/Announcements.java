package io.hallway.live;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.AfterCommit;
import io.hallway.common.Problem;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.Session;
import io.hallway.schedule.SessionView;
import io.hallway.team.HostRooms;

/**
 * Posts, changes and withdraws announcements, the only code that writes them. An announcement names its audience
 * by a room, a level or a session of its own event; a host limited to rooms may address only the people of
 * those rooms.
 */
@ApplicationScoped
class Announcements {

    /** The longest an announcement may show: longer is a typo in a date, not a plan. */
    static final Duration LONGEST = Duration.ofDays(14);

    @Inject
    HostRooms hostRooms;

    @Inject
    AuditLog audit;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    LiveTimes times;

    @Inject
    LiveClock clock;

    @Inject
    LiveDocuments documents;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.enterprise.event.Event<AnnouncementStarted> started;

    Announcement post(Event event, AnnouncementRequest request) {
        Announcement announcement = new Announcement();
        announcement.eventId = event.id;
        announcement.postedAt = now();
        apply(event, announcement, request, announcement.postedAt);
        announcement.persist();
        Announcement.flush();
        if (!announcement.startsAt.isAfter(announcement.postedAt)) {
            deliver(announcement, announcement.postedAt);
        }
        audit.record(event.id, AuditAction.CREATE, AuditResource.ANNOUNCEMENT, announcement.id, null,
                announcement.version);
        showChanges(event);
        return announcement;
    }

    Announcement change(Event event, Announcement announcement, AnnouncementRequest request) {
        mayAddress(event, announcement);
        long versionBefore = announcement.version;
        Instant now = now();
        apply(event, announcement, request, now);
        Announcement.flush();
        // Delivered again as corrected, at once or at its new start: the change feeds skip whom it reached before, so
        // only the people a correction adds to its audience hear of it.
        announcement.deliveredAt = null;
        if (!announcement.startsAt.isAfter(now)) {
            deliver(announcement, now);
        }
        audit.record(event.id, AuditAction.UPDATE, AuditResource.ANNOUNCEMENT, announcement.id, versionBefore,
                announcement.version);
        showChanges(event);
        return announcement;
    }

    void withdraw(Event event, Announcement announcement) {
        mayAddress(event, announcement);
        announcement.delete();
        audit.record(event.id, AuditAction.DELETE, AuditResource.ANNOUNCEMENT, announcement.id, announcement.version,
                null);
        showChanges(event);
    }

    /** This replica's live document shows the change once it is committed; the others within their interval. */
    private void showChanges(Event event) {
        long eventId = event.id;
        AfterCommit.run(transactions, () -> documents.forget(eventId));
    }

    /**
     * Hands the announcement to its audience's change feeds (those it has not reached yet) and marks it delivered.
     * Its audience is read from the published schedule: for a room or a level, the sessions there whose expected
     * times, with the hosts' reports as stored now, overlap its time (when a room runs late, those are the people in
     * it or on their way). One whose time has passed unseen (the service was down all along), or of an unpublished
     * event, is marked without a feed entry.
     */
    void deliver(Announcement announcement, Instant now) {
        announcement.deliveredAt = now;
        if (!announcement.endsAt.isAfter(now)) {
            return;
        }
        // The event's row lock, as every writer of the change feeds holds it: their entries' ids follow commit order.
        Event.findById(announcement.eventId, LockModeType.PESSIMISTIC_WRITE);
        Optional<ScheduleSnapshots.VersionRef> published = snapshots.currentVersion(announcement.eventId);
        if (published.isEmpty()) {
            return;
        }
        ScheduleSnapshots.Built built = snapshots.current(published.get());
        ScheduleSnapshot schedule = built.snapshot();
        List<SessionView> addressed = switch (announcement.audience) {
            case EVERYONE -> List.of();
            case SESSION -> schedule.sessions().stream().filter(s -> s.id() == announcement.sessionId).toList();
            case ROOM, LEVEL -> {
                Set<Long> rooms = schedule.rooms().stream().filter(room -> announcement.audience == AudienceKind.ROOM
                        ? room.id() == announcement.roomId
                        : announcement.levelName.equals(room.levelName())).map(RoomView::id).collect(Collectors.toSet());
                ExpectedTimes expected = times.fresh(built);
                yield schedule.sessions().stream().filter(s -> s.roomId() != null && rooms.contains(s.roomId())
                        && expected.session(s.id()).filter(timing -> timing.expectedStart().isBefore(announcement.endsAt)
                                && timing.expectedEnd().isAfter(announcement.startsAt)).isPresent()).toList();
            }
        };
        started.fire(new AnnouncementStarted(announcement.eventId, published.get().scheduleVersion(), announcement.id,
                announcement.title, announcement.body, announcement.severity, announcement.startsAt,
                announcement.endsAt, announcement.audience == AudienceKind.EVERYONE,
                addressed.stream().map(SessionView::id).toList(),
                addressed.stream().map(SessionView::blockId).filter(Objects::nonNull).distinct().toList()));
    }

    /** The event's announcements showing at this instant, newest first. */
    List<AnnouncementView> active(long eventId, ZoneId zone, Instant at) {
        return Announcement.activeAt(eventId, at).stream().map(a -> AnnouncementView.from(a, zone)).toList();
    }

    /** Sets what the request says; {@code now} is the start when it names none, and what the end must be after. */
    private void apply(Event event, Announcement announcement, AnnouncementRequest request, Instant now) {
        AnnouncementRequest.Audience audience = request.audience();
        Long roomOfAudience = switch (audience.kind()) {
            case EVERYONE -> {
                only(audience, null);
                yield null;
            }
            case ROOM -> {
                only(audience, "roomId");
                Room.findInEvent(event, audience.roomId()).orElseThrow(
                        () -> Problem.invalid("audience.roomId", "no room " + audience.roomId() + " in this event"));
                yield audience.roomId();
            }
            case LEVEL -> {
                only(audience, "level");
                knownLevel(event, audience.level());
                yield null;
            }
            case SESSION -> {
                only(audience, "sessionId");
                Session session = Session.findInEvent(event, audience.sessionId()).orElseThrow(() -> Problem
                        .invalid("audience.sessionId", "no session " + audience.sessionId() + " in this event"));
                yield roomOf(session);
            }
        };
        hostRooms.check(event.id, roomOfAudience);
        Instant startsAt = request.startsAt() == null ? now : request.startsAt().toInstant();
        Instant endsAt = request.endsAt().toInstant();
        if (!endsAt.isAfter(startsAt)) {
            throw Problem.invalid("endsAt", "must be after startsAt");
        }
        if (!endsAt.isAfter(now)) {
            throw Problem.invalid("endsAt", "must be in the future; withdraw an announcement to end it now");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw Problem.invalid("endsAt", "must be at most " + LONGEST.toDays() + " days after startsAt");
        }
        announcement.title = request.title().strip();
        announcement.body = request.body().strip();
        announcement.severity = request.severity();
        announcement.audience = audience.kind();
        announcement.roomId = audience.roomId();
        announcement.levelName = audience.level();
        announcement.sessionId = audience.sessionId();
        announcement.startsAt = startsAt.truncatedTo(ChronoUnit.MICROS);
        announcement.endsAt = endsAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A host limited to rooms may change only what addresses their rooms. */
    private void mayAddress(Event event, Announcement announcement) {
        Long room = switch (announcement.audience) {
            case ROOM -> announcement.roomId;
            case SESSION -> roomOf(Session.inEvent(event, announcement.sessionId));
            case EVERYONE, LEVEL -> null;
        };
        hostRooms.check(event.id, room);
    }

    /** Refuses every field of the audience but the one its kind names (none for everyone). */
    private static void only(AnnouncementRequest.Audience audience, String named) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("roomId", audience.roomId());
        given.put("level", audience.level());
        given.put("sessionId", audience.sessionId());
        given.forEach((field, value) -> {
            if (field.equals(named) && value == null) {
                throw Problem.invalid("audience." + field, "is required for the audience " + audience.kind().wireName());
            }
            if (!field.equals(named) && value != null) {
                throw Problem.invalid("audience." + field, "does not go with the audience " + audience.kind().wireName());
            }
        });
    }

    private static void knownLevel(Event event, String level) {
        TreeSet<String> levels = new TreeSet<>();
        Room.ofEvent(event).stream().filter(room -> room.levelName != null).forEach(room -> levels.add(room.levelName));
        if (!levels.contains(level)) {
            throw Problem.invalid("audience.level", levels.isEmpty() ? "this event's rooms name no level"
                    : "must be a level of this event's rooms: " + String.join(", ", levels));
        }
    }

    /** A lightning talk is in its block's room, like any session. */
    private static Long roomOf(Session session) {
        return session.room == null ? null : session.room.id;
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }
}
