package io.hallway.venue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.hallway.common.Problem;

/** Who is walking: a speed, and for step-free a hard ban on edges with steps. */
enum WalkingProfile {
    WALK, SLOW, FAST, STEP_FREE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static WalkingProfile parse(String wire) {
        if (wire == null || wire.isBlank()) {
            return WALK;
        }
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> Problem.invalid("profile", "must be one of "
                        + Arrays.stream(values()).map(WalkingProfile::wireName).collect(Collectors.joining(", "))));
    }
}
