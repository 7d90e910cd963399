package io.hallway.schedule;


import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import io.hallway.common.Versions;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/blocks")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: lightning blocks")
public class BlockAdminResource {

    @Inject
    ScheduleChanges changes;

    @Inject
    SessionEditor editor;

    @Inject
    BlockLayout layout;

    @Inject
    ScheduleEntityEdits edits;

    @Inject
    AuditLog audit;

    @GET
    @Operation(operationId = "adminListBlocks", summary = "The event's lightning-talk blocks", description = "In time order, for draft events too.")
    public Page<BlockView> blocks(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        Event event = Event.bySlugOr404(slug);
        return Page.of(LightningBlock.<LightningBlock> find("event = ?1 order by startsAt, id", event), page,
                block -> BlockView.from(block, event.zone()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetBlock", summary = "One lightning-talk block", description = "The ETag is the block's version: send it back as If-Match (or as version in the body) to update it.")
    public Response block(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.bySlugOr404(slug);
        LightningBlock block = LightningBlock.inEvent(event, id);
        return Versions.tagged(BlockView.from(block, event.zone()), block.version);
    }

    @POST
    @Transactional
    @Operation(operationId = "adminCreateBlock", summary = "Add a lightning-talk block", description = "201 with its Location. The block holds its room for its time span (409 when the room is taken); add talks with adminAddBlockTalk.")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull BlockRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        LightningBlock block = edits.create(change, new LightningBlock(), AuditResource.BLOCK,
                created -> layout.placeBlock(change, created, request));
        return ScheduleEntityEdits.created(slug, "blocks", block, BlockView.from(block, change.event().zone()));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminUpdateBlock", summary = "Move or rename a block; its talks move with it", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes. The new span must hold the block's talks (400) and its room be free (409).")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull BlockRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        ScheduleChanges.Change change = changes.begin(slug);
        LightningBlock block = edits.update(change, LightningBlock.inEvent(change.event(), id), expected, "The block",
                AuditResource.BLOCK, edited -> layout.placeBlock(change, edited, request));
        return Versions.tagged(BlockView.from(block, change.event().zone()), block.version);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminDeleteBlock", summary = "Delete a block and the talks in it", description = "Its talks leave the schedule with it, as if each were deleted.")
    public void delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        ScheduleChanges.Change change = changes.begin(slug);
        LightningBlock block = LightningBlock.inEvent(change.event(), id);
        long versionBefore = block.version;
        int talks = block.talks.size();
        editor.deleteBlock(change, block);
        audit.record(change.event().id, AuditAction.DELETE, AuditResource.BLOCK, id, versionBefore, null,
                java.util.Map.of("talksDeleted", talks));
    }

    @POST
    @Path("{id}/talks")
    @Operation(operationId = "adminAddBlockTalk", summary = "Add a lightning talk to the block, at a position or at the end", description = "201 with the talk's Location. position counts from 0; without one, or past the last talk, the talk is appended. The talk takes its room and time from the block and its position (block start + position x the event's lightning-talk length); a full block is a 409.")
    public Response addTalk(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("position") @Min(value = 0, message = "must be 0 or more") Integer position,
            @Valid @NotNull SessionRequest request) {
        Session talk = editor.addToBlock(slug, id, request, position);
        return ScheduleEntityEdits.created(slug, "sessions", talk, SessionView.from(talk, talk.event.zone()));
    }

    @PUT
    @Path("{id}/order")
    @Operation(operationId = "adminReorderBlockTalks", summary = "Reorder the talks of the block; their start times follow", description = "talkIds lists each talk of the block exactly once, in the new order (400 otherwise). Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes.")
    public BlockView reorder(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull BlockOrderRequest request) {
        LightningBlock block = layout.reorder(slug, id, Versions.expected(ifMatch, request.version()), request.talkIds());
        return BlockView.from(block, block.event.zone());
    }
}
