package io.hallway.schedule;

import jakarta.persistence.Converter;

import io.hallway.common.WireNameConverter;

/** The schedule's enums in its tables, by their wire names (see {@link WireNameConverter}). */
final class ScheduleColumns {

    private ScheduleColumns() {
    }

    @Converter(autoApply = true)
    static class Kind extends WireNameConverter<SessionKind> {
    }

    @Converter(autoApply = true)
    static class Status extends WireNameConverter<SessionStatus> {
    }

    @Converter(autoApply = true)
    static class Release extends WireNameConverter<ReleaseMode> {
    }
}
