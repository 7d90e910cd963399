package io.hallway.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.hallway.common.Problem;
import io.hallway.schedule.Event;
import io.hallway.schedule.LightningBlock;
import io.hallway.schedule.Room;
import io.hallway.schedule.ScheduleChanges;
import io.hallway.schedule.ScheduleEntity;
import io.hallway.schedule.ScheduleReleases;
import io.hallway.schedule.Session;
import io.hallway.schedule.Speaker;
import io.hallway.schedule.Track;

/**
 * One import, inside one transaction: brings the rows an event holds from one source in line with a
 * document. Rooms, tracks and speakers are settled here; sessions and blocks in {@link SessionImport}.
 * The schedule revision is opened only when the first real difference is found.
 */
final class ImportRun {

    final ScheduleChanges.Deferred deferred;
    final ScheduleChanges changes;
    final ImportSource source;
    final Map<String, Room> rooms = new HashMap<>();
    final Map<String, Track> tracks = new HashMap<>();
    final Map<String, Speaker> speakers = new HashMap<>();
    final List<ImportReport.Change> changed = new ArrayList<>();
    final List<ImportReport.Skipped> skipped = new ArrayList<>();
    int unchanged;

    ImportRun(ScheduleChanges.Deferred deferred, ScheduleChanges changes, ImportSource source) {
        this.deferred = deferred;
        this.changes = changes;
        this.source = source;
    }

    Event event() {
        return deferred.event();
    }

    ScheduleChanges.Change change() {
        return deferred.change();
    }

    void record(ImportReport.Action action, String kind, String sourceId, String name) {
        changed.add(new ImportReport.Change(action, kind, sourceId, name));
    }

    void skip(String kind, String sourceId, String name, String reason) {
        skipped.add(new ImportReport.Skipped(kind, sourceId, name, reason));
    }

    <T> Map<String, T> owned(Class<T> type, String entity, Function<T, String> sourceId) {
        Map<String, T> byId = new HashMap<>();
        Event.getEntityManager().createQuery("from " + entity + " where event = ?1 and sourceSystem = ?2", type)
                .setParameter(1, event()).setParameter(2, source.wireName()).getResultList()
                .forEach(row -> byId.put(sourceId.apply(row), row));
        return byId;
    }

    Map<String, Room> settleRooms(List<ImportDocument.RoomItem> items) {
        return settleNamed(Room.class, "room", items, rooms, position -> {
            Room room = new Room();
            room.position = position;
            return room;
        }, room -> room.name, (room, name) -> room.name = name);
    }

    Map<String, Track> settleTracks(List<ImportDocument.TrackItem> items) {
        return settleNamed(Track.class, "track", items, tracks, position -> new Track(), track -> track.name,
                (track, name) -> track.name = name);
    }

    /**
     * Rooms and tracks are matched by source id; a source one named like a row the organizer made by hand is
     * taken as that row, which the import then uses but never changes. A new row is made by {@code newAt} its
     * position in the document. Answers the rows of this source that the document no longer has.
     */
    private <T extends ScheduleEntity> Map<String, T> settleNamed(Class<T> type, String kind,
            List<? extends ImportDocument.NamedItem> items, Map<String, T> settled, IntFunction<T> newAt,
            Function<T, String> nameOf, BiConsumer<T, String> rename) {
        Map<String, T> existing = owned(type, type.getSimpleName(), row -> row.sourceId);
        for (int position = 0; position < items.size(); position++) {
            ImportDocument.NamedItem item = items.get(position);
            String name = Text.clamp(item.name(), 100);
            T row = existing.remove(item.sourceId());
            T sameName = Event.getEntityManager()
                    .createQuery("from " + type.getSimpleName() + " where event = ?1 and name = ?2", type)
                    .setParameter(1, event()).setParameter(2, name).setMaxResults(1).getResultStream().findFirst()
                    .orElse(null);
            if (row == null && sameName != null) {
                settled.put(item.sourceId(), sameName);
                unchanged++;
                continue;
            }
            if (row == null) {
                row = newAt.apply(position);
                row.event = event();
                row.sourceSystem = source.wireName();
                row.sourceId = item.sourceId();
                rename.accept(row, name);
                row.revision = change().revision();
                row.persist();
                record(ImportReport.Action.created, kind, item.sourceId(), name);
            } else if (!nameOf.apply(row).equals(name)) {
                if (sameName != null) {
                    skip(kind, item.sourceId(), name,
                            "cannot rename \"" + nameOf.apply(row) + "\": another " + kind + " has that name");
                } else {
                    rename.accept(row, name);
                    row.revision = change().revision();
                    record(ImportReport.Action.updated, kind, item.sourceId(), name);
                }
            } else {
                unchanged++;
            }
            settled.put(item.sourceId(), row);
        }
        return existing;
    }

