package io.hallway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;

/**
 * The rules a schedule keeps. Each broken rule is a problem a client can show; callers check them
 * before they change anything, inside the event lock, so two organizers cannot both pass a clash check.
 */
final class ScheduleRules {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Stands for "nothing is being moved" where a rule takes the id of what is. */
    static final long NONE = -1;

    private ScheduleRules() {
    }

    static void requireTimeWindow(Event event, Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw Problem.invalid("endsAt", "must be after startsAt");
        }
        if (startsAt.isBefore(event.opensAt()) || endsAt.isAfter(event.closesAt())) {
            throw Problem.invalid(startsAt.isBefore(event.opensAt()) ? "startsAt" : "endsAt",
                    "must lie within the event, " + event.startDate + " to " + event.endDate + " (" + event.timeZone + ")");
        }
    }

    /**
     * The longest a session may last, whatever its kind: the c3voc/frab {@code schedule.xml} that apps such as
     * Giggity and EventFahrplan read says a duration in hours and minutes, at most two digits of hours
     * ({@code [0-9]{1,2}:[0-9]{2}}), so a longer session could not be exported without a lie.
     */
    static final long LONGEST_SESSION_MINUTES = 99 * 60 + 59;

    static void requireDuration(Event event, SessionKind kind, Instant startsAt, Instant endsAt) {
        long minutes = Duration.between(startsAt, endsAt).toMinutes();
        if (minutes > LONGEST_SESSION_MINUTES) {
            throw Problem.invalid("endsAt", "a session lasts at most 99 hours 59 minutes, not " + minutes / 60
                    + " hours " + minutes % 60 + " minutes; split a longer one into several (one a day, say)");
        }
        event.durationLimit(kind).ifPresent(limit -> {
            if (kind == SessionKind.LIGHTNING_TALK && minutes != limit) {
                throw Problem.invalid("endsAt", "a lightning talk lasts exactly " + limit + " minutes, not " + minutes);
            }
            if (minutes > limit) {
                throw Problem.invalid("endsAt", "a " + kind.wireName() + " lasts at most " + limit + " minutes, not " + minutes);
            }
        });
    }

    /**
     * A room holds one thing at a time: a session, or a lightning block (whose talks the block stands for).
     * Cancelled sessions free their slot. The ids name what is being moved, so it does not clash with itself.
     */
    static void requireRoomFree(Event event, Room room, Instant startsAt, Instant endsAt, long movingSessionId,
            long movingBlockId) {
        if (room == null) {
            return;
        }
        Session clash = Session.<Session> find("""
                event = ?1 and room = ?2 and status = ?3 and block is null and startsAt < ?5 and endsAt > ?4
                and id <> ?6 order by startsAt""", event, room, SessionStatus.SCHEDULED, startsAt, endsAt,
                movingSessionId).firstResult();
        if (clash != null) {
            throw Problem.of(ProblemType.ROOM_ALREADY_IN_USE, room.name + " is taken by \"" + clash.title + "\" ("
                    + span(event, clash.startsAt, clash.endsAt) + ").").with("clashingSessionId", clash.id);
        }
        LightningBlock blockClash = LightningBlock.<LightningBlock> find("""
                event = ?1 and room = ?2 and startsAt < ?4 and endsAt > ?3 and id <> ?5 order by startsAt""",
                event, room, startsAt, endsAt, movingBlockId).firstResult();
        if (blockClash != null) {
            throw Problem.of(ProblemType.ROOM_ALREADY_IN_USE, room.name + " is taken by the lightning block \""
                    + blockClash.title + "\" (" + span(event, blockClash.startsAt, blockClash.endsAt) + ").")
                    .with("clashingBlockId", blockClash.id);
        }
    }

    /** Nobody speaks in two places at once. */
    static void requireSpeakersFree(Event event, Collection<Speaker> speakers, Instant startsAt, Instant endsAt,
            long movingSessionId) {
        requireSpeakersFree(event, speakers, startsAt, endsAt, List.of(movingSessionId));
    }

    /** Where a session would stand once laid out, to check before anything moves. */
    record Slot(Session session, Instant startsAt, Instant endsAt) {
    }

    /**
     * Nobody speaks in two places at once, for sessions about to move together (the talks of one or two
     * blocks): each scheduled one is checked against the schedule as stored, leaving out those that move,
     * and against the others that move, so a caller can check the whole layout before it changes a row.
     */
    static void requireSpeakersFree(Event event, List<Slot> slots) {
        List<Long> moving = slots.stream().map(slot -> slot.session().id).filter(Objects::nonNull).toList();
        List<Slot> scheduled = slots.stream().filter(slot -> slot.session().status == SessionStatus.SCHEDULED).toList();
        for (int i = 0; i < scheduled.size(); i++) {
            Slot slot = scheduled.get(i);
            requireSpeakersFree(event, slot.session().speakers, slot.startsAt(), slot.endsAt(), moving);
            for (Slot other : scheduled.subList(0, i)) {
                if (other.startsAt().isBefore(slot.endsAt()) && other.endsAt().isAfter(slot.startsAt())) {
                    var busy = other.session().speakers.stream().filter(slot.session().speakers::contains).findFirst();
                    if (busy.isPresent()) {
                        throw speakerBooked(event, busy.get(), other.session(), other.startsAt(), other.endsAt());
                    }
                }
            }
        }
    }

    private static void requireSpeakersFree(Event event, Collection<Speaker> speakers, Instant startsAt,
            Instant endsAt, List<Long> movingSessionIds) {
        if (speakers.isEmpty()) {
            return;
        }
        List<Session> clashes = Session.<Session> find("""
                select distinct s from Session s join s.speakers sp
                where s.event = ?1 and sp in ?2 and s.status = ?3 and s.startsAt < ?5 and s.endsAt > ?4
                and s.id not in ?6 order by s.startsAt""",
                event, speakers, SessionStatus.SCHEDULED, startsAt, endsAt,
                movingSessionIds.isEmpty() ? List.of(NONE) : movingSessionIds).list();
        for (Session clash : clashes) {
            Speaker busy = clash.speakers.stream().filter(speakers::contains).findFirst().orElseThrow();
            throw speakerBooked(event, busy, clash, clash.startsAt, clash.endsAt);
        }
    }

    private static Problem speakerBooked(Event event, Speaker busy, Session clash, Instant startsAt, Instant endsAt) {
        return Problem.of(ProblemType.SPEAKER_ALREADY_BOOKED, busy.name + " already speaks in \"" + clash.title
                + "\" (" + span(event, startsAt, endsAt) + ").")
                .with("clashingSessionId", clash.id).with("speakerId", busy.id);
    }

    static Room roomOf(Event event, Long roomId, String field) {
        if (roomId == null) {
            return null;
        }
        return Room.findInEvent(event, roomId)
                .orElseThrow(() -> Problem.invalid(field, "no room " + roomId + " in this event"));
    }

    static Track trackOf(Event event, Long trackId) {
        if (trackId == null) {
            return null;
        }
        return Track.findInEvent(event, trackId)
                .orElseThrow(() -> Problem.invalid("trackId", "no track " + trackId + " in this event"));
    }

    static List<Speaker> speakersOf(Event event, List<Long> speakerIds) {
        if (speakerIds == null || speakerIds.isEmpty()) {
            return List.of();
        }
        if (speakerIds.stream().anyMatch(Objects::isNull) || speakerIds.stream().distinct().count() != speakerIds.size()) {
            throw Problem.invalid("speakerIds", "must not contain duplicates or nulls");
        }
        List<Speaker> found = Speaker.list("event = ?1 and id in ?2", event, speakerIds);
        for (Long id : speakerIds) {
            if (found.stream().noneMatch(s -> s.id.equals(id))) {
                throw Problem.invalid("speakerIds", "no speaker " + id + " in this event");
            }
        }
        return speakerIds.stream().map(id -> found.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow())
                .toList();
    }

    private static String span(Event event, Instant startsAt, Instant endsAt) {
        var zone = event.zone();
        return CLOCK.format(startsAt.atZone(zone)) + "–" + DateTimeFormatter.ofPattern("HH:mm").format(endsAt.atZone(zone));
    }
}
