package io.hallway.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.Problem;

/** A cancelled session stays in the schedule so apps can show it as cancelled; deleting removes it. */
public enum SessionStatus {
    SCHEDULED("scheduled"),
    CANCELLED("cancelled");

    private final String wireName;

    SessionStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SessionStatus fromWire(String value) {
        for (SessionStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw Problem.invalid("status", "must be scheduled or cancelled");
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class DatabaseConverter implements jakarta.persistence.AttributeConverter<SessionStatus, String> {
        @Override
        public String convertToDatabaseColumn(SessionStatus status) {
            return status == null ? null : status.wireName;
        }

        @Override
        public SessionStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
