package io.hallway.schedule;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;

import io.hallway.common.ReplicaCaches;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The schedule deltas this replica made lately, for the cursors that apps send together right after an
 * organizer change. A delta between two versions never changes, so nothing kept here is ever stale; it goes
 * when the bound pushes it out.
 * <p>
 * Bounded twice, because anyone can ask for a delta. At most {@code maximumSize} deltas across all events,
 * evicted by the thread that adds one rather than later in the background. And only deltas from cursors at
 * most {@code reach} versions behind the version they lead to: an app that is online polls often and each
 * organizer change (a whole import too) is one version, so the cursors of online apps, the ones that arrive
 * by the hundred after a change, lie within a few versions of the current one. A cursor further back belongs
 * to an app that was offline for a while; such cursors come one at a time, each from its own version, so
 * keeping their deltas would serve nobody else, and walking {@code since} through the whole history would
 * fill the cache with them. Their deltas are read from the database for each request instead.
 */
final class RecentDeltas {

    private record Key(long eventId, long since, long version) {
    }

    private final Cache<Key, ScheduleDelta> made;
    private final long reach;
    // A cache of size 0 would still hold an entry until its eviction runs: 0 must mean none at all.
    private final boolean remembering;

    RecentDeltas(long maximumSize, long reach, MeterRegistry registry) {
        this.reach = reach;
        remembering = maximumSize > 0 && reach > 0;
        made = ReplicaCaches.exact("schedule_deltas", maximumSize, registry);
    }

    /**
     * The delta of this event from {@code since} to {@code version}: kept from an earlier request, or made by
     * {@code read}. A made delta is kept only if it is recent and reaches exactly that version (a change
     * committed meanwhile makes it reach further).
     */
    ScheduleDelta get(long eventId, long since, long version, Supplier<ScheduleDelta> read) {
        if (!remembering || version - since > reach) {
            return read.get();
        }
        Key key = new Key(eventId, since, version);
        ScheduleDelta known = made.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // Not computed inside the cache: a database read must not hold the cache's lock for other keys.
        ScheduleDelta delta = read.get();
        if (delta.scheduleVersion() == version) {
            made.asMap().putIfAbsent(key, delta);
        }
        return delta;
    }

    long size() {
        made.cleanUp();
        return made.estimatedSize();
    }

    long size(long eventId) {
        made.cleanUp();
        return made.asMap().keySet().stream().filter(key -> key.eventId() == eventId).count();
    }
}
