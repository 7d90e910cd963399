package io.hallway.live;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** An announcement as the live document and the admin API show it, in the event's time zone. */
public record AnnouncementView(long id, String title, String body, AnnouncementSeverity severity,
        AnnouncementRequest.Audience audience, OffsetDateTime startsAt, OffsetDateTime endsAt,
        OffsetDateTime postedAt, long version) {

    static AnnouncementView from(Announcement announcement, ZoneId zone) {
        return new AnnouncementView(announcement.id, announcement.title, announcement.body, announcement.severity,
                new AnnouncementRequest.Audience(announcement.audience, announcement.roomId, announcement.levelName,
                        announcement.sessionId),
                announcement.startsAt.atZone(zone).toOffsetDateTime(),
                announcement.endsAt.atZone(zone).toOffsetDateTime(),
                announcement.postedAt.atZone(zone).toOffsetDateTime(), announcement.version);
    }
}
