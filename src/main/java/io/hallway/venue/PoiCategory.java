package io.hallway.venue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

enum PoiCategory {
    TOILET, ACCESSIBLE_TOILET, COFFEE, WATER, EXIT, INFO_DESK, ELEVATOR, STAIRS, QUIET_ROOM;

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<PoiCategory> parse(String wire) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wire)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(PoiCategory::wireName).toList();
    }
}
