package io.hallway.schedule;

import io.hallway.common.WireEnum;

/** A cancelled session stays in the schedule so apps can show it as cancelled; deleting removes it. */
public enum SessionStatus implements WireEnum {
    SCHEDULED,
    CANCELLED;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
