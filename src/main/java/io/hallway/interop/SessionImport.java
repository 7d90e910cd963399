package io.hallway.interop;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.hallway.schedule.BlockLayout;
import io.hallway.schedule.BlockRequest;
import io.hallway.schedule.LightningBlock;
import io.hallway.schedule.Room;
import io.hallway.schedule.Session;
import io.hallway.schedule.SessionEditor;
import io.hallway.schedule.SessionKind;
import io.hallway.schedule.SessionRequest;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.Speaker;

/**
 * Brings an event's imported sessions and lightning blocks in line with a document, through the
 * {@link SessionEditor} and {@link BlockLayout} so the schedule rules hold and every change is announced. Consecutive
 * lightning talks in one room become a block.
 *
 * Sessions about to change are first parked (marked cancelled, which frees their slots for the rules),
 * so a whole schedule shifted by half an hour does not clash with its own old times; each one gets its
 * status back before the editor changes it.
 */
final class SessionImport {

    private record Planned(ImportDocument.SessionItem item, SessionRequest request) {
    }

    private record PlannedBlock(String sourceId, String title, String roomSourceId, Instant startsAt, Instant endsAt,
            List<Planned> talks) {
    }

    private final ImportRun run;
    private final SessionEditor editor;
    private final BlockLayout layout;
    private final ZoneId zone;
    private final Duration lightning;
    private final Map<Session, SessionStatus> parked = new HashMap<>();
    private Map<String, Session> existing;

    SessionImport(ImportRun run, SessionEditor editor, BlockLayout layout) {
        this.run = run;
        this.editor = editor;
        this.layout = layout;
        this.zone = run.event().zone();
        this.lightning = BlockLayout.lightningLength(run.event());
    }

    void apply(List<ImportDocument.SessionItem> items) {
        existing = run.owned(Session.class, "Session", s -> s.sourceId);
        Map<String, LightningBlock> existingBlocks = run.owned(LightningBlock.class, "LightningBlock", b -> b.sourceId);
        List<Planned> standalone = new ArrayList<>();
        List<PlannedBlock> blocks = new ArrayList<>();
        items.stream().sorted(Comparator.comparing(ImportDocument.SessionItem::startsAt)
                .thenComparing(i -> Objects.toString(i.roomSourceId(), "")).thenComparing(ImportDocument.SessionItem::sourceId))
                .forEach(item -> plan(item, standalone, blocks));

        List<String> wanted = items.stream().map(ImportDocument.SessionItem::sourceId).toList();
        for (Session gone : List.copyOf(existing.values())) {
            if (!wanted.contains(gone.sourceId)) {
                existing.remove(gone.sourceId);
                editor.delete(run.change(), gone);
                run.record(ImportReport.Action.removed, "session", gone.sourceId, gone.title);
            }
        }
        standalone.forEach(p -> park(p, false));
        blocks.forEach(b -> b.talks().forEach(p -> park(p, true)));

        blocks.forEach(b -> applyBlock(b, existingBlocks.remove(b.sourceId())));
        standalone.forEach(this::applyStandalone);
        for (LightningBlock left : existingBlocks.values()) {
            if (!left.talks.isEmpty()) {
                run.skip("block", left.sourceId, left.title, "gone at the source, but kept: it still holds "
                        + left.talks.size() + " talk(s) outside this import");
            } else {
                editor.deleteBlock(run.change(), left);
                run.record(ImportReport.Action.removed, "block", left.sourceId, left.title);
            }
        }
        parked.forEach((session, status) -> session.status = status);
    }

    private void plan(ImportDocument.SessionItem item, List<Planned> standalone, List<PlannedBlock> blocks) {
        boolean inBlock = item.kind() == SessionKind.LIGHTNING_TALK && item.roomSourceId() != null
                && Duration.between(item.startsAt(), item.endsAt()).equals(lightning);
        if (!inBlock) {
            standalone.add(new Planned(item, request(item, false)));
            return;
        }
        PlannedBlock last = blocks.stream().filter(b -> b.roomSourceId().equals(item.roomSourceId())
                && b.endsAt().equals(item.startsAt()) && b.title().equals(item.blockTitle())).findFirst().orElse(null);
        if (last == null) {
            blocks.add(new PlannedBlock("lightning:" + item.sourceId(), item.blockTitle(), item.roomSourceId(),
                    item.startsAt(), item.endsAt(), new ArrayList<>(List.of(new Planned(item, request(item, true))))));
        } else {
            last.talks().add(new Planned(item, request(item, true)));
            blocks.set(blocks.indexOf(last), new PlannedBlock(last.sourceId(), last.title(), last.roomSourceId(),
                    last.startsAt(), item.endsAt(), last.talks()));
        }
    }

