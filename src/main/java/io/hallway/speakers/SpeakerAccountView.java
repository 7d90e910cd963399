package io.hallway.speakers;

import java.time.Instant;

/** Whether a speaker record is linked to an account, and since when; never whose account it is. */
public record SpeakerAccountView(boolean linked, Instant linkedAt) {
}
