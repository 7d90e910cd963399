package io.hallway.schedule;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PUT;
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

/**
 * The live status of a room during the event. It is part of the published schedule (rooms carry it), so
 * setting it is a schedule change: the ETag moves and the change feed carries the room.
 */
@Path("/api/admin/events/{slug}/rooms/{id}/status")
@Authenticated
@RequiresEventRole(EventRole.HOST)
@Tag(name = "Admin: rooms")
public class RoomStatusAdminResource {

    /** What the door says: open, full or closed. */
    public record StatusRequest(
            @NotNull(message = "is required: open, full or closed") @Pattern(regexp = "open|full|closed", message = "must be open, full or closed") String status) {
    }

    @Inject
    ScheduleChanges changes;

    @Inject
    AuditLog audit;

    @PUT
    @Transactional
    @Operation(operationId = "adminSetRoomStatus", summary = "Say whether a room is open, full or closed right now", description = "Live information for the day, so no version is needed: the last call wins. The schedule, getNowAndNext and getFillLevels show it at once.")
    public RoomView set(@PathParam("slug") String slug, @PathParam("id") long id, @Valid @NotNull StatusRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Room room = Room.inEvent(change.event(), id);
        long versionBefore = room.version;
        room.liveStatus = request.status();
        room.revision = change.revision();
        Room.flush();
        audit.record(change.event().id, AuditAction.ROOM_STATUS, AuditResource.ROOM, id, versionBefore, room.version,
                java.util.Map.of("status", request.status()));
        return RoomView.from(room);
    }
}
