package io.hallway.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.SqlArrays;
import io.hallway.live.AnnouncementSeverity;
import io.hallway.live.AnnouncementStarted;
import io.hallway.live.ExpectedStartsMoved;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.ScheduleCursors;
import io.hallway.schedule.ScheduleHistoryPurged;
import io.hallway.schedule.SessionsChanged;

/**
 * Records, for everyone who bookmarked a session (or its lightning block), each change they would want
 * to hear about, inside the transaction that makes the change. This is the feed a push service reads. What
 * happened is written once ({@code agenda_news}); each person it reached gets an entry naming it
 * ({@code agenda_change}), one for all the news of one change, so a release moving 20 sessions that 9,000 people
 * follow writes 20 pieces of news and 9,000 entries. The only code that writes either table ({@link AgendaData}
 * only asks whether a person has entries).
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

    /**
     * The entries written for news: the statement that follows answers (user_id, news_id) rows, one per person and
     * piece of news that reached them; ?1 is the event, ?2 the revision, ?3 the kind, and the statement's own
     * parameters are ?4 on.
     */
    private static final String REACHED = """
            insert into agenda_change (user_id, event_id, revision, kind, news_ids)
            select reached.user_id, ?1, ?2, ?3, array_agg(distinct reached.news_id order by reached.news_id)
            from (""";

    /** Whether {@code people.user_id} has an entry naming news of the announcement ?8 in the event ?1. */
    private static final String REACHED_BY_ANNOUNCEMENT = """
            select 1 from agenda_change c
            where c.event_id = ?1 and c.user_id = people.user_id and c.kind = 'announcement'
                and c.news_ids && array(select n.id from agenda_news n where n.event_id = ?1 and n.kind = 'announcement'
                    and cast(n.details ->> 'id' as bigint) = ?8)""";

    private static final String GROUPED_BY_PERSON = """
            ) reached group by reached.user_id
            returning user_id, id, array_to_string(news_ids, ',') as news_ids""";

    /** One piece of news, before it is written: its session (if any), its states or details, and its words. */
    private record News(Long sessionId, Long blockId, SessionState before, SessionState after, Object details,
            List<String> changes, String text) {
    }

    /** A person's new entry and the news it names, comma-separated. */
    private record Reached(long userId, long id, String newsIds) {
    }

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
        entityManager.createNativeQuery("delete from agenda_news where event_id = ?1 and revision <= ?2")
                .setParameter(1, purge.eventId()).setParameter(2, purge.throughRevision()).executeUpdate();
    }

    /** Sessions changed: news of each that changed what its followers see, told to them all at once. */
    void record(@Observes SessionsChanged changed) {
        ZoneId zone = null;
        List<News> news = new ArrayList<>();
        for (SessionsChanged.Change change : changed.changes()) {
            if (change.before() == null) {
                continue;
            }
            SessionState before = SessionState.of(change.before(), roomName(change.before().roomId()));
            SessionState after = change.after() == null ? null
                    : SessionState.of(change.after(), roomName(change.after().roomId()));
            List<String> differences = SessionState.differences(before, after);
            if (!differences.isEmpty()) {
                zone = zone == null ? Event.<Event> findById(changed.eventId()).zone() : zone;
                news.add(new News(change.sessionId(), change.before().blockId(), before, after, null, differences,
                        SessionState.sentence(before, after, zone)));
            }
        }
        tellFollowers(changed.eventId(), changed.revision(), SCHEDULE, news);
    }

    /** A host's report moved the expected start of bookmarked sessions: news of each move, to its followers. */
    void record(@Observes ExpectedStartsMoved moved) {
        ZoneId zone = Event.<Event> findById(moved.eventId()).zone();
        List<News> news = moved.moves().stream().map(move -> {
            StoredDelay details = new StoredDelay(moved.roomName(), move.kind(), move.plannedStart(),
                    move.previousExpectedStart(), move.expectedStart());
            return new News(move.sessionId(), move.blockId(), null, null, details, List.of(DELAY),
                    Delay.of(details, zone).message());
        }).toList();
        tellFollowers(moved.eventId(), moved.revision(), DELAY, news);
    }

    /**
     * An announcement started showing, or was corrected since: news for each person it is for and had no news of it
     * yet, with no session. Everyone means everyone with an agenda in the event.
     */
    void record(@Observes AnnouncementStarted started) {
        if (!started.everyone() && started.sessionIds().isEmpty() && started.blockIds().isEmpty()) {
            return;
        }
        StoredAnnouncement details = new StoredAnnouncement(started.announcementId(), started.title(), started.body(),
                started.severity(), started.startsAt(), started.endsAt());
        News news = new News(null, null, null, null, details, List.of(ANNOUNCEMENT), started.title());
        long newsId = write(started.eventId(), started.revision(), ANNOUNCEMENT, List.of(news)).get(0);
        tell(started.eventId(), started.revision(), ANNOUNCEMENT, Map.of(newsId, news), entityManager.createNativeQuery(
                REACHED + "select user_id, cast(?7 as bigint) as news_id from (" + BookmarkStore.ADDRESSED + ") people"
                        + " where not exists (" + REACHED_BY_ANNOUNCEMENT + ")" + GROUPED_BY_PERSON, Reached.class)
                .setParameter(4, started.everyone()).setParameter(5, orNone(started.sessionIds()))
                .setParameter(6, orNone(started.blockIds())).setParameter(7, newsId)
                .setParameter(8, started.announcementId()));
    }

    /**
     * News of a meet-up for one person: no session, at the event's public version. Takes the event's row lock like
     * every other writer, so entry ids keep following commit order.
     */
    void record(long eventId, long userId, MeetingNews.News meeting) {
        Event event = Event.findById(eventId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        News news = new News(null, null, null, null, meeting, List.of(meeting.what()), meeting.text());
        long newsId = write(eventId, event.publicVersion(), MEETING, List.of(news)).get(0);
        tell(eventId, event.publicVersion(), MEETING, Map.of(newsId, news), entityManager.createNativeQuery(
                REACHED + "select cast(?4 as bigint) as user_id, cast(?5 as bigint) as news_id" + GROUPED_BY_PERSON,
                Reached.class).setParameter(4, userId).setParameter(5, newsId));
    }

    /** News of sessions (each once), to whoever bookmarked the session or its lightning block. */
    private void tellFollowers(long eventId, long revision, String kind, List<News> news) {
        if (news.isEmpty()) {
            return;
        }
        List<Long> newsIds = write(eventId, revision, kind, news);
        Map<Long, News> byId = new LinkedHashMap<>();
        for (int i = 0; i < news.size(); i++) {
            byId.put(newsIds.get(i), news.get(i));
        }
        tell(eventId, revision, kind, byId, entityManager.createNativeQuery(
                REACHED + BookmarkStore.FOLLOWERS_OF_SESSIONS + GROUPED_BY_PERSON, Reached.class)
                .setParameter(4, SqlArrays.of(newsIds))
                .setParameter(5, SqlArrays.of(news.stream().map(News::sessionId).toList()))
                .setParameter(6, SqlArrays.of(news.stream()
                        .map(one -> one.blockId() == null ? NO_BLOCK : one.blockId()).toList())));
    }

    /**
     * Writes the news, each once, and answers their ids in the same order: ids come from the identity in the
     * order the rows are inserted, so sorted they are the news in order, whatever order the database returns them.
     */
    private List<Long> write(long eventId, long revision, String kind, List<News> news) {
        List<Map<String, Object>> rows = news.stream().map(one -> {
            Map<String, Object> row = new HashMap<>();
            row.put("session_id", one.sessionId());
            row.put("before", one.before());
            row.put("after", one.after());
            row.put("details", one.details());
            return row;
        }).toList();
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                insert into agenda_news (event_id, kind, session_id, revision, before, after, details)
                select ?1, ?2, n.session_id, ?3, n.before, n.after, n.details
                from rows from (jsonb_to_recordset(cast(?4 as jsonb))
                    as (session_id bigint, before jsonb, after jsonb, details jsonb)) with ordinality
                    as n(session_id, before, after, details, place)
                order by n.place
                returning id""").setParameter(1, eventId).setParameter(2, kind).setParameter(3, revision)
                .setParameter(4, write(rows)).getResultList();
        return ids.stream().map(Number::longValue).sorted().toList();
    }

    /**
     * Writes one entry per person the news reached, naming the news (the statement {@code reached} answers its
     * rows), and tells the observers of {@link ChangeFeedGrew} about each piece of news and whom it reached.
     */
    private void tell(long eventId, long revision, String kind, Map<Long, News> news, Query reached) {
        @SuppressWarnings("unchecked")
        List<Reached> entries = reached.setParameter(1, eventId).setParameter(2, revision).setParameter(3, kind)
                .getResultList();
        Map<Long, List<ChangeFeedGrew.Recipient>> recipients = new HashMap<>();
        for (Reached entry : entries) {
            for (String newsId : entry.newsIds().split(",")) {
                recipients.computeIfAbsent(Long.valueOf(newsId), id -> new ArrayList<>())
                        .add(new ChangeFeedGrew.Recipient(entry.userId(), entry.id()));
            }
        }
        news.forEach((newsId, one) -> {
            List<ChangeFeedGrew.Recipient> reachedBy = recipients.getOrDefault(newsId, List.of());
            if (!reachedBy.isEmpty()) {
                feedGrew.fire(new ChangeFeedGrew(eventId, kind, one.sessionId(), revision, one.changes(), one.text(),
                        reachedBy));
            }
        });
    }

    /** An id list as PostgreSQL's array literal, for {@code cast(? as bigint[])}. */

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
                select c.id, n.kind, n.session_id, n.revision, cast(n.before as text), cast(n.after as text),
                    cast(n.details as text), n.recorded_at
                from agenda_change c join agenda_news n on n.id = any (c.news_ids)
                where c.event_id = ?1 and c.user_id = ?2 and c.revision <= ?4 and c.id <= ?5""" + " and "
                + (byId ? "c.id > ?3" : "(c.revision > ?3 or (c.kind <> 'schedule' and c.revision = ?3))")
                + " order by c.id, n.id", Stored.class)
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

    /** The person's entries, and the meet-up news that only they had: the rest is news of the public schedule. */
    void erase(long eventId, long userId) {
        entityManager.createNativeQuery("""
                delete from agenda_news where kind = ?3 and id in (
                    select unnest(news_ids) from agenda_change where event_id = ?1 and user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, MEETING).executeUpdate();
        entityManager.createNativeQuery("delete from agenda_change where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    /** Everyone's entries in the event, counted, and the news they named, which nobody can ask for any more. */
    long purge(long eventId) {
        long entries = entityManager.createNativeQuery("delete from agenda_change where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
        entityManager.createNativeQuery("delete from agenda_news where event_id = ?1").setParameter(1, eventId)
                .executeUpdate();
        return entries;
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
