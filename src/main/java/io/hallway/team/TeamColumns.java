package io.hallway.team;

import jakarta.persistence.Converter;

import io.hallway.common.WireNameConverter;

/** The team's enums in its tables, by their wire names (see {@link WireNameConverter}). */
final class TeamColumns {

    private TeamColumns() {
    }

    @Converter(autoApply = true)
    static class Role extends WireNameConverter<EventRole> {
    }
}
