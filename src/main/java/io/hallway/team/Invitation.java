package io.hallway.team;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An invitation to an event's team. Only {@link Invitations} reads and writes it: the table's one owner. The
 * token itself is nowhere, only its SHA-256.
 */
@Entity
@Table(name = "event_invitation")
class Invitation extends TokenInvitation {

    public EventRole role;
    /** For a host: the rooms they may run; null means every room of the event. */
    public Long[] roomIds;

    static Optional<Invitation> inEvent(long eventId, long id) {
        return find("id = ?1 and eventId = ?2", id, eventId).firstResultOptional();
    }

    static Optional<Invitation> byTokenHash(byte[] tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
