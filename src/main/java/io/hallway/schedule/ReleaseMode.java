package io.hallway.schedule;

import io.hallway.common.WireEnum;

/** Whether organizer changes reach the public at once, or wait in a draft for the next release. */
public enum ReleaseMode implements WireEnum {
    /** Every change is public at once. */
    IMMEDIATE,
    /** Changes go to a draft only the team sees; the public sees the last release. */
    MANUAL;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