    Map<String, Speaker> settleSpeakers(List<ImportDocument.SpeakerItem> items) {
        Map<String, Speaker> existing = owned(Speaker.class, "Speaker", s -> s.sourceId);
        for (ImportDocument.SpeakerItem item : items) {
            Speaker speaker = existing.remove(item.sourceId());
            String name = Text.clamp(item.name(), 200);
            String title = Text.clamp(item.title(), 200);
            String bio = Text.clamp(item.bio(), 5_000);
            List<Speaker.Link> links = item.links().stream().limit(20)
                    .map(l -> new Speaker.Link(Text.clamp(l.title() == null ? "Link" : l.title(), 100), l.url())).toList();
            boolean isNew = speaker == null;
            if (isNew) {
                speaker = new Speaker();
                speaker.event = event();
                speaker.sourceSystem = source.wireName();
                speaker.sourceId = item.sourceId();
            } else if (speaker.name.equals(name) && Objects.equals(speaker.title, title) && Objects.equals(speaker.bio, bio)
                    && Objects.equals(speaker.photoUrl, item.photoUrl()) && speaker.links.equals(links)) {
                unchanged++;
                speakers.put(item.sourceId(), speaker);
                continue;
            }
            speaker.name = name;
            speaker.title = title;
            speaker.bio = bio;
            speaker.photoUrl = item.photoUrl();
            speaker.links = new ArrayList<>(links);
            speaker.revision = change().revision();
            if (isNew) {
                speaker.persist();
            } else {
                // Sessions show their speakers' names, so they change with them.
                Session.update("revision = ?1 where id in (select s.id from Session s join s.speakers sp where sp = ?2)",
                        change().revision(), speaker);
            }
            record(isNew ? ImportReport.Action.created : ImportReport.Action.updated, "speaker", item.sourceId(), name);
            speakers.put(item.sourceId(), speaker);
        }
        return existing;
    }

    /** Removes what the source no longer has, unless something made by hand still uses it. */
    void removeLeftovers(Map<String, Room> leftRooms, Map<String, Track> leftTracks, Map<String, Speaker> leftSpeakers) {
        for (Speaker speaker : leftSpeakers.values()) {
            long uses = Session.count("select count(s) from Session s join s.speakers sp where sp = ?1", speaker);
            remove("speaker", speaker.sourceId, speaker.name, uses, () -> {
                speaker.delete();
                changes.deleted(change(), ScheduleChanges.Kind.SPEAKER, speaker.id);
            });
        }
        for (Room room : leftRooms.values()) {
            long uses = Session.count("room", room) + LightningBlock.count("room", room);
            remove("room", room.sourceId, room.name, uses, () -> {
                room.delete();
                changes.deleted(change(), ScheduleChanges.Kind.ROOM, room.id);
            });
        }
        for (Track track : leftTracks.values()) {
            remove("track", track.sourceId, track.name, Session.count("track", track), () -> {
                track.delete();
                changes.deleted(change(), ScheduleChanges.Kind.TRACK, track.id);
            });
        }
    }

    private void remove(String kind, String sourceId, String name, long uses, Runnable delete) {
        if (uses > 0) {
            skip(kind, sourceId, name, "gone at the source, but kept: " + uses + " session(s) or block(s) outside this import still use it");
            return;
        }
        delete.run();
        record(ImportReport.Action.removed, kind, sourceId, name);
    }

    /** Runs one step that the schedule rules may refuse; a refusal skips the item with the rule's words. */
    boolean attempt(String kind, String sourceId, String name, Runnable step) {
        try {
            step.run();
            return true;
        } catch (Problem refused) {
            skip(kind, sourceId, name, refused.title() + ": " + refused.getMessage());
            return false;
        }
    }

    String lastReason() {
        return skipped.get(skipped.size() - 1).reason();
    }

    ImportReport report(boolean dryRun, long scheduleVersion, ScheduleReleases.Pending nextRelease) {
        int created = count(ImportReport.Action.created);
        int updated = count(ImportReport.Action.updated);
        int removed = count(ImportReport.Action.removed);
        return new ImportReport(source.wireName(), dryRun, created, updated, unchanged, removed, skipped.size(),
                scheduleVersion, List.copyOf(changed), List.copyOf(skipped), nextRelease);
    }

    private int count(ImportReport.Action action) {
        return (int) changed.stream().filter(c -> c.action() == action).count();
    }
}
