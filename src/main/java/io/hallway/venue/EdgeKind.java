package io.hallway.venue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.WireEnum;

enum EdgeKind implements WireEnum {
    CORRIDOR("corridor"),
    DOOR("door"),
    STAIRS("stairs"),
    RAMP("ramp"),
    ELEVATOR("elevator"),
    ESCALATOR("escalator");

    private final String wireName;

    EdgeKind(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    static EdgeKind fromWire(String value) {
        return WireEnum.parse(EdgeKind.class, value);
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
