package io.hallway.speakers;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/** An event's organizers invite a speaker to link their account to their speaker record. */
@Path("/api/admin/events/{slug}/speakers/{id}/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: speakers")
public class SpeakerInvitationAdminResource {

    @Inject
    SpeakerInvitations invitations;

    @POST
    @Operation(operationId = "adminCreateSpeakerInvitation", summary = "Invite a speaker to link their account", description = "Editors and owners. 201 with the invitation and, this once, its link and token: send the link to the speaker; whoever signs in and redeems it has their account linked to this speaker record, and the hallway track suggests them as the speaker of their sessions. The server keeps only the token's hash, so a lost link is withdrawn and made again. validForDays is 1 to 30 (default hallway.speakers.invitation-validity, 14 days); the body may be left out. A speaker already linked to an account is a 409 speaker-already-linked (unlink it first); another event's speaker is a 404.")
    public RestResponse<IssuedSpeakerInvitationView> create(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid SpeakerInvitationRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, invitations.create(slug, id, request));
    }

    @GET
    @Operation(operationId = "adminListSpeakerInvitations", summary = "The speaker's invitations", description = "Editors and owners. Newest first, each with its status: pending (can still be redeemed), redeemed, revoked or expired. Never the token or link.")
    public Page<SpeakerInvitationView> list(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @BeanParam PageRequest page) {
        return invitations.list(slug, id, page);
    }

    @DELETE
    @Path("{invitationId}")
    @Operation(operationId = "adminRevokeSpeakerInvitation", summary = "Withdraw a speaker's invitation", description = "Editors and owners. Its link stops working at once; withdrawing it again, or after it expired, is no error. A redeemed invitation is a 409 (unlink the account instead); another speaker's or event's invitation is a 404.")
    public void revoke(@PathParam("slug") String slug, @PathParam("id") long id,
            @PathParam("invitationId") long invitationId) {
        invitations.revoke(slug, id, invitationId);
    }
}
