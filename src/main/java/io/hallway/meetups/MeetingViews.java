package io.hallway.meetups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.people.Audience;
import io.hallway.people.Profile;
import io.hallway.people.ProfileField;
import io.hallway.people.Relations;

/** Meeting rows as each of their two people sees them. */
@ApplicationScoped
class MeetingViews {

    @Inject
    Meetings meetings;

    @Inject
    Relations relations;

    MeetingView of(Meetings.Row row, long me, ZoneId zone) {
        boolean requester = row.requesterId() == me;
        if (row.declinedByTheOther(me)) {
            return new MeetingView(row.id(), "not-available", requester ? "requester" : "invitee", person(row, me),
                    row.minutes(), row.message(), false, List.of(), null, null, null, at(row.createdAt(), zone), null);
        }
        List<Meetings.StoredSlot> stored = meetings.slots(row);
        List<MeetingView.Slot> slots = new ArrayList<>();
        boolean pending = row.status().equals(Meetings.PENDING);
        for (int i = 0; pending && i < stored.size(); i++) {
            Meetings.StoredSlot slot = stored.get(i);
            slots.add(new MeetingView.Slot(i, at(slot.startsAt(), zone), at(slot.endsAt(), zone), place(slot, requester)));
        }
        boolean accepted = row.status().equals(Meetings.ACCEPTED);
        return new MeetingView(row.id(), row.status(), requester ? "requester" : "invitee", person(row, me),
                row.minutes(), row.message(), row.awaitingId() != null && row.awaitingId() == me, slots,
                accepted ? at(row.startsAt(), zone) : null, accepted ? at(row.endsAt(), zone) : null,
                accepted && !stored.isEmpty() ? place(stored.get(0), requester) : null, at(row.createdAt(), zone),
                row.noLongerFits(me));
    }

    /** The other person by their profile id, and their name where their visibility lets me see it. */
    private MeetingView.Person person(Meetings.Row row, long me) {
        long other = row.other(me);
        return Profile.of(row.eventId(), other).map(profile -> {
            Audience audience = relations.audience(row.eventId(), other, me);
            return new MeetingView.Person(profile.id,
                    profile.shows(ProfileField.DISPLAY_NAME, audience) ? profile.displayName : null);
        }).orElse(new MeetingView.Person(null, null));
    }

    private static MeetingView.Place place(Meetings.StoredSlot slot, boolean requester) {
        if (slot.placeId() == null) {
            return null;
        }
        Long mine = requester ? slot.requesterWalkSeconds() : slot.inviteeWalkSeconds();
        Long theirs = requester ? slot.inviteeWalkSeconds() : slot.requesterWalkSeconds();
        return new MeetingView.Place(slot.placeId(), slot.placeName(), slot.placeCategory(), minutes(mine), minutes(theirs));
    }

    /** Whole minutes, rounded up: a walk of 61 s takes two minutes of someone's plan. */
    static Long minutes(Long seconds) {
        return seconds == null ? null : (seconds + 59) / 60;
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

}
