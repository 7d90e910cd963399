package io.hallway.live;

import java.time.Instant;
import java.util.List;

/**
 * Fired inside the transaction that marks an announcement delivered: when it starts showing, and again, as
 * corrected, after each correction of one that has started. Features that keep something per person (the attendees'
 * change feeds) observe it to reach its audience, each person once however often it is fired: everyone with an
 * agenda in the event, or the people who bookmarked one of {@code sessionIds} (alone or through one of
 * {@code blockIds}) in the published schedule of version {@code revision}.
 */
public record AnnouncementStarted(long eventId, long revision, long announcementId, String title, String body,
        AnnouncementSeverity severity, Instant startsAt, Instant endsAt, boolean everyone, List<Long> sessionIds,
        List<Long> blockIds) {
}
