package io.hallway.schedule;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.WireEnum;
import io.hallway.common.WireNameConverter;

/** A cancelled session stays in the schedule so apps can show it as cancelled; deleting removes it. */
public enum SessionStatus implements WireEnum {
    SCHEDULED("scheduled"),
    CANCELLED("cancelled");

    private final String wireName;

    SessionStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SessionStatus fromWire(String value) {
        return WireEnum.parse(SessionStatus.class, value);
    }

    @Converter(autoApply = true)
    static class Column extends WireNameConverter<SessionStatus> {
        Column() {
            super(SessionStatus.class);
        }
    }
}
