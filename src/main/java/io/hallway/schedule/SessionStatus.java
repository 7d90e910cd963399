package io.hallway.schedule;

import jakarta.persistence.Converter;

import io.hallway.common.WireEnum;
import io.hallway.common.WireNameConverter;

/** A cancelled session stays in the schedule so apps can show it as cancelled; deleting removes it. */
public enum SessionStatus implements WireEnum {
    SCHEDULED,
    CANCELLED;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    @Converter(autoApply = true)
    static class Column extends WireNameConverter<SessionStatus> {
        Column() {
            super(SessionStatus.class);
        }
    }
}
