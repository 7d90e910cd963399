package io.hallway.live;

import java.time.Instant;
import java.util.List;

/**
 * Fired once per announcement, inside the transaction that marks it delivered, when it starts showing. Features
 * that keep something per person (the attendees' change feeds) observe it to reach its audience: everyone with an
 * agenda in the event, or the people who bookmarked one of {@code sessionIds} (alone or through one of
 * {@code blockIds}) in the published schedule of version {@code revision}.
 */
public record AnnouncementStarted(long eventId, long revision, long announcementId, String title, String body,
        AnnouncementSeverity severity, Instant startsAt, Instant endsAt, boolean everyone, List<Long> sessionIds,
        List<Long> blockIds) {
}
