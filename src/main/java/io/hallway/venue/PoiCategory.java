package io.hallway.venue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.hallway.common.WireEnum;

enum PoiCategory implements WireEnum {
    TOILET("toilet"),
    ACCESSIBLE_TOILET("accessible-toilet"),
    COFFEE("coffee"),
    WATER("water"),
    EXIT("exit"),
    INFO_DESK("info-desk"),
    ELEVATOR("elevator"),
    STAIRS("stairs"),
    QUIET_ROOM("quiet-room");

    private final String wireName;

    PoiCategory(String wireName) {
        this.wireName = wireName;
    }

    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    static PoiCategory fromWire(String value) {
        return WireEnum.parse(PoiCategory.class, value);
    }
}
