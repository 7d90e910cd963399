package io.hallway.live;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/** A room's host says it runs late, or on time again. */
@Path("/api/admin/events/{slug}/rooms/{id}/delay")
@Authenticated
@RequiresEventRole(EventRole.HOST)
@Tag(name = "Admin: the live day")
public class RoomDelayAdminResource {

    public record DelayRequest(
            @NotNull(message = "is required: how many minutes the room runs late")
            @Min(value = 1, message = "must be at least 1; to say the room is on time again, DELETE the delay")
            @Max(value = HostReports.MAX_MINUTES, message = "must be at most " + HostReports.MAX_MINUTES) Integer minutes) {
    }

    @Inject
    HostReports reports;

    @PUT
    @Operation(operationId = "adminReportRoomDelay", summary = "Say that a room runs N minutes late now", description = "Said of the session (or lightning block) in progress in the room at the server's now, or of the next one to start there today: it runs that many minutes behind its planned start and end (one reported started keeps that start, and only its end moves), and the sessions after it start at the later of their planned start and the expected end of the one before, so breaks and gaps absorb the delay. Saying it again replaces the minutes. Planned times and the schedule's version and ETag do not change. Followers of sessions whose expected start moves by at least hallway.live.change-threshold get an entry in their change feed. Answers the room as the live document shows it. 409 nothing-in-progress when nothing runs or is still to come today.")
    public LiveDocument.RoomLive report(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull DelayRequest request) {
        return reports.runningLate(slug, id, request.minutes());
    }

    @DELETE
    @Operation(operationId = "adminClearRoomDelay", summary = "Say that a room is on time again", description = "Withdraws every report about the room's sessions (delays and actual start and end times): their expected times are the planned ones again. 204, also when there was nothing to withdraw. Followers of sessions whose expected start moves back by at least hallway.live.change-threshold get an entry in their change feed.")
    public void clear(@PathParam("slug") String slug, @PathParam("id") long id) {
        reports.onTimeAgain(slug, id);
    }
}
