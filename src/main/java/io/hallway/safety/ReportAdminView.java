package io.hallway.safety;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hallway.people.Profile;
import io.hallway.schedule.Event;

/** A report as the event's owners handle it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportAdminView(
        long id,
        @Schema(description = "Who reported: their profile now (absent fields when they have no profile)") ReportPerson reporter,
        @Schema(description = "Whom it is about, as they were when reported; absent for a report about a situation") ReportPerson reported,
        String whatHappened,
        OffsetDateTime happenedAt,
        Long sessionId,
        String place,
        ReportStatus status,
        @Schema(description = "The owners' own note; never shown to the reporter") String internalNote,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    /** A person by their profile in the event: its id and display name (whatever its visibility: owners handle the report). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportPerson(Long profileId, String displayName) {
    }

    static ReportAdminView from(ConductReport report, Event event) {
        Profile reporter = Profile.of(event.id, report.reporterId).orElse(null);
        return new ReportAdminView(report.id,
                reporter == null ? new ReportPerson(null, null) : new ReportPerson(reporter.id, reporter.displayName),
                report.reportedUserId == null && report.reportedProfileId == null ? null
                        : new ReportPerson(report.reportedProfileId, report.reportedName),
                report.whatHappened, at(report.happenedAt, event), report.sessionId, report.place, report.status,
                report.internalNote, at(report.createdAt, event), at(report.updatedAt, event), report.version);
    }

    private static OffsetDateTime at(java.time.Instant instant, Event event) {
        return instant.atZone(event.zone()).toOffsetDateTime();
    }
}
