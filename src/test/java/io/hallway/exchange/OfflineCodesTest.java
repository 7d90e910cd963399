package io.hallway.exchange;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OfflineCodesTest {

    private static final String HOLDER = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final byte[] SECRET = new byte[32];

    @Test
    void a_step_is_thirty_seconds_of_unix_time() {
        assertEquals(0, OfflineCodes.step(Instant.ofEpochSecond(29)));
        assertEquals(1, OfflineCodes.step(Instant.ofEpochSecond(30)));
        assertEquals(-1, OfflineCodes.step(Instant.ofEpochSecond(-1)));
    }

    @Test
    void a_code_reads_back_bare_or_after_the_hash_of_a_link_and_verifies_with_its_secret_only() {
        String code = OfflineCodes.code(HOLDER, SECRET, 57731201);
        assertTrue(code.matches("hwo1\\.A{22}\\.57731201\\.[A-Za-z0-9_-]{16}"), code);
        OfflineCodes.Code read = OfflineCodes.parse(" https://hallway.example/o#" + code + "\n").orElseThrow();
        assertEquals(new OfflineCodes.Code(HOLDER, 57731201, code.substring(code.lastIndexOf('.') + 1)), read);
        assertTrue(OfflineCodes.madeWith(read, SECRET));
        byte[] other = new byte[32];
        other[0] = 1;
        assertFalse(OfflineCodes.madeWith(read, other));
        assertFalse(OfflineCodes.madeWith(new OfflineCodes.Code(HOLDER, 57731202, read.mac()), SECRET));
    }

    @Test
    void anything_else_is_no_code() {
        for (String text : new String[] { "", "hwo1", "hwo2." + HOLDER + ".1.AAAAAAAAAAAAAAAA",
                "hwo1." + HOLDER + ".-1.AAAAAAAAAAAAAAAA", "hwo1." + HOLDER + ".1.AAAAAAAAAAAAAAA",
                "hwo1.short.1.AAAAAAAAAAAAAAAA", "hwo1." + HOLDER + ".1234567890123456.AAAAAAAAAAAAAAAA" }) {
            assertEquals(Optional.empty(), OfflineCodes.parse(text), text);
        }
    }
}
