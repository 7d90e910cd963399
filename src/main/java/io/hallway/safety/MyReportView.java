package io.hallway.safety;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hallway.schedule.Event;

/** A report as its reporter sees it: what they wrote, and where the organizers are with it; never their notes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MyReportView(long id, Long reportedProfileId, String whatHappened, OffsetDateTime happenedAt,
        Long sessionId, String place, ReportStatus status, OffsetDateTime createdAt) {

    static MyReportView from(ConductReport report, Event event) {
        return new MyReportView(report.id, report.reportedProfileId, report.whatHappened,
                report.happenedAt.atZone(event.zone()).toOffsetDateTime(), report.sessionId, report.place,
                report.status, report.createdAt.atZone(event.zone()).toOffsetDateTime());
    }
}
