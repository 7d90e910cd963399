package io.hallway.speakers;

import java.time.Instant;

/**
 * A new invitation for a speaker, with the link to send and the token in it. Shown this once: the server keeps
 * only the token's hash, so a lost link is withdrawn and made again.
 */
public record IssuedSpeakerInvitationView(long id, long speakerId, Instant createdAt, Instant expiresAt, String link,
        String token) {
}
