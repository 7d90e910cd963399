package io.hallway.agenda;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    /** The change in one sentence an app may show as it is ("“Title” now starts Tue 14:30 in Flex Space"). */
    static String sentence(SessionState before, SessionState after, ZoneId zone) {
        String title = "\u201c" + before.title + "\u201d";
        if (after == null) {
            return title + " was taken off the schedule";
        }
        List<String> changed = differences(before, after);
        String when = DAY_AND_CLOCK.format(after.startsAt.atZoneSameInstant(zone));
        String where = after.roomName == null ? "" : " in " + after.roomName;
        if (changed.contains("cancelled")) {
            return title + " is cancelled";
        }
        if (changed.contains("reinstated")) {
            return title + " is back on: " + when + where;
        }
        if (changed.contains("time")) {
            return title + " now starts " + when + (changed.contains("room") ? where : "");
        }
        if (changed.contains("room")) {
            return title + " moves to " + (after.roomName == null ? "another room" : after.roomName);
        }
        return title + " has new speakers";
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
