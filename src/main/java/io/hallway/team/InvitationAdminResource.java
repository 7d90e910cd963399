package io.hallway.team;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.quarkus.security.Authenticated;

/** An event's owners invite people to its team; only an owner sees or withdraws the invitations. */
@Path("/api/admin/events/{slug}/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.OWNER)
@Tag(name = "Admin: team")
public class InvitationAdminResource {

    @Inject
    Invitations invitations;

    @POST
    @Operation(operationId = "adminCreateInvitation", summary = "Invite someone to the event's team", description = "Owners only. 201 with the invitation and, this once, its link and token: send the link by any channel; whoever signs in and redeems it joins the team in the role. The server keeps only the token's hash, so a lost link is revoked and made again. roomIds (hosts only, rooms of this event) limits a host to those rooms; left out, every room. validForDays is 1 to 30 (default hallway.team.invitation-validity, 7 days).")
    public RestResponse<IssuedInvitationView> create(@PathParam("slug") String slug,
            @Valid @NotNull InvitationRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, invitations.create(slug, request));
    }

    @GET
    @Operation(operationId = "adminListInvitations", summary = "The event's invitations", description = "Owners only. Newest first, each with its status: pending (can still be redeemed), redeemed, revoked or expired. Never the token or link.")
    public Page<InvitationView> list(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        return invitations.list(slug, page);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "adminRevokeInvitation", summary = "Withdraw an invitation", description = "Owners only. Its link stops working at once; revoking it again, or after it expired, is no error. A redeemed invitation is a 409 (remove the member instead); another event's invitation is a 404.")
    public void revoke(@PathParam("slug") String slug, @PathParam("id") long id) {
        invitations.revoke(slug, id);
    }
}
