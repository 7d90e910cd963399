package io.hallway.safety;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;
import io.hallway.schedule.Event;

/**
 * Code-of-conduct reports are the reporter's data: their export has them as they see them, their erasure deletes
 * them. A report about a person is not that person's: it survives their erasure, for the organizers' duty of care,
 * and never appears in their export. The retention purge deletes an event's reports with its other people data.
 */
@Singleton
class ReportData {

    @Produces
    @Singleton
    PersonalData reports() {
        return new PersonalSection("reports", Map.of("conduct_report", AfterPurge.NONE),
                (eventId, userId) -> ConductReport.count("eventId = ?1 and reporterId = ?2", eventId, userId) > 0,
                (eventId, userId) -> {
                    List<ConductReport> mine = ConductReport.madeBy(eventId, userId);
                    if (mine.isEmpty()) {
                        return null;
                    }
                    Event event = Event.findById(eventId);
                    return mine.stream().map(r -> MyReportView.from(r, event)).toList();
                },
                (eventId, userId) -> ConductReport.delete("eventId = ?1 and reporterId = ?2", eventId, userId),
                eventId -> Map.of("conductReports", ConductReport.delete("eventId", eventId)));
    }
}
