package io.hallway.live;

import jakarta.persistence.Converter;

import io.hallway.common.WireNameConverter;

/** The live day's enums in its tables, by their wire names (see {@link WireNameConverter}). */
final class LiveColumns {

    private LiveColumns() {
    }

    @Converter(autoApply = true)
    static class Severity extends WireNameConverter<AnnouncementSeverity> {
    }

    @Converter(autoApply = true)
    static class Audience extends WireNameConverter<AudienceKind> {
    }
}
