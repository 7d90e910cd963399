package io.hallway.schedule;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;
import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;

@Path("/api/admin/events/{slug}/schedule/history")
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: events")
public class HistoryAdminResource {

    @Inject
    ScheduleHistory history;

    @Inject
    AuditLog audit;

    @DELETE
    @Transactional
    @Operation(operationId = "adminPurgeScheduleHistory", summary = "Purge the change history (tombstones, attendees' change feeds) up to now", description = "Apps holding an older cursor get a 410 from the change feeds and fetch the full schedule again.")
    public void purge(@PathParam("slug") String slug) {
        Event event = Event.lockBySlugOr404(slug);
        history.purge(event);
        audit.record(event.id, AuditAction.PURGE, AuditResource.HISTORY, null, null, null,
                java.util.Map.of("purgedThroughVersion", event.publicVersion()));
    }
}
