package io.hallway.schedule;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.hallway.common.ServerKeys;

/**
 * The opaque position in an event's schedule history that clients hand back to ask what changed since: the
 * event and its schedule version, which live in the database, signed with a key every replica reads from the
 * database, so every replica takes the cursors any of them handed out and nobody else can make one. A client
 * holds only cursors it was given; it cannot walk the history with made-up ones.
 * <p>
 * Format 2, base64url without padding (44 characters): the byte 2, the event id and the version as 8-byte
 * big-endian numbers, then the first 16 bytes of their HMAC-SHA256 (RFC 2104; truncated as RFC 4868 allows,
 * 128 bits). Format 1, {@code "sv1:<event>:<version>"} in base64url and unsigned, was handed out before; it
 * is still recognised, so that apps holding one are sent to the full snapshot rather than refused.
 * <p>
 * Format 3 (55 characters) adds, after the version, a position in a feed that follows the schedule but also
 * grows between versions (the personal change feed, which live delays add to without a new version): the last
 * entry the client was given. It is signed with the rest, so a client cannot skip or replay entries either.
 */
@Singleton
public class ScheduleCursors {

    /**
     * What a cursor of this event stands for; {@code legacy}: format 1, unsigned, good only for a fresh start;
     * {@code feedPosition}: the feed entry a format-3 cursor was handed out after, null for the other formats.
     */
    public record Position(long version, boolean legacy, Long feedPosition) {

        public Position(long version, boolean legacy) {
            this(version, legacy, null);
        }
    }

    static final String KEY_PURPOSE = "schedule-cursor";
    private static final byte FORMAT = 2;
    private static final byte FORMAT_WITH_FEED_POSITION = 3;
    private static final int SIGNED_BYTES = 1 + Long.BYTES + Long.BYTES;
    private static final int SIGNED_BYTES_WITH_FEED_POSITION = SIGNED_BYTES + Long.BYTES;
    private static final int TAG_BYTES = 16;
    private static final int CURSOR_BYTES = SIGNED_BYTES + TAG_BYTES;
    private static final int CURSOR_BYTES_WITH_FEED_POSITION = SIGNED_BYTES_WITH_FEED_POSITION + TAG_BYTES;
    /** Longer than any cursor of either format: not worth decoding. */
    private static final int MAX_LENGTH = 64;
    private static final String LEGACY_PREFIX = "sv1:";

    /** A Mac is not thread-safe; one per worker thread, keyed on first use. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public ScheduleCursors(ServerKeys keys) {
        this(() -> keys.key(KEY_PURPOSE));
    }

    ScheduleCursors(Supplier<byte[]> key) {
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    public String encode(long eventId, long scheduleVersion) {
        byte[] cursor = ByteBuffer.allocate(CURSOR_BYTES).put(FORMAT).putLong(eventId).putLong(scheduleVersion).array();
        System.arraycopy(tag(cursor, SIGNED_BYTES), 0, cursor, SIGNED_BYTES, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** A format-3 cursor: the schedule version and the last feed entry handed out with it. */
    public String encode(long eventId, long scheduleVersion, long feedPosition) {
        byte[] cursor = ByteBuffer.allocate(CURSOR_BYTES_WITH_FEED_POSITION).put(FORMAT_WITH_FEED_POSITION)
                .putLong(eventId).putLong(scheduleVersion).putLong(feedPosition).array();
        System.arraycopy(tag(cursor, SIGNED_BYTES_WITH_FEED_POSITION), 0, cursor, SIGNED_BYTES_WITH_FEED_POSITION,
                TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /**
     * Where a cursor of this event stands, if it is one: a signed cursor handed out for this event, or one of
     * the unsigned format-1 cursors of this event. Anything else, a cursor of another event included, is none.
     */
    public Optional<Position> read(String cursor, long eventId) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean withFeedPosition = bytes.length == CURSOR_BYTES_WITH_FEED_POSITION && bytes[0] == FORMAT_WITH_FEED_POSITION;
        if (withFeedPosition || (bytes.length == CURSOR_BYTES && bytes[0] == FORMAT)) {
            int signedBytes = withFeedPosition ? SIGNED_BYTES_WITH_FEED_POSITION : SIGNED_BYTES;
            byte[] tag = Arrays.copyOfRange(bytes, signedBytes, bytes.length);
            if (!MessageDigest.isEqual(tag(bytes, signedBytes), tag)) {
                return Optional.empty();
            }
            ByteBuffer signed = ByteBuffer.wrap(bytes, 1, signedBytes - 1);
            long cursorEventId = signed.getLong();
            long version = signed.getLong();
            Long feedPosition = withFeedPosition ? signed.getLong() : null;
            return cursorEventId == eventId ? Optional.of(new Position(version, false, feedPosition)) : Optional.empty();
        }
        return legacy(new String(bytes, StandardCharsets.US_ASCII), eventId);
    }

    private static Optional<Position> legacy(String plain, long eventId) {
        if (!plain.startsWith(LEGACY_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = plain.substring(LEGACY_PREFIX.length()).split(":", -1);
        try {
            if (parts.length == 2 && Long.parseLong(parts[0]) == eventId) {
                return Optional.of(new Position(Long.parseLong(parts[1]), true));
            }
        } catch (NumberFormatException e) {
            // not a number: not a cursor
        }
        return Optional.empty();
    }

    /** The truncated HMAC of a cursor's signed bytes. */
    private byte[] tag(byte[] cursor, int signedBytes) {
        Mac mac = macs.get();
        mac.update(cursor, 0, signedBytes);
        return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    }
}
