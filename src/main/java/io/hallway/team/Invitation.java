package io.hallway.team;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An invitation to an event's team. Only {@link Invitations} reads and writes it: the table's one owner. The
 * token itself is nowhere, only its SHA-256.
 */
@Entity
@Table(name = "event_invitation")
class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long eventId;
    public EventRole role;
    /** For a host: the rooms they may run; null means every room of the event. */
    public Long[] roomIds;
    public byte[] tokenHash;
    /** Null once its maker erased their data in the event. */
    public Long createdBy;
    public Instant createdAt;
    public Instant expiresAt;
    /** Null until redeemed, and again once the person who redeemed it erased their data. */
    public Long redeemedBy;
    public Instant redeemedAt;
    public Instant revokedAt;

    static Optional<Invitation> inEvent(long eventId, long id) {
        return find("id = ?1 and eventId = ?2", id, eventId).firstResultOptional();
    }

    static Optional<Invitation> byTokenHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    InvitationStatus status(Instant now) {
        return InvitationStatus.of(redeemedAt, revokedAt, expiresAt, now);
    }
}
