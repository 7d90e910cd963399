package io.hallway.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ContentLinesTest {

    @Test
    void a_line_of_exactly_75_octets_stays_whole_and_one_more_octet_folds() {
        String whole = "S".repeat(75);
        assertEquals(whole + "\r\n", ContentLines.fold(whole + "\r\n"));
        assertEquals(whole + "\r\n x\r\n", ContentLines.fold(whole + "x\r\n"));
    }

    @Test
    void a_three_octet_character_straddling_octet_75_moves_whole_to_the_continuation_line() {
        // Octets 1-74 are ASCII, so 日 would take octets 75-77.
        String line = "SUMMARY:" + "a".repeat(66) + "日本";
        String folded = ContentLines.fold(line + "\r\n");

        assertEquals("SUMMARY:" + "a".repeat(66) + "\r\n 日本\r\n", folded);
        assertEquals(List.of(74, 7), octetsPerLine(folded));
        assertEquals(line + "\r\n", folded.replace("\r\n ", ""));
    }

    @Test
    void continuation_lines_hold_74_octets_after_their_space_and_never_split_a_code_point() {
        // 25 CJK characters (75 octets) and an emoji outside the BMP (4 octets, 2 Java chars) after an ASCII name.
        String line = "DESCRIPTION:" + "日本語のセッション".repeat(10) + "\uD83C\uDF89" + "ü".repeat(40);
        String folded = ContentLines.fold(line + "\r\n");

        octetsPerLine(folded).forEach(octets -> assertTrue(octets <= 75, octets + " octets"));
        assertEquals(line + "\r\n", folded.replace("\r\n ", ""));
        for (String continuation : folded.split("\r\n")) {
            assertEquals(continuation, new String(continuation.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    "each line is whole UTF-8 on its own");
        }
    }

    private static List<Integer> octetsPerLine(String folded) {
        return folded.lines().map(l -> l.getBytes(StandardCharsets.UTF_8).length).toList();
    }
}
