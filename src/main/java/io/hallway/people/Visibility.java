package io.hallway.people;

import io.hallway.common.WireEnum;

/** Who may see one field of a profile. */
public enum Visibility implements WireEnum {
    /** Anyone in the attendee directory (once the owner opted in). */
    EVERYONE,
    /** Only people the owner exchanged codes with and shares with. */
    CONNECTIONS,
    /** Nobody but the owner. */
    ONLY_ME;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
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
