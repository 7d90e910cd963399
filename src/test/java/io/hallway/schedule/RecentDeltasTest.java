package io.hallway.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RecentDeltasTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void walking_every_version_of_many_events_keeps_no_more_deltas_than_the_maximum_size() {
        RecentDeltas recent = new RecentDeltas(16, 8, new SimpleMeterRegistry());

        for (long event = 1; event <= 20; event++) {
            for (long since = 0; since < 100; since++) {
                ScheduleDelta delta = get(recent, event, since, 100);
                assertEquals(since, delta.fromVersion());
                assertEquals(100, delta.scheduleVersion());
                assertTrue(recent.size() <= 16, "kept " + recent.size());
            }
        }
        assertEquals(2000, reads.get());
    }

    @Test
    void only_deltas_from_recent_cursors_are_kept_and_older_ones_are_read_each_time() {
        RecentDeltas recent = new RecentDeltas(256, 8, new SimpleMeterRegistry());

        for (int round = 0; round < 3; round++) {
            for (long since = 0; since < 100; since++) {
                assertEquals(since, get(recent, 1, since, 100).fromVersion());
            }
        }

        assertEquals(8, recent.size(1));
        assertEquals(92 * 3 + 8, reads.get());
    }

    @Test
    void a_delta_that_reached_past_the_asked_version_is_not_kept() {
        RecentDeltas recent = new RecentDeltas(256, 8, new SimpleMeterRegistry());

        recent.get(1, 99, 100, () -> delta(99, 101));

        assertEquals(0, recent.size());
    }

    @Test
    void a_size_of_zero_keeps_nothing() {
        RecentDeltas recent = new RecentDeltas(0, 8, new SimpleMeterRegistry());

        get(recent, 1, 99, 100);
        get(recent, 1, 99, 100);

        assertEquals(0, recent.size());
        assertEquals(2, reads.get());
    }

    private ScheduleDelta get(RecentDeltas recent, long eventId, long since, long version) {
        return recent.get(eventId, since, version, () -> {
            reads.incrementAndGet();
            return delta(since, version);
        });
    }

    private static ScheduleDelta delta(long since, long version) {
        return new ScheduleDelta(null, since, version, "cursor", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }
}
