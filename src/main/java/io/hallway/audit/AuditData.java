package io.hallway.audit;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.people.PersonalData;
import io.hallway.schedule.Event;

/**
 * The audit log's personal data: the entries a person made as an organizer of the event. Exported as they are;
 * erased by taking the person's id and name off them, since the entries are the team's record of its work. The
 * retention purge leaves the log alone for the same reason: it holds what the organizers did, not what the
 * attendees did, and goes with the event.
 */
@ApplicationScoped
class AuditData implements PersonalData {

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    @Override
    public String section() {
        return "audit";
    }

    @Override
    public boolean holds(long eventId, long userId) {
        return log.holds(eventId, userId);
    }

    @Override
    public Object export(long eventId, long userId) {
        List<AuditLog.Row> mine = log.madeBy(eventId, userId);
        if (mine.isEmpty()) {
            return null;
        }
        Event event = Event.findById(eventId);
        return mine.stream().map(row -> AuditEntryView.from(row, event.zone(), json)).toList();
    }

    @Override
    public void erase(long eventId, long userId) {
        log.anonymise(eventId, userId);
    }

    @Override
    public Map<String, Long> purge(long eventId) {
        return Map.of();
    }
}
