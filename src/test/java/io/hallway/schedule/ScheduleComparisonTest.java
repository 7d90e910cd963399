package io.hallway.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleComparisonTest {

    private static final EventView EVENT = new EventView("e", "E", "America/Denver", LocalDate.of(2024, 11, 10),
            LocalDate.of(2024, 11, 10), null, null, null, true, Map.of(), ReleaseMode.MANUAL, 1, 0);
    private static final RoomView THEATER = new RoomView(1, "Theater", 100, null, null, 0, null, 0);

    @Test
    void a_session_counts_once_cancelled_before_moved_and_other_changes_count_as_none() {
        ScheduleSnapshot from = schedule(1, session(10, "09:00", 1L, SessionStatus.SCHEDULED, "A", 0),
                session(11, "10:00", 1L, SessionStatus.SCHEDULED, "B", 0),
                session(12, "11:00", 1L, SessionStatus.SCHEDULED, "C", 0),
                session(13, "12:00", 1L, SessionStatus.SCHEDULED, "D", 0));
        ScheduleSnapshot to = schedule(2, session(10, "09:30", null, SessionStatus.SCHEDULED, "A", 1),
                session(11, "10:30", 1L, SessionStatus.CANCELLED, "B", 1),
                session(12, "11:00", 1L, SessionStatus.SCHEDULED, "C renamed", 1),
                session(14, "13:00", 1L, SessionStatus.SCHEDULED, "E", 0));

        List<ScheduleComparison.SessionChange> changes = ScheduleComparison.sessions(from, to);

        assertThat(changes.stream().map(ScheduleComparison.SessionChange::changes).toList(), contains(
                List.of("time", "room"), List.of("time", "cancelled"), List.of("title"), List.of("added"),
                List.of("removed")));
        assertEquals(new ReleaseCounts(1, 1, 1, 1), ReleaseCounts.of(changes));
    }

    @Test
    void the_delta_holds_every_differing_row_and_a_tombstone_for_each_gone_one() {
        ScheduleSnapshot from = schedule(1, session(10, "09:00", 1L, SessionStatus.SCHEDULED, "A", 0),
                session(11, "10:00", 1L, SessionStatus.SCHEDULED, "B", 0));
        ScheduleSnapshot to = schedule(5, session(10, "09:00", 1L, SessionStatus.SCHEDULED, "A", 3));

        ScheduleDelta delta = ScheduleComparison.delta(from, to);

        assertEquals(1, delta.fromVersion());
        assertEquals(5, delta.scheduleVersion());
        assertThat(delta.sessions().stream().map(SessionView::id).toList(), contains(10L));
        assertThat(delta.deleted(), contains(new ScheduleDelta.Tombstone("session", 11)));
        assertThat(delta.rooms(), empty());
    }

    @Test
    void versions_alone_are_not_a_difference_an_attendee_sees() {
        ScheduleSnapshot from = schedule(1, session(10, "09:00", 1L, SessionStatus.SCHEDULED, "A", 0));
        ScheduleSnapshot to = schedule(7, session(10, "09:00", 1L, SessionStatus.SCHEDULED, "A", 4));

        assertTrue(ScheduleComparison.same(from, to));
        assertThat(ScheduleComparison.sessions(from, to), empty());
        assertFalse(ScheduleComparison.same(from, schedule(7, session(10, "09:00", 1L, SessionStatus.SCHEDULED, "B", 0))));
    }

    private static ScheduleSnapshot schedule(long version, SessionView... sessions) {
        return new ScheduleSnapshot(EVENT, version, "cursor-" + version, List.of(THEATER), List.of(), List.of(),
                List.of(sessions), List.of());
    }

    private static SessionView session(long id, String start, Long roomId, SessionStatus status, String title,
            long version) {
        OffsetDateTime startsAt = OffsetDateTime.parse("2024-11-10T" + start + ":00-07:00");
        return new SessionView(id, new UUID(0, id), SessionKind.TALK, title, null, null, null, List.of(), null, roomId,
                startsAt, startsAt.plusMinutes(30), 30, status, List.of(), null, null, null, null, version, null, null, null,
                null, null);
    }
}
