package io.hallway.meetups;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;
import io.hallway.schedule.Event;

/**
 * Meet-ups are the data of both their people. My export holds my setting and every meeting I am in, as I see it
 * (the other person by profile id and the name they show me, why it no longer fits in my words), and the causes I
 * was told one no longer fits for (a kind of change of an item I follow, {@code delay:session-12}); the other
 * person's words and causes are theirs. My erasure deletes every meeting I am in, whoever
 * asked: a row naming me cannot outlive my erasure, and half a meeting means nothing; the other person's agenda
 * loses it, they are told it was cancelled (one pending or still to come), and their change feed keeps only
 * nameless news.
 */
@Singleton
class MeetingData {

    record Export(WhoMayAsk whoMayAsk, List<MeetingView> meetings, List<CausesTold> noLongerFitsCausesTold) {
    }

    /** The causes I was told a meeting no longer fits for, told first first. */
    record CausesTold(long meetingId, List<String> causes) {
    }

    @Inject
    Meetings meetings;

    @Inject
    MeetingViews views;

    @Inject
    MeetingRequests requests;

    @Produces
    @Singleton
    PersonalData meetings() {
        return new PersonalSection("meetings", Map.of("meeting", AfterPurge.NONE, "meeting_setting", AfterPurge.NONE,
                "meeting_rate_limit", AfterPurge.NONE), meetings::holds, this::export, this::erase,
                eventId -> Map.of("meetings", meetings.purge(eventId, "meeting"),
                        "meetingSettings", meetings.purge(eventId, "meeting_setting"),
                        "meetingRateLimits", meetings.purge(eventId, "meeting_rate_limit")));
    }

    private void erase(long eventId, long userId) {
        requests.erasing(eventId, userId);
        meetings.erase(eventId, userId);
    }

    private Export export(long eventId, long userId) {
        ZoneId zone = Event.<Event> findById(eventId).zone();
        List<Meetings.Row> mine = meetings.of(eventId, userId);
        return new Export(meetings.whoMayAsk(eventId, userId), mine.stream().map(row -> views.of(row, userId, zone)).toList(),
                mine.stream().filter(row -> !row.causesTold(userId).isEmpty())
                        .map(row -> new CausesTold(row.id(), row.causesTold(userId))).toList());
    }
}
