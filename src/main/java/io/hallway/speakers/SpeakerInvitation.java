package io.hallway.speakers;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.hallway.team.TokenInvitation;

/**
 * An invitation for a speaker to link their account to their speaker record. Only {@link SpeakerInvitations}
 * reads and writes it: the table's one owner. The token itself is nowhere, only its SHA-256.
 */
@Entity
@Table(name = "speaker_invitation")
class SpeakerInvitation extends TokenInvitation {

    public long speakerId;

    static Optional<SpeakerInvitation> ofSpeaker(long eventId, long speakerId, long id) {
        return find("id = ?1 and eventId = ?2 and speakerId = ?3", id, eventId, speakerId).firstResultOptional();
    }

    static Optional<SpeakerInvitation> byTokenHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
