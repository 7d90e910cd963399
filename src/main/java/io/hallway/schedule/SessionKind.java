package io.hallway.schedule;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.WireEnum;
import io.hallway.common.WireNameConverter;

public enum SessionKind implements WireEnum {
    TALK("talk"),
    LIGHTNING_TALK("lightning-talk"),
    KEYNOTE("keynote"),
    PANEL("panel"),
    WORKSHOP("workshop"),
    BREAK("break"),
    SOCIAL("social");

    private final String wireName;

    SessionKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SessionKind fromWire(String value) {
        return WireEnum.parse(SessionKind.class, value);
    }

    @Converter(autoApply = true)
    static class Column extends WireNameConverter<SessionKind> {
        Column() {
            super(SessionKind.class);
        }
    }
}
