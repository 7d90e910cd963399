package io.hallway.agenda;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;

/** What an attendee notices of a session: when, where, whether it happens, who speaks. */
public record SessionState(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, Long roomId, String roomName,
        SessionStatus status, List<String> speakers) {

    /** The kinds of change, in the words of the feed: time, room, cancelled, reinstated, speakers, deleted. */
    static List<String> differences(SessionState before, SessionState after) {
        List<String> kinds = new ArrayList<>();
        if (after == null) {
            kinds.add("deleted");
            return kinds;
        }
        if (!before.startsAt.toInstant().equals(after.startsAt.toInstant())
                || !before.endsAt.toInstant().equals(after.endsAt.toInstant())) {
            kinds.add("time");
        }
        if (!Objects.equals(before.roomId, after.roomId)) {
            kinds.add("room");
        }
        if (before.status != after.status) {
            kinds.add(after.status == SessionStatus.CANCELLED ? "cancelled" : "reinstated");
        }
        if (!before.speakers.equals(after.speakers)) {
            kinds.add("speakers");
        }
        return kinds;
    }

    static SessionState of(SessionView view, String roomName) {
        return new SessionState(view.title(), view.startsAt(), view.endsAt(), view.roomId(), roomName, view.status(),
                view.speakers().stream().map(SessionView.SpeakerRef::name).toList());
    }

    /** Stored times come back in UTC; clients get them in the event's zone like everywhere else. */
    SessionState in(ZoneId zone) {
        return new SessionState(title, startsAt.atZoneSameInstant(zone).toOffsetDateTime(),
                endsAt.atZoneSameInstant(zone).toOffsetDateTime(), roomId, roomName, status, speakers);
    }
}
