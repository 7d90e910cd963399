package io.hallway.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleCursorsTest {

    private final ScheduleCursors cursors = new ScheduleCursors(() -> key(1));

    @Test
    void a_cursor_reads_back_as_the_version_it_was_made_for() {
        String cursor = cursors.encode(42, 7);

        assertEquals(Optional.of(new ScheduleCursors.Position(7, false)), cursors.read(cursor, 42));
        assertTrue(cursor.matches("[A-Za-z0-9_-]{44}"), "base64url without padding: " + cursor);
    }

    @Test
    void a_cursor_with_a_feed_position_reads_back_with_it_and_cannot_be_moved() {
        String cursor = cursors.encode(42, 7, 99);

        assertEquals(Optional.of(new ScheduleCursors.Position(7, false, 99L)), cursors.read(cursor, 42));
        assertTrue(cursor.matches("[A-Za-z0-9_-]{55}"), "base64url without padding: " + cursor);
        byte[] moved = Base64.getUrlDecoder().decode(cursor);
        moved[24]++;
        assertEquals(Optional.empty(), cursors.read(Base64.getUrlEncoder().withoutPadding().encodeToString(moved), 42));
        assertEquals(Optional.empty(), cursors.read(cursor, 43));
    }

    @Test
    void a_replica_with_the_same_key_reads_it_too() {
        assertEquals(Optional.of(new ScheduleCursors.Position(7, false)),
                new ScheduleCursors(() -> key(1)).read(cursors.encode(42, 7), 42));
    }

    @Test
    void a_cursor_made_with_another_key_is_none() {
        String forged = new ScheduleCursors(() -> key(2)).encode(42, 7);

        assertEquals(Optional.empty(), cursors.read(forged, 42));
    }

    @Test
    void a_cursor_of_another_event_is_none() {
        assertEquals(Optional.empty(), cursors.read(cursors.encode(43, 7), 42));
    }

    @Test
    void a_cursor_in_the_unsigned_format_of_before_reads_as_legacy() {
        String legacy = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("sv1:42:7".getBytes(StandardCharsets.US_ASCII));

        assertEquals(Optional.of(new ScheduleCursors.Position(7, true)), cursors.read(legacy, 42));
        assertEquals(Optional.empty(), cursors.read(legacy, 43));
    }

    @Test
    void garbage_and_truncated_cursors_are_none() {
        String cursor = cursors.encode(42, 7);
        for (String garbled : new String[] { "", "garbage", "!!!!", cursor.substring(0, 43), cursor + "A",
                cursor.substring(0, 40) + "====", "c3YxOjQyOjc6OA", "c3YxOjQyOng", "A".repeat(10_000) }) {
            assertEquals(Optional.empty(), cursors.read(garbled, 42), garbled);
        }
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
