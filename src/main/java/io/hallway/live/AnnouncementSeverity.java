package io.hallway.live;

import io.hallway.common.WireEnum;

/** How loudly the app shows an announcement. */
public enum AnnouncementSeverity implements WireEnum {
    /** A note, such as "coffee is in the flex space". */
    INFO,
    /** Something that changes plans, such as a room change. */
    WARNING,
    /** Something to act on now, such as an evacuation. */
    URGENT;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
