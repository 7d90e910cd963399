package io.hallway.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.live.AnnouncementSeverity;
import io.hallway.live.AnnouncementStarted;
import io.hallway.live.ExpectedStartsMoved;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.ScheduleCursors;
import io.hallway.schedule.ScheduleHistoryPurged;
import io.hallway.schedule.SessionChanged;

/**
 * Records, for everyone who bookmarked a session (or its lightning block), each change they would want
 * to hear about, inside the transaction that makes the change. This is the feed a push service reads.
 * <p>
 * Entries come in kinds: {@code schedule}, a change to the session itself (with before and after);
 * {@code delay}, a host's report that moved its expected start (with {@code delay}); and {@code announcement},
 * an announcement to the person that started showing (with {@code announcement}, and no session). Every writer
 * holds the event's row lock (schedule changes, host reports and announcement deliveries all take it), so entry
 * ids follow commit order within an event, and a reader pages by id: the feed grows between schedule versions,
 * as delays and announcements leave the version alone.
 */
@ApplicationScoped
class AgendaChangeLog {

    /** A schedule change: the session itself changed. */
    static final String SCHEDULE = "schedule";

    /** A host's delay report moved the session's expected start. */
    static final String DELAY = "delay";

    /** An announcement to the person started showing; it names no session. */
    static final String ANNOUNCEMENT = "announcement";

    /** A meet-up was requested of the person, or answered, counter-proposed or cancelled by the other side. */
    static final String MEETING = "meeting";

    /**
     * One change to one of my sessions. {@code schedule}: what it was, what it is now (null once deleted);
     * {@code delay}: the move of its expected start, in {@code delay}.
     */
    record Entry(@Schema(enumeration = { SCHEDULE, DELAY, ANNOUNCEMENT, MEETING }) String kind,
            @Schema(description = "The session; null for an announcement and a meeting") Long sessionId, long revision,
            List<String> changes, SessionState before, SessionState after, Delay delay, Announced announcement,
            @Schema(description = "For a meeting entry: which meet-up, and what happened to it") MeetingNews.News meeting,
            OffsetDateTime recordedAt) {
    }

