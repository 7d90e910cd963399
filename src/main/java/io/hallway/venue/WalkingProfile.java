package io.hallway.venue;

import io.hallway.common.WireEnum;

/** Who is walking: a speed, and for step-free a hard ban on edges with steps. */
enum WalkingProfile implements WireEnum {
    WALK, SLOW, FAST, STEP_FREE;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    static WalkingProfile parse(String wire) {
        if (wire == null || wire.isBlank()) {
            return WALK;
        }
        return WireEnum.parseField(WalkingProfile.class, "profile", wire);
    }
}
