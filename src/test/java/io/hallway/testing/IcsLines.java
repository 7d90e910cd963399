package io.hallway.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

/** What a calendar client reads from an iCalendar body, line by line (RFC 5545 3.1). */
public final class IcsLines {

    private IcsLines() {
    }

    /**
     * The body unfolded (each CRLF followed by one space removed), after asserting that every line of it is at most
     * 75 octets of UTF-8, not counting its CRLF, and that no LF stands alone.
     */
    public static String unfoldedAfterCheckingOctets(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertFalse(text.replace("\r\n", "").contains("\n"), "lines end in CRLF");
        for (String line : text.split("\r\n")) {
            int octets = line.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, "a line of " + octets + " octets: " + line);
        }
        return text.replace("\r\n ", "");
    }
}
