package io.hallway.notify;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hallway.common.WireEnum;

/**
 * What a phone receives: enough to show a line and to know where to fetch the rest. The id stays the same across
 * retries and channels, so an app or relay that gets it twice shows it once.
 */
record NotificationMessage(UUID id, String event, NotificationKind kind,
        @Schema(example = "3 of your sessions changed") String text,
        @Schema(description = "How many changes it collects") int changes,
        @Schema(description = "Fetch GET /api/events/{event}/agenda/changes?since= this to read the changes") String cursor,
        @Schema(description = "Refresh within this many seconds; each person gets their own, so a change to thousands does not bring their refreshes in one second") int refreshWithin,
        OffsetDateTime createdAt) {

    /** The kind of what it collects: one kind, or several. */
    static NotificationKind kind(String storedKinds) {
        List<String> kinds = Arrays.asList(storedKinds.split(","));
        return kinds.size() == 1 ? WireEnum.parse(NotificationKind.class, kinds.get(0)) : NotificationKind.SEVERAL;
    }

    /** One change speaks for itself; more are counted ("3 of your sessions changed"). */
    static String text(NotificationKind kind, int sessions, int entries, String latestText) {
        if (entries == 1 || (kind == NotificationKind.SCHEDULE || kind == NotificationKind.DELAY) && sessions == 1) {
            return latestText;
        }
        return switch (kind) {
            case SCHEDULE -> sessions + " of your sessions changed";
            case DELAY -> sessions + " of your sessions run late";
            case ANNOUNCEMENT -> entries + " new announcements";
            case MEETING -> entries + " updates on your meetings";
            case SEVERAL -> entries + " updates to your agenda";
        };
    }
}
