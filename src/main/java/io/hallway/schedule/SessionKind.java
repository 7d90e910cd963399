package io.hallway.schedule;

import io.hallway.common.WireEnum;

public enum SessionKind implements WireEnum {
    TALK,
    LIGHTNING_TALK,
    KEYNOTE,
    PANEL,
    WORKSHOP,
    BREAK,
    SOCIAL;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
