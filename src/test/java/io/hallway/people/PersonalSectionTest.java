package io.hallway.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PersonalSectionTest {

    @Test
    void a_section_that_leaves_out_a_duty_is_refused_when_it_is_declared() {
        var missing = assertThrows(NullPointerException.class, () -> new PersonalSection("notes",
                Map.of("note", PersonalData.AfterPurge.NONE), (eventId, userId) -> false, (eventId, userId) -> null,
                (eventId, userId) -> { }, null));
        assertEquals("purge", missing.getMessage());
    }

    @Test
    void each_duty_is_answered_by_its_own_function_with_the_event_and_the_person() {
        AtomicReference<String> erased = new AtomicReference<>();
        var section = new PersonalSection("notes", Map.of("note", PersonalData.AfterPurge.NONE),
                (eventId, userId) -> eventId == 1 && userId == 2,
                (eventId, userId) -> eventId + "/" + userId, (eventId, userId) -> erased.set(eventId + "/" + userId),
                eventId -> Map.of("notes", eventId));
        assertEquals("notes", section.section());
        assertEquals(Map.of("note", PersonalData.AfterPurge.NONE), section.tables());
        assertTrue(section.holds(1, 2));
        assertEquals("1/2", section.export(1, 2));
        section.erase(1, 2);
        assertEquals("1/2", erased.get());
        assertEquals(Map.of("notes", 3L), section.purge(3));
    }
}
