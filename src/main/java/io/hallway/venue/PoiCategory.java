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
    QUIET_ROOM,
    /** Marked by the venue as a place to meet someone: the hallway track proposes these, with coffee and lounges. */
    MEETING_POINT,
    LOUNGE;

    /** The categories a meet-up may be placed at. */
    static final java.util.Set<PoiCategory> FOR_MEETING = java.util.EnumSet.of(MEETING_POINT, COFFEE, LOUNGE);

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
