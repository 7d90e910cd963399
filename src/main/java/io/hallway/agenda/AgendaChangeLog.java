package io.hallway.agenda;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.schedule.Room;
import io.hallway.schedule.ScheduleHistoryPurged;
import io.hallway.schedule.SessionChanged;

/**
 * Records, for everyone who bookmarked a session (or its lightning block), each change they would want
 * to hear about, inside the transaction that makes the change. This is the feed a push service reads.
 */
@ApplicationScoped
class AgendaChangeLog {

    /** One change to one of my sessions: what it was, what it is now (null once deleted). */
    record Entry(long sessionId, long revision, List<String> changes, SessionState before, SessionState after,
            OffsetDateTime recordedAt) {
    }

    /** An entry as stored: the session states as JSON text. */
    private record Stored(long sessionId, long revision, String before, String after, Instant recordedAt) {
    }

    private static final long NO_BLOCK = -1;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

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
        entityManager.createNativeQuery("""
                insert into agenda_change (user_id, event_id, session_id, revision, before, after)
                select distinct user_id, ?1, ?2, ?3, cast(?4 as jsonb), nullif(cast(?5 as jsonb), 'null')
                from (""" + BookmarkStore.FOLLOWERS_OF_SESSION + ") followers")
                .setParameter(1, change.eventId()).setParameter(2, change.sessionId())
                .setParameter(3, change.revision()).setParameter(4, write(before))
                .setParameter(5, after == null ? "null" : write(after))
                .setParameter(6, blockId == null ? NO_BLOCK : blockId).executeUpdate();
    }

    List<Entry> between(long eventId, long userId, long since, long through, ZoneId zone) {
        List<Stored> rows = entityManager.createNativeQuery("""
                select session_id, revision, cast(before as text), cast(after as text), recorded_at from agenda_change
                where event_id = ?1 and user_id = ?2 and revision > ?3 and revision <= ?4 order by revision, id""",
                Stored.class)
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, since).setParameter(4, through)
                .getResultList();
        return rows.stream().map(row -> {
            SessionState before = read(row.before()).in(zone);
            SessionState after = row.after() == null ? null : read(row.after()).in(zone);
            return new Entry(row.sessionId(), row.revision(), SessionState.differences(before, after), before, after,
                    row.recordedAt().atZone(zone).toOffsetDateTime());
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

    private String write(SessionState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A session state could not be serialised", e);
        }
    }

    private SessionState read(String text) {
        try {
            return json.readValue(text, SessionState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored session state could not be read", e);
        }
    }
}
