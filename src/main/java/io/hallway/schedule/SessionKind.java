package io.hallway.schedule;

import jakarta.persistence.Converter;

import io.hallway.common.WireEnum;
import io.hallway.common.WireNameConverter;

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

    @Converter(autoApply = true)
    static class Column extends WireNameConverter<SessionKind> {
        Column() {
            super(SessionKind.class);
        }
    }
}
