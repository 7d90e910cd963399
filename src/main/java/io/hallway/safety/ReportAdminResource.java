package io.hallway.safety;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.Users;
import io.hallway.common.Versions;
import io.hallway.common.WireEnum;
import io.hallway.schedule.Event;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/**
 * Code-of-conduct reports for the event's owners alone: editors and hosts run the programme, and a report names
 * people and what happened to them, so it goes no wider than the people answerable for the event. A report about
 * an owner goes to the event's other owners only.
 */
@Path("/api/admin/events/{slug}/reports")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.OWNER)
@Tag(name = "Admin: safety")
public class ReportAdminResource {

    @Inject
    AuditLog audit;

    @Inject
    Users users;

    @GET
    @Operation(operationId = "adminListConductReports", summary = "The event's code-of-conduct reports, newest first", description = "Owners only. Each with the reporter and the reported person by profile id and display name, what happened, when and where, its status and the owners' note. status filters (open, in-progress, closed). Reports about me are left out: the event's other owners handle them.")
    public Page<ReportAdminView> list(@PathParam("slug") String slug, @QueryParam("status") String status,
            @Valid @BeanParam PageRequest page) {
        Event event = Event.bySlugOr404(slug);
        ReportStatus wanted = status == null || status.isBlank() ? null
                : WireEnum.parseField(ReportStatus.class, "status", status);
        return Page.of(ConductReport.handledBy(event.id, me(), wanted), page,
                report -> ReportAdminView.from(report, event));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetConductReport", summary = "One code-of-conduct report", description = "Owners only. The ETag is its version, for If-Match on the update. A report about me is a 404, as for one that does not exist.")
    public Response report(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.bySlugOr404(slug);
        ConductReport report = reportOr404(event, id);
        return Versions.tagged(ReportAdminView.from(report, event), report.version);
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminUpdateConductReport", summary = "Set a report's status and the owners' note", description = "Owners only. status is open, in-progress or closed; internalNote is for the owners alone (the reporter sees the status, never the note). Send the version you read (If-Match or \"version\"): none is a 428, a stale one a 409. The audit log records the change of status, never the report's content. A report about me is a 404, as for one that does not exist.")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ReportUpdate change) {
        long expected = Versions.expected(ifMatch, change.version());
        Event event = Event.bySlugOr404(slug);
        ConductReport report = reportOr404(event, id);
        Versions.check(expected, report.version, "The report");
        long versionBefore = report.version;
        ReportStatus statusBefore = report.status;
        report.status = change.status();
        report.internalNote = change.internalNote() == null || change.internalNote().isBlank() ? null
                : change.internalNote().strip();
        report.touch();
        ConductReport.flush();
        audit.record(event.id, AuditAction.UPDATE, AuditResource.REPORT, report.id, versionBefore, report.version,
                Map.of("statusBefore", statusBefore.wireName(), "status", report.status.wireName()));
        return Versions.tagged(ReportAdminView.from(report, event), report.version);
    }

    private ConductReport reportOr404(Event event, long id) {
        return ConductReport.handledBy(event.id, me(), id)
                .orElseThrow(() -> Problem.notFound("No report " + id + " in this event."));
    }

    private Long me() {
        return users.existingId().stream().boxed().findFirst().orElse(null);
    }
}