    private SessionRequest request(ImportDocument.SessionItem item, boolean inBlock) {
        Room room = item.roomSourceId() == null ? null : run.rooms.get(item.roomSourceId());
        var track = item.trackSourceId() == null ? null : run.tracks.get(item.trackSourceId());
        List<Long> speakerIds = item.speakerSourceIds().stream().map(run.speakers::get).filter(Objects::nonNull)
                .map(s -> s.id).distinct().limit(20).toList();
        List<String> tags = item.tags().stream().filter(t -> !t.isBlank()).map(t -> Text.clamp(t, 50)).distinct()
                .limit(20).toList();
        Session current = existing.get(item.sourceId());
        return new SessionRequest(item.kind(), Text.clamp(item.title(), 300), Text.clamp(item.abstractText(), 10_000),
                Text.clamp(item.language(), 35), Text.clamp(item.level(), 50), tags, track == null ? null : track.id,
                inBlock || room == null ? null : room.id,
                inBlock ? null : item.startsAt().atZone(zone).toOffsetDateTime(),
                inBlock ? null : item.endsAt().atZone(zone).toOffsetDateTime(), speakerIds, item.status(),
                current == null ? null : current.slidesUrl, item.videoUrl(), null);
    }

    private void park(Planned planned, boolean inBlock) {
        Session session = existing.get(planned.item().sourceId());
        if (session != null && !same(session, planned.request(), inBlock)) {
            parked.put(session, session.status);
            session.status = SessionStatus.CANCELLED;
        }
    }

    private void unpark(Session session) {
        SessionStatus status = parked.remove(session);
        if (status != null) {
            session.status = status;
        }
    }

    private void applyBlock(PlannedBlock planned, LightningBlock block) {
        Room room = run.rooms.get(planned.roomSourceId());
        var request = new BlockRequest(Text.clamp(planned.title(), 300), room.id,
                planned.startsAt().atZone(zone).toOffsetDateTime(), planned.endsAt().atZone(zone).toOffsetDateTime(), null);
        if (block != null) {
            leave(block, planned);
        }
        if (block == null) {
            LightningBlock fresh = new LightningBlock();
            fresh.event = run.event();
            fresh.sourceSystem = run.source.wireName();
            fresh.sourceId = planned.sourceId();
            if (!run.attempt("block", planned.sourceId(), planned.title(), () -> layout.placeBlock(run.change(), fresh, request))) {
                String why = "its lightning block could not be placed (" + run.lastReason() + ")";
                planned.talks().forEach(p -> skipTalk(p, why));
                return;
            }
            fresh.persist();
            run.record(ImportReport.Action.created, "block", planned.sourceId(), planned.title());
            block = fresh;
        } else if (block.room.id.equals(room.id) && block.startsAt.equals(planned.startsAt())
                && block.endsAt.equals(planned.endsAt()) && block.title.equals(request.title())) {
            run.unchanged++;
        } else {
            LightningBlock moving = block;
            if (!run.attempt("block", planned.sourceId(), planned.title(), () -> layout.placeBlock(run.change(), moving, request))) {
                String why = "its lightning block could not be moved (" + run.lastReason() + ")";
                planned.talks().forEach(p -> skipTalk(p, why));
                return;
            }
            run.record(ImportReport.Action.updated, "block", planned.sourceId(), planned.title());
        }
        for (int position = 0; position < planned.talks().size(); position++) {
            applyTalk(planned.talks().get(position), block, position);
        }
    }

    /**
     * Lets go of the block's imported talks that the source now has elsewhere, so the block can shrink to
     * its new slot; those talks are placed where they belong when their turn comes.
     */
    private void leave(LightningBlock block, PlannedBlock planned) {
        List<String> staying = planned.talks().stream().map(p -> p.item().sourceId()).toList();
        block.talks.removeIf(t -> run.source.wireName().equals(t.sourceSystem) && !staying.contains(t.sourceId));
    }