    /** An announcement, as it read when it started showing. */
    @Schema(name = "ChangeAnnouncement")
    record Announced(long id, String title, String body, AnnouncementSeverity severity, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {

        static Announced of(StoredAnnouncement stored, ZoneId zone) {
            return new Announced(stored.id(), stored.title(), stored.body(), stored.severity(),
                    stored.startsAt().atZone(zone).toOffsetDateTime(), stored.endsAt().atZone(zone).toOffsetDateTime());
        }
    }

    /** An announcement entry's details as stored: instants, in no zone. */
    record StoredAnnouncement(long id, String title, String body, AnnouncementSeverity severity, Instant startsAt,
            Instant endsAt) {
    }

    /** A move of a session's expected start, with the sentence an app may show as it is. */
    @Schema(name = "ChangeDelay")
    record Delay(String roomName, String sessionKind, OffsetDateTime plannedStartsAt,
            OffsetDateTime previousExpectedStartsAt, OffsetDateTime expectedStartsAt, long delayMinutes,
            @Schema(example = "Theater is running 12 min late: your 14:00 talk now starts 14:12") String message) {

        private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

        /** The stored move in the event's zone, with its sentence. */
        static Delay of(StoredDelay stored, ZoneId zone) {
            OffsetDateTime planned = stored.plannedStartsAt().atZone(zone).toOffsetDateTime();
            OffsetDateTime expected = stored.expectedStartsAt().atZone(zone).toOffsetDateTime();
            long minutes = Duration.between(stored.plannedStartsAt(), stored.expectedStartsAt()).toMinutes();
            String what = "your " + CLOCK.format(planned) + " " + stored.sessionKind().replace('-', ' ');
            String message = minutes > 0
                    ? stored.roomName() + " is running " + minutes + " min late: " + what + " now starts " + CLOCK.format(expected)
                    : stored.roomName() + " is on time again: " + what + " starts " + CLOCK.format(expected) + " as planned";
            return new Delay(stored.roomName(), stored.sessionKind(), planned,
                    stored.previousExpectedStartsAt().atZone(zone).toOffsetDateTime(), expected, minutes, message);
        }
    }

    /** A delay entry's details as stored: instants, in no zone. */
    record StoredDelay(String roomName, String sessionKind, Instant plannedStartsAt, Instant previousExpectedStartsAt,
            Instant expectedStartsAt) {
    }

    /** An entry as stored: the session states or the delay as JSON text. */
    private record Stored(long id, String kind, Long sessionId, long revision, String before, String after,
            String details, Instant recordedAt) {
    }

    private static final long NO_BLOCK = -1;

    /** Each insert into the feed answers whom it reached, for {@link ChangeFeedGrew}. */
    private static final String RETURNING_RECIPIENTS = "returning user_id, id";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.enterprise.event.Event<ChangeFeedGrew> feedGrew;

    /** The schedule's history was purged: entries up to that revision can no longer be asked for. */
    void forget(@Observes ScheduleHistoryPurged purge) {
        entityManager.createNativeQuery("delete from agenda_change where event_id = ?1 and revision <= ?2")
                .setParameter(1, purge.eventId()).setParameter(2, purge.throughRevision()).executeUpdate();
    }

    void record(@Observes SessionChanged change) {
        if (change.before() == null) {
            return;
        }
        SessionState before = SessionState.of(change.before(), roomName(change.before().roomId()));
        SessionState after = change.after() == null ? null
                : SessionState.of(change.after(), roomName(change.after().roomId()));
        if (SessionState.differences(before, after).isEmpty()) {
            return;
        }
        Long blockId = change.before().blockId();
        List<ChangeFeedGrew.Recipient> recipients = entityManager.createNativeQuery("""
                insert into agenda_change (user_id, event_id, session_id, revision, before, after)
                select distinct user_id, ?1, ?2, ?3, cast(?4 as jsonb), nullif(cast(?5 as jsonb), 'null')
                from (""" + BookmarkStore.FOLLOWERS_OF_SESSION + ") followers " + RETURNING_RECIPIENTS,
                ChangeFeedGrew.Recipient.class)
                .setParameter(1, change.eventId()).setParameter(2, change.sessionId())
                .setParameter(3, change.revision()).setParameter(4, write(before))
                .setParameter(5, after == null ? "null" : write(after))
                .setParameter(6, blockId == null ? NO_BLOCK : blockId).getResultList();
        ZoneId zone = Event.<Event> findById(change.eventId()).zone();
        grew(new ChangeFeedGrew(change.eventId(), SCHEDULE, change.sessionId(), change.revision(),
                SessionState.differences(before, after), SessionState.sentence(before, after, zone), recipients));
    }

    /** A host's report moved the expected start of bookmarked sessions: one entry per session and follower. */
    void record(@Observes ExpectedStartsMoved moved) {
        ZoneId zone = Event.<Event> findById(moved.eventId()).zone();
        for (ExpectedStartsMoved.Move move : moved.moves()) {
            StoredDelay details = new StoredDelay(moved.roomName(), move.kind(), move.plannedStart(),
                    move.previousExpectedStart(), move.expectedStart());
            List<ChangeFeedGrew.Recipient> recipients = entityManager.createNativeQuery("""
                    insert into agenda_change (user_id, event_id, session_id, revision, kind, details)
                    select distinct user_id, ?1, ?2, ?3, ?4, cast(?5 as jsonb)
                    from (""" + BookmarkStore.FOLLOWERS_OF_SESSION + ") followers " + RETURNING_RECIPIENTS,
                    ChangeFeedGrew.Recipient.class)
                    .setParameter(1, moved.eventId()).setParameter(2, move.sessionId())
                    .setParameter(3, moved.revision()).setParameter(4, DELAY).setParameter(5, write(details))
                    .setParameter(6, move.blockId() == null ? NO_BLOCK : move.blockId()).getResultList();
            grew(new ChangeFeedGrew(moved.eventId(), DELAY, move.sessionId(), moved.revision(), List.of(DELAY),
                    Delay.of(details, zone).message(), recipients));
        }
    }

    /**
     * An announcement started showing: one entry for each person it is for, with no session. Everyone means
     * everyone with an agenda in the event.
     */
    void record(@Observes AnnouncementStarted started) {
        if (!started.everyone() && started.sessionIds().isEmpty() && started.blockIds().isEmpty()) {
            return;
        }
        StoredAnnouncement details = new StoredAnnouncement(started.announcementId(), started.title(), started.body(),
                started.severity(), started.startsAt(), started.endsAt());
        List<ChangeFeedGrew.Recipient> recipients = entityManager.createNativeQuery("""
                insert into agenda_change (user_id, event_id, session_id, revision, kind, details)
                select distinct user_id, ?1, cast(null as bigint), ?5, ?6, cast(?7 as jsonb)
                from (""" + BookmarkStore.ADDRESSED + ") people " + RETURNING_RECIPIENTS, ChangeFeedGrew.Recipient.class)
                .setParameter(1, started.eventId()).setParameter(2, started.everyone())
                .setParameter(3, orNone(started.sessionIds())).setParameter(4, orNone(started.blockIds()))
                .setParameter(5, started.revision()).setParameter(6, ANNOUNCEMENT).setParameter(7, write(details))
                .getResultList();
        grew(new ChangeFeedGrew(started.eventId(), ANNOUNCEMENT, null, started.revision(), List.of(ANNOUNCEMENT),
                started.title(), recipients));
    }

    /**
     * News of a meet-up for one person: an entry with no session, at the event's public version. Takes the event's
     * row lock like every other writer, so entry ids keep following commit order.
     */
    void record(long eventId, long userId, MeetingNews.News news) {
        Event event = Event.findById(eventId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<ChangeFeedGrew.Recipient> recipients = entityManager.createNativeQuery("""
                insert into agenda_change (user_id, event_id, session_id, revision, kind, details)
                values (?1, ?2, null, ?3, ?4, cast(?5 as jsonb)) """ + RETURNING_RECIPIENTS, ChangeFeedGrew.Recipient.class)
                .setParameter(1, userId).setParameter(2, eventId).setParameter(3, event.publicVersion())
                .setParameter(4, MEETING).setParameter(5, write(news)).getResultList();
        grew(new ChangeFeedGrew(eventId, MEETING, null, event.publicVersion(), List.of(news.what()), news.text(),
                recipients));
    }

    private void grew(ChangeFeedGrew grown) {
        if (!grown.recipients().isEmpty()) {
            feedGrew.fire(grown);
        }
    }

    /** An id list SQL can take in "in (...)", which refuses an empty one. */
    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? List.of(NO_BLOCK) : ids;
    }

    /**
     * Where a person's page ends at a schedule version: their last entry's id, and whether an entry that came
     * between versions (a delay or an announcement) of that very version is among theirs. Read before the page itself, so an entry committed in between (its id is higher: see
     * above) waits for the next page.
     */
    record Through(long lastId, boolean betweenVersionsAtVersion) {
    }

    Through through(long eventId, long userId, long version) {
        return (Through) entityManager.createNativeQuery("""
                select coalesce(max(id), 0), coalesce(bool_or(kind <> 'schedule' and revision = ?3), false)
                from agenda_change where event_id = ?1 and user_id = ?2 and revision <= ?3""", Through.class)
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, version).getSingleResult();
    }

