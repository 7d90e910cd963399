package io.hallway.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a meet-up reaches the other person: an entry of kind {@code meeting} in their change feed, written in the
 * transaction of the request or answer, which the notifications outbox turns into a {@code meeting} notification
 * (through {@link ChangeFeedGrew}) like any other entry. The agenda keeps the feed; the meet-ups feature only tells.
 */
@ApplicationScoped
public class MeetingNews {

    /**
     * What happened to a meet-up, in words to show as they are; names nobody, so an erasure of the other person
     * leaves nothing of them here.
     */
    @Schema(name = "ChangeMeeting")
    public record News(long meetingId,
            @Schema(enumeration = { "requested", "proposed", "accepted", "not-available", "cancelled",
                    "no-longer-fits" }) String what,
            String text) {
    }

    @Inject
    AgendaChangeLog changeLog;

    public void tell(long eventId, long userId, News news) {
        changeLog.record(eventId, userId, news);
    }
}
