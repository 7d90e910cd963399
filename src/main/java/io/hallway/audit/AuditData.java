package io.hallway.audit;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;
import io.hallway.schedule.Event;

/**
 * The audit log's personal data: the entries a person made as an organizer of the event. Exported as they are;
 * erased by taking the person's id and name off them, since the entries are the team's record of its work. The
 * retention purge leaves the log alone for the same reason: it holds what the organizers did, not what the
 * attendees did, and goes with the event.
 */
@Singleton
class AuditData {

    @Produces
    @Singleton
    PersonalData audit(AuditLog log, ObjectMapper json) {
        return new PersonalSection("audit", Map.of("audit_entry", AfterPurge.ALL), log::holds, (eventId, userId) -> {
            List<AuditLog.Row> mine = log.madeBy(eventId, userId);
            if (mine.isEmpty()) {
                return null;
            }
            Event event = Event.findById(eventId);
            return mine.stream().map(row -> AuditEntryView.from(row, event.zone(), json)).toList();
        }, log::anonymise, eventId -> Map.of());
    }
}