    /** Every entry the person has in the event, for their export. */
    List<Entry> all(long eventId, long userId, ZoneId zone) {
        return between(eventId, userId, new ScheduleCursors.Position(Long.MIN_VALUE, false), Long.MAX_VALUE,
                Long.MAX_VALUE, zone);
    }

    /**
     * The person's entries after a cursor's position, up to the entry {@code throughId} of schedule version
     * {@code through}. A cursor without a feed position (the schedule's, or the feed's when no delay or
     * announcement was among the last page) stands for every schedule entry up to its version and every other entry
     * before it: a delay or announcement recorded at its version may have come after it was handed out.
     */
    List<Entry> between(long eventId, long userId, ScheduleCursors.Position since, long through, long throughId,
            ZoneId zone) {
        boolean byId = since.feedPosition() != null;
        List<Stored> rows = entityManager.createNativeQuery("""
                select id, kind, session_id, revision, cast(before as text), cast(after as text), cast(details as text),
                recorded_at from agenda_change
                where event_id = ?1 and user_id = ?2 and revision <= ?4 and id <= ?5""" + " and "
                + (byId ? "id > ?3" : "(revision > ?3 or (kind <> 'schedule' and revision = ?3))") + " order by id", Stored.class)
                .setParameter(1, eventId).setParameter(2, userId)
                .setParameter(3, byId ? since.feedPosition() : since.version()).setParameter(4, through)
                .setParameter(5, throughId).getResultList();
        return rows.stream().map(row -> {
            OffsetDateTime recordedAt = row.recordedAt().atZone(zone).toOffsetDateTime();
            if (DELAY.equals(row.kind())) {
                return new Entry(DELAY, row.sessionId(), row.revision(), List.of(DELAY), null, null,
                        Delay.of(read(row.details(), StoredDelay.class), zone), null, null, recordedAt);
            }
            if (ANNOUNCEMENT.equals(row.kind())) {
                return new Entry(ANNOUNCEMENT, null, row.revision(), List.of(ANNOUNCEMENT), null, null, null,
                        Announced.of(read(row.details(), StoredAnnouncement.class), zone), null, recordedAt);
            }
            if (MEETING.equals(row.kind())) {
                MeetingNews.News news = read(row.details(), MeetingNews.News.class);
                return new Entry(MEETING, null, row.revision(), List.of(news.what()), null, null, null, null, news,
                        recordedAt);
            }
            SessionState before = read(row.before(), SessionState.class).in(zone);
            SessionState after = row.after() == null ? null : read(row.after(), SessionState.class).in(zone);
            return new Entry(SCHEDULE, row.sessionId(), row.revision(), SessionState.differences(before, after), before,
                    after, null, null, null, recordedAt);
        }).toList();
    }

    void erase(long eventId, long userId) {
        entityManager.createNativeQuery("delete from agenda_change where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from agenda_change where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    /** Null also for a room gone by now: a release may announce a session in a room the draft has deleted. */
    private String roomName(Long roomId) {
        Room room = roomId == null ? null : entityManager.find(Room.class, roomId);
        return room == null ? null : room.name;
    }

    private String write(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A change-feed entry could not be serialised", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored change-feed entry could not be read", e);
        }
    }
}
