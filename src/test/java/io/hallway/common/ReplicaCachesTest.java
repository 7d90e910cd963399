package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplicaCachesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_cache_counts_its_hits_and_misses_under_its_name() {
        Cache<String, Long> cache = ReplicaCaches.exact("answers", 10, registry);
        cache.getIfPresent("life");
        cache.put("life", 42L);
        cache.getIfPresent("life");
        cache.getIfPresent("life");

        assertEquals(2, registry.get("cache.gets").tags("cache", "answers", "result", "hit").functionCounter().count());
        assertEquals(1, registry.get("cache.gets").tags("cache", "answers", "result", "miss").functionCounter().count());
    }

    @Test
    void a_cache_of_size_zero_keeps_nothing() {
        Cache<String, Long> cache = ReplicaCaches.freshFor(Duration.ofMinutes(1), "nothing", 0, registry);
        cache.put("life", 42L);

        assertNull(cache.getIfPresent("life"));
    }

    @Test
    void a_cache_keeps_no_more_entries_than_its_bound() {
        Cache<Integer, Integer> cache = ReplicaCaches.exact("bounded", 3, registry);
        for (int i = 0; i < 100; i++) {
            cache.put(i, i);
        }

        assertEquals(3, cache.estimatedSize());
    }
}
