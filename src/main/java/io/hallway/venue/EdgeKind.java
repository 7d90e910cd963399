package io.hallway.venue;

import io.hallway.common.WireEnum;

enum EdgeKind implements WireEnum {
    CORRIDOR,
    DOOR,
    STAIRS,
    RAMP,
    ELEVATOR,
    ESCALATOR;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    /** The kinds that may join two levels. */
    boolean changesLevel() {
        return this != CORRIDOR && this != DOOR;
    }

    /** Stairs and escalators always have steps, whatever the upload says. */
    boolean hasSteps() {
        return this == STAIRS || this == ESCALATOR;
    }
}
