package io.hallway.common;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The one way a replica keeps something in memory, so that the README's table "What a replica may serve stale"
 * holds for each: a Caffeine cache bounded in entries, counted in {@code /q/metrics} as
 * {@code cache_gets_total{cache="<name>"}}, whose staleness is bounded one of three ways:
 * <ul>
 * <li>{@link #exact}: the key names what the value was made from (a version, a row that never changes), so an
 * entry is never stale, only evicted; or a periodic check against the database replaces what changed, so an entry
 * is stale for at most that period;</li>
 * <li>{@link #freshFor}: an entry is read again once it is older than an age the operator sets;</li>
 * <li>{@link #expiring}: each entry ends at a time of its own, such as a token's expiry.</li>
 * </ul>
 * Maintenance runs on the calling thread, so a cache's size is exact when a test or a metric reads it. A size
 * of 0 keeps nothing.
 */
public final class ReplicaCaches {

    private ReplicaCaches() {
    }

    public static <K, V> Cache<K, V> exact(String name, long maximumSize, MeterRegistry registry) {
        return monitored(name, bounded(maximumSize).build(), registry);
    }

    public static <K, V> Cache<K, V> freshFor(Duration maxAge, String name, long maximumSize, MeterRegistry registry) {
        return monitored(name, bounded(maximumSize).expireAfterWrite(maxAge).build(), registry);
    }

    public static <K, V> Cache<K, V> expiring(Expiry<K, V> expiry, Ticker ticker, String name, long maximumSize,
            MeterRegistry registry) {
        return monitored(name, bounded(maximumSize).expireAfter(expiry).ticker(ticker).build(), registry);
    }

    private static Caffeine<Object, Object> bounded(long maximumSize) {
        return Caffeine.newBuilder().maximumSize(Math.max(maximumSize, 0)).executor(Runnable::run).recordStats();
    }

    private static <K, V> Cache<K, V> monitored(String name, Cache<K, V> cache, MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
        return cache;
    }
}
