package io.hallway.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;
import io.hallway.schedule.Event;

/**
 * The agenda's personal data: bookmarks (through {@link BookmarkStore}), the calendar link, the changes
 * recorded for the person, and their session feedback. Erased feedback leaves everybody else's ratings
 * and comments as they were.
 */
@Singleton
class AgendaData {

    /** My rating of a session as stored. */
    record MyFeedback(long sessionId, int rating, String comment, Instant createdAt, Instant updatedAt) {
    }

    /** That I have a calendar link, and since when: its token is known to nobody, not even the server. */
    record MyCalendarLink(Instant createdAt) {
    }

    record Export(List<Long> bookmarkedSessionIds, List<BookmarkStore.Stored> bookmarks, MyCalendarLink calendarLink,
            List<AgendaChangeLog.Entry> changes, List<MyFeedback> feedback) {
    }

    @Inject
    BookmarkStore bookmarks;

    @Inject
    CalendarLinks calendarLinks;

    @Inject
    AgendaChangeLog changeLog;

    @Inject
    EntityManager entityManager;

    @Produces
    @Singleton
    PersonalData agenda() {
        return new PersonalSection("agenda", Map.of("bookmark", AfterPurge.NONE, "calendar_link", AfterPurge.NONE,
                "agenda_change", AfterPurge.NONE, "agenda_news", AfterPurge.NONE, "session_feedback", AfterPurge.NONE),
                this::holds, this::export, this::erase, this::purge);
    }

    private boolean holds(long eventId, long userId) {
        return bookmarks.holdsAny(eventId, userId) || (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from calendar_link where event_id = ?1 and user_id = ?2)
                    or exists (select 1 from agenda_change where event_id = ?1 and user_id = ?2)
                    or exists (select 1 from session_feedback where event_id = ?1 and user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).getSingleResult();
    }

    private Export export(long eventId, long userId) {
        Event event = Event.findById(eventId);
        List<MyFeedback> feedback = entityManager.createNativeQuery("""
                select session_id, rating::int, comment, created_at, updated_at from session_feedback
                where event_id = ?1 and user_id = ?2 order by created_at, session_id""", MyFeedback.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return new Export(bookmarks.sessionIds(eventId, userId), bookmarks.of(eventId, userId),
                calendarLinks.createdAt(userId, eventId).map(MyCalendarLink::new).orElse(null),
                changeLog.all(eventId, userId, event.zone()), feedback);
    }

    private void erase(long eventId, long userId) {
        bookmarks.erase(eventId, userId);
        calendarLinks.revoke(userId, eventId);
        changeLog.erase(eventId, userId);
        entityManager.createNativeQuery("delete from session_feedback where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    private Map<String, Long> purge(long eventId) {
        long feedback = entityManager.createNativeQuery("delete from session_feedback where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
        return Map.of("bookmarks", bookmarks.purge(eventId), "calendarLinks", calendarLinks.purge(eventId),
                "agendaChanges", changeLog.purge(eventId), "feedback", feedback);
    }
}
