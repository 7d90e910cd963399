package io.hallway.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.Problem;
import io.hallway.common.ReplicaCaches;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds the published schedule of an event and keeps the last one per event, serialised and gzipped,
 * keyed by its schedule version, which lives in the database.
 * <p>
 * The version itself is remembered for a short interval ({@code hallway.schedule.version-check-interval})
 * so that the hot path, an app asking whether its copy is current, needs no database round trip. A change
 * made through this replica forgets the remembered version when it commits, so its organizer sees it at
 * once; other replicas notice within the interval. That bounded lag is the price of answering 304s from
 * memory.
 * <p>
 * <b>How a public endpoint finds the event a {@code {slug}} names</b>, the one rule: through the version
 * remembered here, {@link #published(String)}. Within the check interval that needs no database round trip;
 * after it, one small query reads the version again and remembers it. So a public endpoint sees an event
 * published, unpublished or deleted on another replica within that interval, exactly as it sees its schedule.
 * {@link #published} gives the id and version, {@link #current(String)} the schedule, {@link #publishedEvent}
 * the event itself (one query by id, for an endpoint that needs more of it). Admin endpoints see drafts too and
 * read the database: {@code Event.bySlugOr404}.
 * <p>
 * <b>Which version is public</b>: in release mode immediate the tables' schedule version; in manual mode the
 * version of the latest release ({@link Event#publicVersion()}), read in the same query. A release's snapshot is
 * built from the stored JSON of that release, never from the tables, which hold the draft; the draft itself is
 * {@link #draft}, built on every call and never kept.
 */
@ApplicationScoped
public class ScheduleSnapshots {

    /**
     * A built snapshot with its two encodings, ready to send, the other formats rendered from it so far
     * (such as the frab export) and what features derived from it (such as the agenda's index), all of
     * which live exactly as long as this version does.
     */
    public record Built(long eventId, long scheduleVersion, ScheduleSnapshot snapshot, byte[] json, byte[] gzipped,
            Map<String, Encoded> renditions, Map<Class<?>, Object> derived) {

        /** The snapshot in another format, rendered once per version and key. */
        public Encoded rendition(String key, Function<ScheduleSnapshot, byte[]> writer) {
            return renditions.computeIfAbsent(key, k -> Encoded.of(writer.apply(snapshot)));
        }

        /** What a feature computes from the snapshot for every request, computed once per version and type. */
        public <T> T derived(Class<T> type, Function<ScheduleSnapshot, T> derive) {
            return type.cast(derived.computeIfAbsent(type, k -> derive.apply(snapshot)));
        }

        public Optional<SessionView> session(long id) {
            return snapshot.sessions().stream().filter(s -> s.id() == id).findFirst();
        }

        public Optional<BlockView> block(long id) {
            return snapshot.blocks().stream().filter(b -> b.id() == id).findFirst();
        }

        public Optional<RoomView> room(Long id) {
            return id == null ? Optional.empty() : snapshot.rooms().stream().filter(r -> r.id() == id).findFirst();
        }
    }

    /** One public item and the schedule it was found in. */
    public record Found<T>(Built built, T item) {
    }

    /** A document in both codings. */
    public record Encoded(byte[] plain, byte[] gzipped) {
        public static Encoded of(byte[] plain) {
            return new Encoded(plain, gzip(plain));
        }
    }

    public record VersionRef(Long id, long scheduleVersion) {
    }

    /** Published events whose version a replica remembers; each is a few dozen bytes. */
    private static final int REMEMBERED_VERSIONS = 10_000;

    private final Map<Long, Built> latest;
    private final Cache<String, VersionRef> versions;

    @Inject
    ObjectMapper json;

    @Inject
    ScheduleCursors cursors;

    private ObjectReader storedSnapshots;

    @Inject
    ScheduleSnapshots(ScheduleConfig config, MeterRegistry registry) {
        latest = ReplicaCaches.<Long, Built> exact("schedule_snapshots", config.snapshotCacheSize(), registry).asMap();
        versions = ReplicaCaches.freshFor(config.versionCheckInterval(), "schedule_versions", REMEMBERED_VERSIONS,
                registry);
    }

    @PostConstruct
    void readers() {
        // Times keep the offset they were written with (the event's zone), as the snapshot built from the tables
        // has them, so a parsed release renders exactly as it did when released. A field a later view has
        // dropped does not make an old release unreadable.
        storedSnapshots = json.readerFor(ScheduleSnapshot.class)
                .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The version of a published event as read from the database within the check interval, if any. */
    public Optional<VersionRef> recentVersion(String slug) {
        return Optional.ofNullable(versions.getIfPresent(slug));
    }

    /** The published event a public endpoint's {@code {slug}} names, by the rule above; a 404 problem if none. */
    public VersionRef published(String slug) {
        return recentVersion(slug).orElseGet(() -> currentVersion(slug));
    }

    /** The published event a public endpoint's {@code {slug}} names, loaded read-only, by the rule above. */
    public Event publishedEvent(String slug) {
        return Event.readOnly(published(slug).id()).orElseThrow(() -> Problem.notFound("No event '" + slug + "'."));
    }

    /** The built snapshot of exactly this version, if this replica has it. */
    public Optional<Built> ready(VersionRef version) {
        Built cached = latest.get(version.id());
        return cached != null && cached.scheduleVersion() == version.scheduleVersion() ? Optional.of(cached)
                : Optional.empty();
    }

    /**
     * The session as the public sees it, or a 404 problem worded as for an unknown session: in manual mode the draft
     * holds sessions the public does not see yet. One not in the version this replica remembers is looked for again
     * in the database's, which a release within the check interval may have added.
     */
    public Found<SessionView> session(String slug, long id) {
        return find(slug, built -> built.session(id), "session", id);
    }

    /** The lightning block as the public sees it, or a 404 problem, as {@link #session}. */
    public Found<BlockView> block(String slug, long id) {
        return find(slug, built -> built.block(id), "lightning block", id);
    }

    private <T> Found<T> find(String slug, Function<Built, Optional<T>> lookUp, String name, long id) {
        Built built = current(slug);
        Optional<T> item = lookUp.apply(built);
        if (item.isEmpty()) {
            built = current(currentVersion(slug));
            item = lookUp.apply(built);
        }
        Built in = built;
        return item.map(found -> new Found<>(in, found))
                .orElseThrow(() -> Problem.notFound("No " + name + " " + id + " in this event."));
    }

    /** The current version of a published event; one small query, no snapshot built. */
    @Transactional
    public VersionRef currentVersion(String slug) {
        VersionRef version = publicVersion("slug", slug).orElseThrow(() -> Problem.notFound("No event '" + slug + "'."));
        versions.put(slug, version);
        return version;
    }

    /** The current version of a published event named by id, as a calendar feed's link names it. */
    @Transactional
    public Optional<VersionRef> currentVersion(long eventId) {
        return publicVersion("id", eventId);
    }

    /** The version the public sees ({@link Event#publicVersion()}), read in the same one-row query as before. */
    private static Optional<VersionRef> publicVersion(String key, Object value) {
        return Event.getEntityManager().createQuery("select id, coalesce(releasedVersion, scheduleVersion) from Event"
                + " where " + key + " = ?1 and published = true", VersionRef.class).setParameter(1, value)
                .getResultStream().findFirst();
    }

    /**
     * The schedule the public sees of an event named by id, or would see were it published: for a feature that keeps
     * showing a person what they hold in an unpublished event, and must not show them the draft either.
     */
    @Transactional
    public Built publicSchedule(long eventId) {
        VersionRef version = Event.getEntityManager().createQuery(
                "select id, coalesce(releasedVersion, scheduleVersion) from Event where id = ?1", VersionRef.class)
                .setParameter(1, eventId).getSingleResult();
        return current(version);
    }

    /** Drops what this replica remembers of an event, so the next request reads the database. */
    void forget(long eventId) {
        versions.asMap().values().removeIf(version -> version.id() == eventId);
    }

    /** The schedule of the published event a public endpoint's {@code {slug}} names, by the rule above. */
    public Built current(String slug) {
        return current(published(slug));
    }

    /** The snapshot of exactly this version, built if this replica does not hold it yet. */
    public Built current(VersionRef version) {
        Optional<Built> cached = ready(version);
        if (cached.isPresent()) {
            return cached.get();
        }
        Built built = build(version.id());
        latest.merge(built.eventId(), built, (old, fresh) -> fresh.scheduleVersion() >= old.scheduleVersion() ? fresh : old);
        return built;
    }

    /**
     * The schedule the public sees now: in manual mode the latest release, as stored (the tables may have moved
     * on, and the stored JSON is byte for byte what the release served); otherwise the tables.
     */
    @Transactional
    Built build(long eventId) {
        // A shared lock on the event row: writers hold it exclusively while they change the schedule, so
        // every query below sees the schedule exactly as it stood at this version.
        Event event = Event.findById(eventId, LockModeType.PESSIMISTIC_READ);
        if (event.releasedVersion != null) {
            return released(ScheduleRelease.at(event.id, event.releasedVersion).orElseThrow());
        }
        return fromTables(event);
    }

    /** The schedule as the tables hold it: in manual mode the draft, only the team sees it. */
    @Transactional
    Built draft(long eventId) {
        return fromTables(Event.findById(eventId, LockModeType.PESSIMISTIC_READ));
    }

    private Built fromTables(Event event) {
        ScheduleReader.Rows rows = ScheduleReader.changedSince(event, ScheduleReader.EVERYTHING);
        var snapshot = new ScheduleSnapshot(EventView.from(event), event.scheduleVersion,
                cursors.encode(event.id, event.scheduleVersion), rows.rooms(), rows.tracks(), rows.speakers(),
                rows.sessions(), rows.blocks());
        return built(event.id, snapshot, serialise(snapshot));
    }

    /** A release as the public sees it, from the JSON stored with it. */
    Built released(ScheduleRelease release) {
        byte[] bytes = release.snapshot.getBytes(StandardCharsets.UTF_8);
        return built(release.event.id, parse(bytes), bytes);
    }

    /** The snapshot a release stored, as it was written. */
    ScheduleSnapshot parse(byte[] stored) {
        try {
            return storedSnapshots.readValue(stored);
        } catch (IOException e) {
            throw new IllegalStateException("A stored schedule release could not be read", e);
        }
    }

    private static Built built(long eventId, ScheduleSnapshot snapshot, byte[] bytes) {
        return new Built(eventId, snapshot.scheduleVersion(), snapshot, bytes, gzip(bytes), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
    }

    private byte[] serialise(ScheduleSnapshot snapshot) {
        try {
            return json.writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The schedule snapshot could not be serialised", e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var buffer = new ByteArrayOutputStream(bytes.length / 4);
        try (var gzip = new GZIPOutputStream(buffer)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
