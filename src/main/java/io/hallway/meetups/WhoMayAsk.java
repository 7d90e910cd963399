package io.hallway.meetups;

import io.hallway.common.WireEnum;

/** Who may ask me to meet in an event. */
public enum WhoMayAsk implements WireEnum {
    /** Anyone who can find me in the directory, and my connections. */
    ANYONE,
    /** Only people I share my profile with (my connections); the default. */
    CONNECTIONS,
    /** Nobody. */
    NOBODY;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
