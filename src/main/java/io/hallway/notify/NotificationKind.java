package io.hallway.notify;

import java.util.List;
import java.util.Optional;

import io.hallway.agenda.ChangeFeedGrew;
import io.hallway.common.WireEnum;

/** What a notification is about; a person chooses per event which kinds reach them. */
public enum NotificationKind implements WireEnum {
    /** One of my sessions moved in time or room, was cancelled, reinstated or taken off the schedule. */
    SCHEDULE("session_changes"),
    /** A host reported that one of my sessions runs late (beyond the change threshold), or is on time again. */
    DELAY("delays"),
    /** An announcement for me started. */
    ANNOUNCEMENT("announcements"),
    /** Someone asked to meet me, or answered my request. */
    MEETING("meetings"),
    /** Changes of more than one kind, collected into one notification. */
    SEVERAL(null);

    /** The column of notification_preference that turns this kind off. */
    final String preferenceColumn;

    NotificationKind(String preferenceColumn) {
        this.preferenceColumn = preferenceColumn;
    }

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }

    /**
     * What a change feed entry becomes, if anything: a speaker swap is in the feed but not worth waking a phone
     * for; what does (a move, a new room, a cancellation) comes with whatever else changed.
     */
    static Optional<NotificationKind> of(ChangeFeedGrew grown) {
        NotificationKind kind = WireEnum.parse(NotificationKind.class, grown.kind());
        if (kind == SCHEDULE && grown.changes().equals(List.of("speakers"))) {
            return Optional.empty();
        }
        return Optional.of(kind);
    }
}
