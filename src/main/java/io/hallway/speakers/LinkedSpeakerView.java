package io.hallway.speakers;

import java.time.Instant;
import java.util.List;

/**
 * A speaker record linked to the caller's account: the event, the record's id and name as the schedule shows it,
 * and the sessions it speaks at.
 */
public record LinkedSpeakerView(String slug, long speakerId, String name, Instant linkedAt, List<Long> sessionIds) {
}
