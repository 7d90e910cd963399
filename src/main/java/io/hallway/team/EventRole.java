package io.hallway.team;

import io.hallway.common.WireEnum;

/**
 * What a member of an event's team may do. Each role includes the ones after it: an owner may do all an editor
 * may, an editor all a host may.
 */
public enum EventRole implements WireEnum {
    /** Everything, including deleting the event and managing its team. */
    OWNER,
    /** The schedule, venue, imports, settings, feedback and statistics. */
    EDITOR,
    /** Live operations only (room status), optionally limited to some rooms. */
    HOST;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    /** Whether a member in this role may do what needs {@code required}. */
    public boolean includes(EventRole required) {
        return ordinal() <= required.ordinal();
    }
}
