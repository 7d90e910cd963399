package io.hallway.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.Problem;

/**
 * Builds the published schedule of an event and keeps the last one per event, serialised and gzipped,
 * keyed by its schedule version. Every request still reads the version from the database (one indexed
 * row), so a replica never serves a schedule older than the database's; the cache only saves rebuilding
 * an unchanged one.
 */
@ApplicationScoped
public class ScheduleSnapshots {

    /**
     * A built snapshot with its two encodings, ready to send, and the other formats rendered from it so
     * far (such as the frab export), which live exactly as long as this version does.
     */
    public record Built(long eventId, long scheduleVersion, ScheduleSnapshot snapshot, byte[] json, byte[] gzipped,
            Map<String, Encoded> renditions) {

        /** The snapshot in another format, rendered once per version and key. */
        public Encoded rendition(String key, Function<ScheduleSnapshot, byte[]> writer) {
            return renditions.computeIfAbsent(key, k -> Encoded.of(writer.apply(snapshot)));
        }
    }

    /** A document in both codings. */
    public record Encoded(byte[] plain, byte[] gzipped) {
        static Encoded of(byte[] plain) {
            return new Encoded(plain, gzip(plain));
        }
    }

    public record VersionRef(Long id, long scheduleVersion) {
    }

    private final Map<Long, Built> latest = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper json;

    /** The current version of a published event; one small query, no snapshot built. */
    public VersionRef currentVersion(String slug) {
        return Event.find("slug = ?1 and published = true", slug).project(VersionRef.class).firstResultOptional()
                .orElseThrow(() -> Problem.notFound("No event '" + slug + "'."));
    }

    public Built current(String slug) {
        return current(currentVersion(slug));
    }

    Built current(VersionRef version) {
        Built cached = latest.get(version.id());
        if (cached != null && cached.scheduleVersion() == version.scheduleVersion()) {
            return cached;
        }
        Built built = build(version.id());
        latest.merge(built.eventId(), built, (old, fresh) -> fresh.scheduleVersion() >= old.scheduleVersion() ? fresh : old);
        return built;
    }

    @Transactional
    Built build(long eventId) {
        // A shared lock on the event row: writers hold it exclusively while they change the schedule, so
        // every query below sees the schedule exactly as it stood at this version.
        Event event = Event.findById(eventId, LockModeType.PESSIMISTIC_READ);
        var zone = event.zone();
        List<RoomView> rooms = Room.ofEvent(event).stream().map(RoomView::from).toList();
        List<TrackView> tracks = Track.ofEvent(event).stream().map(TrackView::from).toList();
        List<SpeakerView> speakers = Speaker.ofEvent(event).stream().map(SpeakerView::from).toList();
        List<SessionView> sessions = Session.<Session> find(
                "select distinct s from Session s left join fetch s.speakers where s.event = ?1 order by s.startsAt, s.id",
                event).list().stream().map(s -> SessionView.from(s, zone)).toList();
        List<BlockView> blocks = LightningBlock.<LightningBlock> find(
                "select distinct b from LightningBlock b left join fetch b.talks where b.event = ?1 order by b.startsAt, b.id",
                event).list().stream().map(b -> BlockView.from(b, zone)).toList();
        var snapshot = new ScheduleSnapshot(EventView.from(event), event.scheduleVersion,
                ScheduleCursor.encode(event.id, event.scheduleVersion), rooms, tracks, speakers, sessions, blocks);
        byte[] bytes = serialise(snapshot);
        return new Built(event.id, event.scheduleVersion, snapshot, bytes, gzip(bytes), new ConcurrentHashMap<>());
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
