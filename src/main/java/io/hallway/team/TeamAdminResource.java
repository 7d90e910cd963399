package io.hallway.team;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.Users;
import io.quarkus.security.Authenticated;

/**
 * An event's team: every member may see it and leave it; owners change roles and take people off. Members join
 * through invitations.
 */
@Path("/api/admin/events/{slug}/members")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Admin: team")
public class TeamAdminResource {

    /** A member's new role; roomIds limits a host to those rooms (left out: every room). */
    public record MemberRequest(@NotNull(message = "is required: owner, editor or host") EventRole role,
            List<Long> roomIds) {
    }

    @Inject
    TeamEvents events;

    @Inject
    Members members;

    @Inject
    Users users;

    @GET
    @RequiresEventRole(EventRole.HOST)
    @Operation(operationId = "adminListMembers", summary = "The event's team: owners, editors and hosts with their rooms", description = "Each member by their id in Hallway and the name from their token.")
    public List<Members.Member> members(@PathParam("slug") String slug) {
        return members.forEvent(eventId(slug));
    }

    @PUT
    @Path("{userId}")
    @Transactional
    @RequiresEventRole(EventRole.OWNER)
    @Operation(operationId = "adminChangeMember", summary = "Give a member another role, or a host other rooms", description = "roomIds only for hosts. Taking the last owner's ownership away is a 409 (last-owner): make someone else owner first.")
    public Members.Member change(@PathParam("slug") String slug, @PathParam("userId") long userId,
            @Valid @NotNull MemberRequest request) {
        return members.change(eventId(slug), userId, request.role(), request.roomIds());
    }

    @DELETE
    @Path("{userId}")
    @Transactional
    @RequiresEventRole(EventRole.OWNER)
    @Operation(operationId = "adminRemoveMember", summary = "Take someone off the team; they are refused from their next request", description = "Removing the last owner is a 409 (last-owner).")
    public void remove(@PathParam("slug") String slug, @PathParam("userId") long userId) {
        members.remove(eventId(slug), userId);
    }

    @DELETE
    @Path("me")
    @Transactional
    @RequiresEventRole(EventRole.HOST)
    @Operation(operationId = "adminLeaveTeam", summary = "Leave the event's team", description = "The last owner cannot leave (409 last-owner) until someone else is owner.")
    public void leave(@PathParam("slug") String slug) {
        long eventId = eventId(slug);
        long me = users.existingId().orElseThrow(() -> Problem.notFound("You are not on this event's team."));
        members.remove(eventId, me);
    }

    private long eventId(String slug) {
        return events.idOf(slug).orElseThrow(() -> events.unknown(slug));
    }
}
