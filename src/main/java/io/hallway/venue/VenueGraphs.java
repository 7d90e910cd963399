package io.hallway.venue;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hallway.common.Problem;
import io.hallway.common.ReplicaCaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The routing graphs of this replica, one per event, each built from one stored venue version. A cache,
 * never the truth: saves on this replica install their graph at once, and every
 * {@code hallway.venue.refresh-interval} one query compares the stored versions (and event slugs and
 * publication) with the cache and rebuilds what changed, so a replica serves a stale graph for at most
 * that long. Route requests read the cache only; the database is read on a miss.
 */
@ApplicationScoped
class VenueGraphs {

    private static final Logger LOG = Logger.getLogger(VenueGraphs.class);

    /** A graph with the event facts the public endpoints check. */
    record Loaded(long eventId, String slug, boolean published, VenueGraph graph) {
    }

    /** How many events' graphs a replica keeps; one evicted is loaded again on its next request. */
    private static final int GRAPHS = 1_000;

    private final Map<Long, Loaded> byEvent;
    private final Map<String, Loaded> bySlug;
    /** Events found without a venue: an agenda asks for walking times on every gap, and must not query each time. */
    private final Set<Long> withoutVenue;
    private ScheduledExecutorService refresher;

    @Inject
    VenueStore store;

    @Inject
    VenueConfig config;

    @Inject
    VenueGraphs(MeterRegistry registry) {
        byEvent = ReplicaCaches.<Long, Loaded> exact("venue_graphs", GRAPHS, registry).asMap();
        bySlug = ReplicaCaches.<String, Loaded> exact("venue_graphs_by_slug", GRAPHS, registry).asMap();
        withoutVenue = Collections.newSetFromMap(ReplicaCaches.<Long, Boolean> exact("events_without_venue", GRAPHS,
                registry).asMap());
    }

    void start(@Observes StartupEvent startup) {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "venue-graph-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** The graph of a published event's venue, for the public endpoints. */
    VenueGraph published(String slug) {
        Loaded loaded = bySlug.get(slug);
        if (loaded == null) {
            loaded = store.loadBySlug(slug).map(this::build).map(this::install).orElse(null);
        }
        if (loaded == null || !loaded.published()) {
            // Same answer for a missing event, a draft and an event without a map, as for the schedule.
            throw Problem.notFound("No venue map for event '" + slug + "'.");
        }
        return loaded.graph();
    }

    /** The graph of an event's venue, if it has one. */
    Optional<VenueGraph> forEvent(long eventId) {
        Loaded loaded = byEvent.get(eventId);
        if (loaded == null && !withoutVenue.contains(eventId)) {
            loaded = store.load(eventId).map(this::build).map(this::install).orElse(null);
            if (loaded == null) {
                withoutVenue.add(eventId);
            }
        }
        return Optional.ofNullable(loaded).map(Loaded::graph);
    }

    /** Installs a graph unless a newer version is already in place; returns what is in place. */
    Loaded install(Loaded candidate) {
        Loaded winner = newest(candidate);
        bySlug.put(winner.slug(), winner);
        return winner;
    }

    /** A save on this replica may race the refresh; the higher version always wins. */
    private Loaded newest(Loaded candidate) {
        withoutVenue.remove(candidate.eventId());
        return byEvent.merge(candidate.eventId(), candidate,
                (old, fresh) -> fresh.graph().version >= old.graph().version ? fresh : old);
    }

    Loaded build(VenueStore.Stored stored) {
        return new Loaded(stored.eventId(), stored.slug(), stored.published(),
                new VenueGraph(stored.version(), stored.document(), config.speed()));
    }

    /** Brings the cache in line with the database: rebuilds changed venues, forgets deleted ones. */
    void refresh() {
        Set<Long> present = new HashSet<>();
        for (VenueStore.Stamp stamp : store.stamps()) {
            present.add(stamp.eventId());
            Loaded cached = byEvent.get(stamp.eventId());
            if (cached == null) {
                continue;
            }
            if (cached.graph().version != stamp.version()) {
                store.load(stamp.eventId()).map(this::build).ifPresent(this::newest);
            } else if (!cached.slug().equals(stamp.slug()) || cached.published() != stamp.published()) {
                newest(new Loaded(stamp.eventId(), stamp.slug(), stamp.published(), cached.graph()));
            }
        }
        withoutVenue.removeAll(present);
        byEvent.keySet().retainAll(present);
        bySlug.clear();
        byEvent.values().forEach(loaded -> bySlug.put(loaded.slug(), loaded));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Refreshing venue graphs failed; serving the cached ones until the next try");
        }
    }
}
