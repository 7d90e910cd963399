package io.hallway.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.Problem;

public enum SessionKind {
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

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SessionKind fromWire(String value) {
        for (SessionKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return kind;
            }
        }
        throw Problem.invalid("kind", "must be one of talk, lightning-talk, keynote, panel, workshop, break, social");
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DatabaseConverter implements jakarta.persistence.AttributeConverter<SessionKind, String> {
        @Override
        public String convertToDatabaseColumn(SessionKind kind) {
            return kind == null ? null : kind.wireName;
        }

        @Override
        public SessionKind convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
