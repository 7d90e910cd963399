package io.hallway.live;

import java.time.Instant;
import java.util.List;

/**
 * Fired once per announcement, inside the transaction that marks it delivered, when it starts showing. Features
 * that keep something per person (the attendees' change feeds) observe it to reach the announcement's audience:
 * everyone; who bookmarked a session in one of {@code roomIds} between {@code startsAt} and {@code endsAt} (a room
 * or a level's rooms); or who bookmarked {@code sessionId}.
 */
public record AnnouncementStarted(long eventId, long announcementId, String title, String body,
        AnnouncementSeverity severity, AudienceKind audience, List<Long> roomIds, Long sessionId, Instant startsAt,
        Instant endsAt) {
}
