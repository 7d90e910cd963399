package io.hallway.interop;

import io.hallway.common.WireEnum;

/** The systems a schedule is imported from; the wire name is what the source_system columns hold. */
enum ImportSource implements WireEnum {
    SESSIONIZE, PRETALX;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
