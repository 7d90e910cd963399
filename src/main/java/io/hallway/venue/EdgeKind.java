package io.hallway.venue;

import java.util.Locale;
import java.util.Optional;

enum EdgeKind {
    CORRIDOR, DOOR, STAIRS, RAMP, ELEVATOR, ESCALATOR;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kinds that may join two levels. */
    boolean changesLevel() {
        return this != CORRIDOR && this != DOOR;
    }

    /** Stairs and escalators always have steps, whatever the upload says. */
    boolean hasSteps() {
        return this == STAIRS || this == ESCALATOR;
    }

    static Optional<EdgeKind> parse(String wire) {
        for (EdgeKind kind : values()) {
            if (kind.wireName().equals(wire)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
