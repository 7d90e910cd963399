package io.hallway.agenda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.schedule.Room;
import io.hallway.schedule.ScheduleSnapshots;

/**
 * Bookmark counts and fill levels of every session, and the organizers' live room status. Kept apart from
 * the schedule snapshot on purpose: counts change with every bookmark, while the snapshot is cached and
 * revalidated by schedule version; apps poll this small document next to it.
 */
@Path("/api/events/{slug}/fill")
@PermitAll
@Tag(name = "Schedule")
public class RoomFillResource {

    public record Fill(List<SessionFill> sessions, List<RoomStatus> rooms) {
    }

    /** {@code fill}: available, filling (75% of capacity or more) or full; null where the room has no capacity. */
    public record SessionFill(long sessionId, Long roomId, Integer capacity, long bookmarks, String fill) {
    }

    /** {@code liveStatus}: open, full or closed as the organizers last said, null if they did not. */
    public record RoomStatus(long roomId, String name, Integer capacity, String liveStatus) {
    }

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    RoomFill roomFill;

    @Inject
    AgendaConfig config;

    @GET
    @Transactional
    @Operation(operationId = "getFillLevels", summary = "Bookmark counts and fill levels per session, live status per room", description = "Kept out of the cached schedule because counts change with every bookmark: apps poll this small document next to it, and may reuse it for hallway.agenda.fill-max-age (30 seconds by default). fill is available, filling or full, and null where the room has no capacity.")
    public Response fill(@PathParam("slug") String slug) {
        ScheduleSnapshots.Built built = snapshots.current(slug);
        List<SessionFill> sessions = roomFill.recent(built.eventId()).stream()
                .map(f -> new SessionFill(f.sessionId(), f.roomId(), f.capacity(), f.bookmarks(), f.fill())).toList();
        // The rooms the public schedule has, as it names them; the live status is the day's, not released.
        Map<Long, String> liveStatus = new HashMap<>();
        Room.<Room> list("event.id", built.eventId()).forEach(r -> liveStatus.put(r.id, r.liveStatus));
        List<RoomStatus> rooms = built.snapshot().rooms().stream()
                .map(r -> new RoomStatus(r.id(), r.name(), r.capacity(), liveStatus.get(r.id()))).toList();
        return Response.ok(new Fill(sessions, rooms))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.fillMaxAge().toSeconds()).build();
    }
}
