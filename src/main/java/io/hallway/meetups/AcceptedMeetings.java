package io.hallway.meetups;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.agenda.MeetingsInAgenda;

/**
 * The agenda's port to accepted meet-ups: mine in time order, the other person as they show themselves to me, and why
 * one no longer fits in my words.
 */
@ApplicationScoped
class AcceptedMeetings implements MeetingsInAgenda {

    @Inject
    Meetings meetings;

    @Inject
    MeetingViews views;

    @Override
    public List<Accepted> accepted(long eventId, long userId) {
        return meetings.accepted(eventId, userId).stream().map(row -> new Accepted(row.id(), row.startsAt(),
                row.endsAt(), views.of(row, userId, java.time.ZoneOffset.UTC).with().displayName(), row.placeId(),
                row.placeName(), row.noLongerFits(userId))).toList();
    }
}
