package io.hallway.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.schedule.Event;
import io.hallway.schedule.EventArchiveSection;

/** The audit log's part of an event's archive: every entry, oldest first. */
@ApplicationScoped
class AuditArchive implements EventArchiveSection {

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Object export(long eventId) {
        Event event = Event.findById(eventId);
        return log.all(eventId).stream().map(row -> AuditEntryView.from(row, event.zone(), json)).toList();
    }
}
