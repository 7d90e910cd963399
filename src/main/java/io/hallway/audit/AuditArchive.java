package io.hallway.audit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.schedule.Event;
import io.hallway.schedule.EventSection;

/** The audit log's part of an event's archive: every entry, oldest first. */
@Singleton
class AuditArchive {

    @Produces
    @Singleton
    @EventSection.Archive
    EventSection audit(AuditLog log, ObjectMapper json) {
        return new EventSection("audit", eventId -> {
            Event event = Event.findById(eventId);
            return log.all(eventId).stream().map(row -> AuditEntryView.from(row, event.zone(), json)).toList();
        });
    }
}
