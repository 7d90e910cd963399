package io.hallway.team;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.hallway.common.OneTimeTokens;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What every invitation redeemed by a link has, to the team or to a speaker record: a {@link OneTimeTokens} token
 * shown once, of which only the SHA-256 is stored, its maker, its expiry, and whether it was redeemed or revoked.
 * Each kind keeps its own table and static finders: Panache's static methods work only on the entity class itself.
 */
@MappedSuperclass
public abstract class TokenInvitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long eventId;
    public byte[] tokenHash;
    /** Null once its maker erased their data in the event. */
    public Long createdBy;
    public Instant createdAt;
    public Instant expiresAt;
    /** Null until redeemed, and again once the person who redeemed it erased their data. */
    public Long redeemedBy;
    public Instant redeemedAt;
    public Instant revokedAt;

    /** Gives a new invitation its maker, its dates and a new token, which it answers: the one time it is seen. */
    public String issue(long maker, Duration validity) {
        String token = OneTimeTokens.newToken();
        tokenHash = OneTimeTokens.hash(token);
        createdBy = maker;
        // Microseconds, as PostgreSQL stores them, so the answer shows what a later list shows.
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        expiresAt = createdAt.plus(validity);
        return token;
    }

    public InvitationStatus status(Instant now) {
        return InvitationStatus.of(redeemedAt, revokedAt, expiresAt, now);
    }

    /** Why its token was refused, for an invitation that could not be redeemed; {@code whoToAsk} makes new ones. */
    public Problem refusal(String whoToAsk) {
        return switch (status(Instant.now())) {
            case REDEEMED -> Problem.of(ProblemType.INVITATION_USED,
                    "This invitation was already used; ask " + whoToAsk + " for a new one.");
            case REVOKED -> Problem.of(ProblemType.INVITATION_REVOKED,
                    "This invitation was withdrawn; ask " + whoToAsk + " for a new one.");
            default -> Problem.of(ProblemType.INVITATION_EXPIRED,
                    "This invitation expired on " + expiresAt + "; ask " + whoToAsk + " for a new one.");
        };
    }
}