    private void applyTalk(Planned planned, LightningBlock block, int position) {
        ImportDocument.SessionItem item = planned.item();
        Session talk = existing.get(item.sourceId());
        UUID guid = talk == null ? guidFor(item) : talk.guid;
        if (talk != null && talk.block == null) {
            talk = recreate(talk);
        }
        if (talk == null) {
            run.attempt("session", item.sourceId(), item.title(), () -> {
                Session created = editor.addToBlock(run.change(), block, planned.request(), position, guid);
                claim(created, item);
                run.record(ImportReport.Action.created, "session", item.sourceId(), item.title());
            });
            return;
        }
        Session current = talk;
        boolean moves = talk.block != block || !Objects.equals(talk.blockPosition, position);
        boolean edits = !same(talk, planned.request(), true);
        unpark(talk);
        if (!moves && !edits) {
            run.unchanged++;
            return;
        }
        run.attempt("session", item.sourceId(), item.title(), () -> {
            if (moves) {
                layout.moveToBlock(run.change(), current, block, position);
            }
            if (edits) {
                editor.update(run.change(), current, planned.request());
            }
            run.record(ImportReport.Action.updated, "session", item.sourceId(), item.title());
        });
    }

    private void applyStandalone(Planned planned) {
        ImportDocument.SessionItem item = planned.item();
        Session session = existing.get(item.sourceId());
        UUID guid = session == null ? guidFor(item) : session.guid;
        if (session != null && session.block != null) {
            session = recreate(session);
        }
        if (session == null) {
            run.attempt("session", item.sourceId(), item.title(), () -> {
                claim(editor.create(run.change(), planned.request(), guid), item);
                run.record(ImportReport.Action.created, "session", item.sourceId(), item.title());
            });
            return;
        }
        Session current = session;
        unpark(current);
        if (same(current, planned.request(), false)) {
            run.unchanged++;
            return;
        }
        run.attempt("session", item.sourceId(), item.title(), () -> {
            editor.update(run.change(), current, planned.request());
            run.record(ImportReport.Action.updated, "session", item.sourceId(), item.title());
        });
    }

    /**
     * A talk that moves into or out of a lightning block is replaced by a new row with the same guid:
     * a block's talks take their times from the block, a standalone session keeps its own.
     */
    private Session recreate(Session session) {
        parked.remove(session);
        editor.delete(run.change(), session);
        existing.remove(session.sourceId);
        Session.flush();
        return null;
    }

    private void skipTalk(Planned planned, String reason) {
        Session talk = existing.get(planned.item().sourceId());
        if (talk != null) {
            unpark(talk);
        }
        run.skip("session", planned.item().sourceId(), planned.item().title(), reason);
    }

    private void claim(Session session, ImportDocument.SessionItem item) {
        session.sourceSystem = run.source.wireName();
        session.sourceId = item.sourceId();
    }

    /** The source's guid where it has one that is still free; guids are unique across all events. */
    private static UUID guidFor(ImportDocument.SessionItem item) {
        if (item.guid() != null && Session.count("guid", item.guid()) == 0) {
            return item.guid();
        }
        return UUID.randomUUID();
    }

    private static boolean same(Session session, SessionRequest request, boolean inBlock) {
        boolean content = session.kind == request.kind() && session.title.equals(request.title())
                && Objects.equals(session.abstract_, request.abstractText())
                && Objects.equals(session.language, request.language()) && Objects.equals(session.level, request.level())
                && session.tags.equals(request.tags())
                && Objects.equals(session.track == null ? null : session.track.id, request.trackId())
                && session.status == request.status()
                && session.speakers.stream().map((Speaker s) -> s.id).toList().equals(request.speakerIds())
                && Objects.equals(session.videoUrl, request.videoUrl());
        if (inBlock) {
            return content;
        }
        return content && session.block == null
                && Objects.equals(session.room == null ? null : session.room.id, request.roomId())
                && session.startsAt.equals(request.startsAt().toInstant())
                && session.endsAt.equals(request.endsAt().toInstant());
    }
}
