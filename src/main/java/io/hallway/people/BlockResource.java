package io.hallway.people;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.Roles;
import io.hallway.schedule.Event;

/** The people I blocked in an event. Blocking is mine alone to do and undo; the blocked person is never told. */
@Path("/api/events/{slug}/me/blocks")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "People")
public class BlockResource {

    @Inject
    Blocks blocks;

    @Inject
    BlockList blockList;

    @Inject
    SelfService selfService;

    @GET
    @Operation(operationId = "listMyBlocks", summary = "The people I blocked, newest first", description = "Each with their profile id and display name as I may see them now, and when I blocked them. Someone who erased their data in the event since has no profile id or name here: the block stays and covers them if they come back.")
    public List<BlockedPersonView> list(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        return mine.me().isEmpty() ? List.of() : blockList.of(mine.event(), mine.me().getAsLong());
    }

    @PUT
    @Path("{profileId}")
    @Transactional
    @Operation(operationId = "blockPerson", summary = "Block a person: neither of us sees the other, and they cannot reach me", description = "profileId is the attendee id of the directory (or of a connection's person). From now on neither of us appears in the other's directory, attendee look-ups or suggestions, they cannot send me meeting requests, and a code of either of us cannot connect us (the scan is refused as an expired code). They are not told. Blocking again is no error (204). An existing connection stays until I remove it (deleteConnection). My own profile is a 400, an unknown one a 404.")
    public void block(@PathParam("slug") String slug, @PathParam("profileId") long profileId) {
        var acting = selfService.acting(slug);
        Event event = acting.event();
        long me = acting.me();
        Profile person = Profile.inEvent(event.id, profileId)
                .orElseThrow(() -> Problem.notFound("No attendee " + profileId + " in this event."));
        if (person.userId == me) {
            throw Problem.invalid("profileId", "is your own profile: you cannot block yourself");
        }
        blocks.block(event.id, me, person.userId);
    }

    @DELETE
    @Path("{profileId}")
    @Transactional
    @Operation(operationId = "unblockPerson", summary = "Unblock a person", description = "We see each other again where our settings allow. Unblocking someone I did not block is no error (204); an unknown profile is a 404.")
    public void unblock(@PathParam("slug") String slug, @PathParam("profileId") long profileId) {
        var mine = selfService.mine(slug);
        Profile person = Profile.inEvent(mine.event().id, profileId)
                .orElseThrow(() -> Problem.notFound("No attendee " + profileId + " in this event."));
        if (mine.me().isPresent()) {
            blocks.unblock(mine.event().id, mine.me().getAsLong(), person.userId);
        }
    }
}
