package io.hallway.speakers;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hallway.team.InvitationStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An invitation for a speaker to link their account to their speaker record. Only {@link SpeakerInvitations}
 * reads and writes it: the table's one owner. The token itself is nowhere, only its SHA-256.
 */
@Entity
@Table(name = "speaker_invitation")
class SpeakerInvitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long eventId;
    public long speakerId;
    public byte[] tokenHash;
    /** Null once its maker erased their data in the event. */
    public Long createdBy;
    public Instant createdAt;
    public Instant expiresAt;
    /** Null until redeemed, and again once the person who redeemed it erased their data. */
    public Long redeemedBy;
    public Instant redeemedAt;
    public Instant revokedAt;

    static Optional<SpeakerInvitation> ofSpeaker(long eventId, long speakerId, long id) {
        return find("id = ?1 and eventId = ?2 and speakerId = ?3", id, eventId, speakerId).firstResultOptional();
    }

    static Optional<SpeakerInvitation> byTokenHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    InvitationStatus status(Instant now) {
        return InvitationStatus.of(redeemedAt, revokedAt, expiresAt, now);
    }
}
