package io.hallway.live;

import io.hallway.common.WireEnum;

/** Whom an announcement is for. */
public enum AudienceKind implements WireEnum {
    /** Everybody at the event. */
    EVERYONE,
    /** The people in a room or heading to it: who bookmarked a session there during the announcement. */
    ROOM,
    /** The people on a level of the venue: who bookmarked a session in one of its rooms during the announcement. */
    LEVEL,
    /** The people who bookmarked a session (alone or through its lightning block). */
    SESSION;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
