package io.hallway.schedule;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * The opaque position in an event's schedule history that clients hand back to ask what changed since.
 * It is the schedule version, which lives in the database, so every replica reads the same cursor.
 */
public final class ScheduleCursor {

    private static final String PREFIX = "sv1:";

    private ScheduleCursor() {
    }

    public static String encode(long eventId, long scheduleVersion) {
        String plain = PREFIX + eventId + ":" + scheduleVersion;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The schedule version a cursor stands for, if it is well-formed and belongs to this event. */
    public static OptionalLong decode(String cursor, long eventId) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = plain.substring(PREFIX.length()).split(":");
            if (!plain.startsWith(PREFIX) || parts.length != 2 || Long.parseLong(parts[0]) != eventId) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return OptionalLong.empty();
        }
    }
}
