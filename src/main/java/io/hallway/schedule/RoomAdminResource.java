package io.hallway.schedule;


import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.audit.AuditResource;
import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Versions;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/rooms")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: rooms")
public class RoomAdminResource {

    @Inject
    ScheduleChanges changes;

    @Inject
    ScheduleEntityEdits edits;

    @GET
    @Operation(operationId = "adminListRooms", summary = "The event's rooms", description = "In the organizers' order (position, then name), for draft events too.")
    public Page<RoomView> rooms(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        return Page.of(Room.find("event = ?1 order by position, name", Event.bySlugOr404(slug)), page, RoomView::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetRoom", summary = "One room", description = "The ETag is the room's version: send it back as If-Match (or as version in the body) to update it.")
    public Response room(@PathParam("slug") String slug, @PathParam("id") long id) {
        Room room = Room.inEvent(Event.bySlugOr404(slug), id);
        return Versions.tagged(RoomView.from(room), room.version);
    }

    @POST
    @Transactional
    @Operation(operationId = "adminCreateRoom", summary = "Add a room", description = "201 with its Location. Room names are unique within an event: a taken one is a 409.")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull RoomRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Room room = edits.create(change, new Room(), AuditResource.ROOM, created -> apply(change, created, request));
        return ScheduleEntityEdits.created(slug, "rooms", room, RoomView.from(room));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminUpdateRoom", summary = "Change a room", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes. A name another room of the event has is a 409.")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RoomRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        ScheduleChanges.Change change = changes.begin(slug);
        Room room = edits.update(change, Room.inEvent(change.event(), id), expected, "The room", AuditResource.ROOM,
                edited -> apply(change, edited, request));
        return Versions.tagged(RoomView.from(room), room.version);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminDeleteRoom", summary = "Delete an empty room", description = "While sessions or lightning blocks are in the room, the answer is a 409 and nothing changes.")
    public void delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        ScheduleChanges.Change change = changes.begin(slug);
        Room room = Room.inEvent(change.event(), id);
        long inUse = Session.count("room", room) + LightningBlock.count("room", room);
        if (inUse > 0) {
            throw Problem.of(ProblemType.ROOM_IN_USE, room.name + " still holds " + inUse
                    + " sessions or blocks; move or delete them first.");
        }
        edits.delete(change, room, ScheduleChanges.Kind.ROOM, AuditResource.ROOM);
    }

    private static void apply(ScheduleChanges.Change change, Room room, RoomRequest request) {
        if (Room.count("event = ?1 and name = ?2 and id <> ?3", change.event(), request.name(),
                room.id == null ? ScheduleRules.NONE : room.id) > 0) {
            throw Problem.of(ProblemType.ROOM_NAME_TAKEN,
                    "This event already has a room named '" + request.name() + "'.");
        }
        room.name = request.name();
        room.capacity = request.capacity();
        room.levelName = request.levelName();
        room.directions = request.directions();
        room.position = request.position() == null ? 0 : request.position();
        room.revision = change.revision();
    }
}
