package io.hallway.speakers;

import java.time.Instant;

import io.hallway.team.InvitationStatus;

/** An invitation to link a speaker record as the event's organizers see it, never with its token. */
public record SpeakerInvitationView(long id, long speakerId, InvitationStatus status, Instant createdAt,
        Instant expiresAt, Instant redeemedAt, Instant revokedAt) {

    static SpeakerInvitationView from(SpeakerInvitation invitation, Instant now) {
        return new SpeakerInvitationView(invitation.id, invitation.speakerId, invitation.status(now),
                invitation.createdAt, invitation.expiresAt, invitation.redeemedAt, invitation.revokedAt);
    }
}
