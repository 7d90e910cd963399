package io.hallway.safety;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.people.Profile;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;
import io.hallway.schedule.Session;

/**
 * Code-of-conduct reports, as their reporters make and see them. Only the event's owners read them
 * ({@link ReportAdminResource}); nothing shows a report to the person it is about.
 */
@Path("/api/events/{slug}")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Safety")
public class ReportResource {

    /** Reports come after the fact, and from people who arrived early or left late: a day either side. */
    private static final int DAYS_AROUND_THE_EVENT = 1;

    /** A phone's clock may run a little ahead of ours; a report about the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    SelfService selfService;

    @POST
    @Path("reports")
    @Transactional
    @Operation(operationId = "createConductReport", summary = "Report a person or a situation to the event's organizers (code of conduct)", description = "Only the event's owners see reports; the person reported is never shown it, nor told who reported them. reportedProfileId is their attendee id (left out for a situation); happenedAt lies within the event's days, a day either side (calendar days in the event's time zone), and not in the future; sessionId, if given, is a session of the event. 201 with the report as I see it. The report is my data (export, erasure) and outlives the reported person's erasure.")
    public RestResponse<MyReportView> create(@PathParam("slug") String slug, @Valid @NotNull ReportRequest request) {
        var acting = selfService.acting(slug);
        Event event = acting.event();
        long me = acting.me();
        ConductReport report = new ConductReport();
        report.eventId = event.id;
        report.reporterId = me;
        if (request.reportedProfileId() != null) {
            Profile reported = Profile.inEvent(event.id, request.reportedProfileId()).orElseThrow(
                    () -> Problem.invalid("reportedProfileId", "is no attendee of this event"));
            if (reported.userId == me) {
                throw Problem.invalid("reportedProfileId", "is your own profile");
            }
            report.reportedUserId = reported.userId;
            report.reportedProfileId = reported.id;
            report.reportedName = reported.displayName;
        }
        report.whatHappened = request.whatHappened().strip();
        report.happenedAt = happenedAt(event, request);
        if (request.sessionId() != null) {
            report.sessionId = Session.findInEvent(event, request.sessionId())
                    .orElseThrow(() -> Problem.invalid("sessionId", "is no session of this event")).id;
        }
        report.place = request.place() == null || request.place().isBlank() ? null : request.place().strip();
        report.persist();
        return RestResponse.ResponseBuilder.<MyReportView> created(URI.create("/api/events/" + slug + "/me/reports/" + report.id))
                .entity(MyReportView.from(report, event)).build();
    }

    @GET
    @Path("me/reports")
    @Operation(operationId = "listMyConductReports", summary = "The reports I made in the event, newest first", description = "With the status the organizers set (open, in-progress, closed); never their internal notes. Reports about me are not listed anywhere for me.")
    public List<MyReportView> mine(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        return mine.me().isEmpty() ? List.of()
                : ConductReport.madeBy(event.id, mine.me().getAsLong()).stream().map(r -> MyReportView.from(r, event)).toList();
    }

    @GET
    @Path("me/reports/{id}")
    @Operation(operationId = "getMyConductReport", summary = "One report I made", description = "Anybody else's report, including one about me, is a 404.")
    public MyReportView one(@PathParam("slug") String slug, @PathParam("id") long id) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        var me = mine.me();
        return ConductReport.inEvent(event.id, id).filter(r -> me.isPresent() && r.reporterId == me.getAsLong())
                .map(r -> MyReportView.from(r, event))
                .orElseThrow(() -> Problem.notFound("No report " + id + " of yours in this event."));
    }

    private static Instant happenedAt(Event event, ReportRequest request) {
        Instant at = request.happenedAt().toInstant();
        // Calendar days in the event's zone: the day a clock change falls on is not 24 hours long
        LocalDate firstDay = event.startDate.minusDays(DAYS_AROUND_THE_EVENT);
        LocalDate lastDay = event.endDate.plusDays(DAYS_AROUND_THE_EVENT);
        if (at.isBefore(firstDay.atStartOfDay(event.zone()).toInstant())
                || !at.isBefore(lastDay.plusDays(1).atStartOfDay(event.zone()).toInstant())) {
            throw Problem.invalid("happenedAt",
                    "must lie within the event's days, a day either side (" + firstDay + " to " + lastDay + ")");
        }
        if (at.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw Problem.invalid("happenedAt", "must not be in the future");
        }
        return at;
    }
}
