package io.hallway.people;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.WireEnum;

/** Who may see one field of a profile. */
public enum Visibility implements WireEnum {
    /** Anyone in the attendee directory (once the owner opted in). */
    EVERYONE("everyone"),
    /** Only people the owner exchanged codes with and shares with. */
    CONNECTIONS("connections"),
    /** Nobody but the owner. */
    ONLY_ME("only-me");

    private final String wireName;

    Visibility(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Visibility fromWire(String value) {
        return WireEnum.parse(Visibility.class, value);
    }

    /** Whether a viewer with this relation to the owner may see a field with this visibility. */
    public boolean shownTo(Audience audience) {
        return switch (audience) {
            case SELF -> true;
            case CONNECTION -> this != ONLY_ME;
            case STRANGER -> this == EVERYONE;
        };
    }
}
