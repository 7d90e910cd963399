package io.hallway.safety;

import io.hallway.common.WireEnum;

/** Where the owners are with a report; the reporter sees it, the reported person never sees the report at all. */
public enum ReportStatus implements WireEnum {
    OPEN,
    IN_PROGRESS,
    CLOSED;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
