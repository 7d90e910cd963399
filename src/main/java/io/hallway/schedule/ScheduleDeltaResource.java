package io.hallway.schedule;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Server-side deltas of the public schedule, so apps on venue Wi-Fi fetch only what changed. */
@Path("/api/events/{slug}/schedule/changes")
@PermitAll
@Tag(name = "Schedule")
public class ScheduleDeltaResource {

    @Inject
    ScheduleDeltas deltas;

    @GET
    @Operation(operationId = "getScheduleChanges", summary = "Everything that changed in the schedule since a cursor", description = "Changed rows in full and tombstones for deleted ones. Start from the cursor of the full schedule; a cursor older than the kept history, or from before cursors were signed, is a 410 telling you to fetch the schedule again. A cursor the server did not hand out for this event is a 400.")
    public ScheduleDelta changes(@PathParam("slug") String slug, @QueryParam("since") String cursor) {
        return deltas.since(slug, cursor);
    }
}
