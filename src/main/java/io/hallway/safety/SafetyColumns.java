package io.hallway.safety;

import jakarta.persistence.Converter;

import io.hallway.common.WireNameConverter;

/** The safety feature's enums in its tables, by their wire names (see {@link WireNameConverter}). */
final class SafetyColumns {

    private SafetyColumns() {
    }

    @Converter(autoApply = true)
    static class Status extends WireNameConverter<ReportStatus> {
    }
}
