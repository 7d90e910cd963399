package io.hallway.live;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/** A room's host says when a session of the room, or a whole lightning block, actually started or ended. */
@Path("/api/admin/events/{slug}/rooms/{id}/actual-times")
@Authenticated
@RequiresEventRole(EventRole.HOST)
@Tag(name = "Admin: the live day")
public class ActualTimesAdminResource {

    @Schema(name = "ActualTimesRequest")
    public record ActualTimesRequest(
            @Schema(description = "A session of the room; a lightning talk is reported through its block") Long sessionId,
            @Schema(description = "A lightning block of the room, instead of a session") Long blockId,
            @Schema(description = "When it started, with offset; not in the future") OffsetDateTime startedAt,
            @Schema(description = "When it ended, with offset; not before it started, not in the future") OffsetDateTime endedAt) {
    }

    @Inject
    HostReports reports;

    @PUT
    @Operation(operationId = "adminReportActualTimes", summary = "Say when a session or lightning block actually started or ended", description = "Name either sessionId or blockId, and startedAt, endedAt or both; what is left out keeps what was said before. A start replaces a delay said before it: the session then runs its planned length from it, unless an end is reported. The sessions after it start at the later of their planned start and its expected end: one that ended early pulls nothing earlier than planned. Times must lie within 4 hours of the planned ones. 404 for a session or block of no room of this event, 409 session-in-another-room for one of another room, 409 talk-in-a-block for a lightning talk in a block. Answers the room as the live document shows it.")
    public LiveDocument.RoomLive report(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull ActualTimesRequest request) {
        if ((request.sessionId() == null) == (request.blockId() == null)) {
            throw Problem.invalid("sessionId", "name either sessionId or blockId");
        }
        if (request.startedAt() == null && request.endedAt() == null) {
            throw Problem.invalid("startedAt", "give startedAt, endedAt or both");
        }
        Propagation.UnitId unit = request.sessionId() != null ? Propagation.UnitId.session(request.sessionId())
                : Propagation.UnitId.block(request.blockId());
        return reports.actualTimes(slug, id, unit, request.startedAt(), request.endedAt());
    }
}
