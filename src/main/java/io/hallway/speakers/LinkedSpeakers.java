package io.hallway.speakers;

import java.time.Instant;
import java.util.List;

import io.hallway.schedule.Event;
import io.hallway.schedule.Session;
import io.hallway.schedule.Speaker;

/** How a linked speaker record looks to its account: its name and the sessions it speaks at, from the schedule. */
final class LinkedSpeakers {

    private LinkedSpeakers() {
    }

    static LinkedSpeakerView view(Event event, Speaker speaker, Instant linkedAt) {
        List<Long> sessionIds = Session.<Session> list(
                "select s from Session s join s.speakers sp where sp = ?1 order by s.startsAt, s.id", speaker).stream()
                .map(session -> session.id).toList();
        return new LinkedSpeakerView(event.slug, speaker.id, speaker.name, linkedAt, sessionIds);
    }
}
