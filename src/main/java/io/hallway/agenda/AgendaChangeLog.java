package io.hallway.agenda;

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
        List<?> rows = entityManager.createNativeQuery("""
                select session_id, revision, cast(before as text), cast(after as text), recorded_at from agenda_change
                where event_id = ?1 and user_id = ?2 and revision > ?3 and revision <= ?4 order by revision, id""")
                .setParameter(1, eventId).setParameter(2, userId).setParameter(3, since).setParameter(4, through)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> {
            SessionState before = read((String) row[2]).in(zone);
            SessionState after = row[3] == null ? null : read((String) row[3]).in(zone);
            var recorded = instant(row[4]).atZone(zone).toOffsetDateTime();
            return new Entry(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    SessionState.differences(before, after), before, after, recorded);
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

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant();
        }
        return (java.time.Instant) value;
    }

    private String roomName(Long roomId) {
        return roomId == null ? null : entityManager.find(Room.class, roomId).name;
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
