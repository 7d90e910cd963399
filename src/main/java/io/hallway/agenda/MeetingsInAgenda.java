package io.hallway.agenda;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the agenda needs from whichever feature keeps meet-ups: a person's accepted ones, to show them in the
 * agenda, the calendar feed and next-route, and to find sessions bookmarked over them. Declared here, where it is
 * consumed, so that the agenda knows no meet-up table.
 */
public interface MeetingsInAgenda {

    /**
     * An accepted meet-up as the agenda shows it; the other person by the name they show me, and why it no longer
     * fits in my words, which name no session only the other person follows.
     */
    record Accepted(long id, Instant startsAt, Instant endsAt, String withName, String placeId, String placeName,
            String noLongerFits) {

        AgendaView.Meeting in(ZoneId zone) {
            return new AgendaView.Meeting("meeting-" + id, id, startsAt.atZone(zone).toOffsetDateTime(),
                    endsAt.atZone(zone).toOffsetDateTime(), withName, placeId, placeName, noLongerFits);
        }
    }

    /** The person's accepted meet-ups in the event, in time order. */
    List<Accepted> accepted(long eventId, long userId);
}
