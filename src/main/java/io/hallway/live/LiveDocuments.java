package io.hallway.live;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;

import io.hallway.common.ReplicaCaches;
import io.hallway.schedule.BlockView;
import io.hallway.schedule.Event;
import io.hallway.schedule.Room;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleHttpCaching;
import io.hallway.schedule.ScheduleSnapshot;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionInterest;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;

/**
 * Builds each event's live document and keeps it in memory, serialised, gzipped and tagged: every replica
 * builds it at most once per {@code hallway.live.refresh-interval}, so the 30-second polls of a whole audience
 * are answered from memory, most of them with a 304. A report taken by this replica drops it once committed,
 * so the host sees their report at once; the other replicas show it within the interval.
 */
@ApplicationScoped
class LiveDocuments {

    /** The 30-second polls that find the document unchanged, answered before the REST layer like the schedule's. */
    void revalidateFromMemory(@Observes Router router) {
        ScheduleHttpCaching.revalidateFromMemory(router, "/api/events/:slug/live", this::notModifiedFromMemory);
    }

    /** One event's document as sent, for the schedule version it was built from. */
    record Rendered(long eventId, long scheduleVersion, ScheduleSnapshots.Encoded body, String tag) {
    }

    private static final int EVENTS = 1_000;

    private final Cache<String, Rendered> bySlug;
    private final String cacheControl;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    LiveTimes times;

    @Inject
    SessionInterest interest;

    @Inject
    LiveClock clock;

    @Inject
    Announcements announcements;

    @Inject
    ObjectMapper json;

    @Inject
    LiveDocuments(LiveConfig config, MeterRegistry registry) {
        bySlug = ReplicaCaches.freshFor(config.refreshInterval(), "live_documents", EVENTS, registry);
        cacheControl = "public, max-age=" + config.refreshInterval().toSeconds();
    }

    /** The 304's headers from memory alone, if this replica holds a fresh document and If-None-Match names it. */
    Optional<Map<String, String>> notModifiedFromMemory(String slug, String ifNoneMatch, String acceptEncoding) {
        Rendered rendered = bySlug.getIfPresent(slug);
        return snapshots.recentVersion(slug).filter(version -> renderedFor(rendered, version)).flatMap(
                version -> ScheduleHttpCaching.notModified(rendered.tag(), cacheControl, ifNoneMatch, acceptEncoding));
    }

    /** The answer from memory alone, if this replica holds a fresh document of the version it knows. */
    Optional<Response> respondFromMemory(String slug, String ifNoneMatch, String acceptEncoding) {
        Rendered rendered = bySlug.getIfPresent(slug);
        return snapshots.recentVersion(slug).filter(version -> renderedFor(rendered, version))
                .map(version -> respond(rendered, ifNoneMatch, acceptEncoding));
    }

    /**
     * The answer after reading the version, building the document if this replica holds none fresh. In a
     * transaction of its own: it runs on a worker thread outside any request's.
     */
    @Transactional
    Response respond(String slug, String ifNoneMatch, String acceptEncoding) {
        ScheduleSnapshots.VersionRef version = snapshots.published(slug);
        Rendered rendered = bySlug.getIfPresent(slug);
        if (!renderedFor(rendered, version)) {
            // One build per replica and expiry: the apps polling meanwhile wait for it rather than each build
            // their own, which at the turn of the interval would be every connection at once.
            rendered = bySlug.asMap().compute(slug,
                    (key, current) -> renderedFor(current, version) ? current : render(snapshots.current(version)));
        }
        return respond(rendered, ifNoneMatch, acceptEncoding);
    }

    private static boolean renderedFor(Rendered rendered, ScheduleSnapshots.VersionRef version) {
        return rendered != null && rendered.eventId() == version.id()
                && rendered.scheduleVersion() == version.scheduleVersion();
    }

    private Response respond(Rendered rendered, String ifNoneMatch, String acceptEncoding) {
        return ScheduleHttpCaching.respond(rendered.body(), rendered.tag(), cacheControl, ifNoneMatch, acceptEncoding);
    }

    /** Forgets an event's document on this replica, so that the next request builds it again. */
    void forget(long eventId) {
        bySlug.asMap().values().removeIf(rendered -> rendered.eventId() == eventId);
    }

    private Rendered render(ScheduleSnapshots.Built built) {
        ScheduleSnapshot snapshot = built.snapshot();
        ExpectedTimes expected = times.of(built);
        Map<Long, SessionInterest.Interest> fill = interest.of(built.eventId());
        Instant now = clock.now();
        // The door's status as last said, also in manual release mode, where the schedule shows it from the next
        // release on: it is news of the day, not a plan.
        Map<Long, String> statuses = new HashMap<>();
        Room.ofEvent(Event.findById(built.eventId())).forEach(room -> statuses.put(room.id, room.liveStatus));
        List<LiveDocument.RoomLive> rooms = snapshot.rooms().stream()
                .map(room -> room(snapshot, room, statuses.getOrDefault(room.id(), room.liveStatus()), expected, fill,
                        now))
                .toList();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(new LiveDocument(snapshot.event().slug(), snapshot.event().timeZone(), rooms,
                    announcements.active(built.eventId(), ZoneId.of(snapshot.event().timeZone()), now)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The live document could not be serialised", e);
        }
        return new Rendered(built.eventId(), built.scheduleVersion(), ScheduleSnapshots.Encoded.of(bytes), tag(bytes));
    }

    /**
     * One room from the session or block in progress at {@code now} (or the next one) to the last one starting
     * that day in the event's zone; a block as its talks, in order.
     */
    static LiveDocument.RoomLive room(ScheduleSnapshot snapshot, RoomView room, String liveStatus,
            ExpectedTimes expected, Map<Long, SessionInterest.Interest> fill, Instant now) {
        ZoneId zone = ZoneId.of(snapshot.event().timeZone());
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<Long, BlockView> blocks = new HashMap<>();
        snapshot.blocks().forEach(block -> blocks.put(block.id(), block));
        List<LiveDocument.SessionLive> sessions = new ArrayList<>();
        Long delay = null;
        for (Propagation.Timed unit : expected.rooms().getOrDefault(room.id(), List.of())) {
            boolean over = !unit.expectedEnd().isAfter(now);
            boolean running = !unit.expectedStart().isAfter(now);
            if (over || (!running && !unit.expectedStart().atZone(zone).toLocalDate().equals(today))) {
                continue;
            }
            if (delay == null) {
                delay = unit.shift().toMinutes();
            }
            List<Long> ids = unit.unit().id().type() == Propagation.UnitType.SESSION ? List.of(unit.unit().id().id())
                    : blocks.get(unit.unit().id().id()).talkIds();
            Long blockId = unit.unit().id().type() == Propagation.UnitType.BLOCK ? unit.unit().id().id() : null;
            for (long id : ids) {
                expected.session(id).ifPresent(timing -> sessions.add(new LiveDocument.SessionLive(id, blockId,
                        timing.plannedStart().atZone(zone).toOffsetDateTime(),
                        timing.plannedEnd().atZone(zone).toOffsetDateTime(),
                        timing.expectedStart().atZone(zone).toOffsetDateTime(),
                        timing.expectedEnd().atZone(zone).toOffsetDateTime(), timing.delayMinutes(),
                        Optional.ofNullable(fill.get(id)).map(SessionInterest.Interest::fill).orElse(null))));
            }
        }
        return new LiveDocument.RoomLive(room.id(), room.name(), liveStatus, delay == null ? 0 : delay,
                List.copyOf(sessions));
    }

    /** A strong validator of the exact bytes: the same document has the same tag on every replica. */
    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "live-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
