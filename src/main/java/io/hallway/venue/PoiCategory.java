package io.hallway.venue;

import io.hallway.common.WireEnum;

enum PoiCategory implements WireEnum {
    TOILET,
    ACCESSIBLE_TOILET,
    COFFEE,
    WATER,
    EXIT,
    INFO_DESK,
    ELEVATOR,
    STAIRS,
    QUIET_ROOM;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
