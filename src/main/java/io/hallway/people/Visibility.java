package io.hallway.people;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see one field of a profile. */
public enum Visibility {
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

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Visibility fromWire(String value) {
        for (Visibility visibility : values()) {
            if (visibility.wireName.equals(value)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("must be one of everyone, connections, only-me");
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
