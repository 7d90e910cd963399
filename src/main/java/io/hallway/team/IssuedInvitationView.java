package io.hallway.team;

import java.time.Instant;
import java.util.List;

/**
 * A new invitation, with the link to send and the token in it. Shown this once: the server keeps only the
 * token's hash, so a lost link is revoked and made again.
 */
public record IssuedInvitationView(long id, EventRole role, List<Long> roomIds, Instant createdAt, Instant expiresAt,
        String link, String token) {
}
