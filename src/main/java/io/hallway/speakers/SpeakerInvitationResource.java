package io.hallway.speakers;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.schedule.Event;
import io.hallway.schedule.Speaker;
import io.quarkus.security.Authenticated;

/**
 * Redeeming a speaker's invitation link: any signed-in person may, as for the team's invitations. The path
 * parameter is named {@code token} so the log never shows it.
 */
@Path("/api/speaker-invitations/{token}")
@Authenticated
@Tag(name = "Speakers")
public class SpeakerInvitationResource {

    @Inject
    SpeakerInvitations invitations;

    @POST
    @Path("redeem")
    @Operation(operationId = "redeemSpeakerInvitation", summary = "Link my account to my speaker record", description = "The token is the last part of the invitation link. Each invitation links one account, once: a used one is a 410 invitation-used, a withdrawn one 410 invitation-revoked, an expired one 410 invitation-expired, an unknown token a 404; a speaker record linked to another account meanwhile is a 409 speaker-already-linked and the invitation stays pending. The answer names the event, the speaker record and the sessions it speaks at.")
    public LinkedSpeakerView redeem(@PathParam("token") String token) {
        SpeakerInvitations.Linked linked = invitations.redeem(token);
        Event event = Event.findById(linked.eventId());
        // The answer says what the redeem did, even if someone unlinks the record a moment later.
        return LinkedSpeakers.view(event, Speaker.inEvent(event, linked.speakerId()), linked.linkedAt());
    }
}
