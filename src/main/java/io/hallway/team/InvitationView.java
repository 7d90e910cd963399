package io.hallway.team;

import java.time.Instant;
import java.util.List;

/** An invitation as its event's owners see it, never with its token. */
public record InvitationView(long id, EventRole role, List<Long> roomIds, InvitationStatus status, Instant createdAt,
        Instant expiresAt, Instant redeemedAt, Instant revokedAt) {

    static InvitationView from(Invitation invitation, Instant now) {
        return new InvitationView(invitation.id, invitation.role,
                invitation.roomIds == null ? null : List.of(invitation.roomIds), invitation.status(now),
                invitation.createdAt, invitation.expiresAt, invitation.redeemedAt, invitation.revokedAt);
    }
}
