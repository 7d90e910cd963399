package io.hallway.team;

import java.time.Instant;

import io.hallway.common.WireEnum;

/** Where an invitation stands: only a pending one can be redeemed or revoked. */
public enum InvitationStatus implements WireEnum {
    PENDING,
    REDEEMED,
    REVOKED,
    EXPIRED;

    /** Where an invitation with these dates stands now: a use or a withdrawal is final, else the expiry decides. */
    public static InvitationStatus of(Instant redeemedAt, Instant revokedAt, Instant expiresAt, Instant now) {
        if (redeemedAt != null) {
            return REDEEMED;
        }
        if (revokedAt != null) {
            return REVOKED;
        }
        return expiresAt.isAfter(now) ? PENDING : EXPIRED;
    }

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
