package io.hallway.team;

import io.hallway.common.WireEnum;

/** Where an invitation stands: only a pending one can be redeemed or revoked. */
public enum InvitationStatus implements WireEnum {
    PENDING,
    REDEEMED,
    REVOKED,
    EXPIRED;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
