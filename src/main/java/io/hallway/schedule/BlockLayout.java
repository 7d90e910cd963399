package io.hallway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Versions;

/**
 * Where lightning blocks stand and how their talks are laid out in them: placing a block, ordering its
 * talks, moving a talk between blocks. Each talk's time and room follow from its block and position, and
 * every talk that moves is announced. Like {@link SessionEditor}, the methods taking an open
 * {@link ScheduleChanges.Change} run in the caller's transaction and are not transactional themselves.
 */
@ApplicationScoped
public class BlockLayout {

    @Inject
    ScheduleChanges changes;

    @Inject
    AuditLog audit;

    /** Puts a block's talks in the given order; the list must name each talk of the block once. */
    @Transactional
    public LightningBlock reorder(String slug, long blockId, long expectedVersion, List<Long> talkIds) {
        ScheduleChanges.Change change = changes.begin(slug);
        LightningBlock block = LightningBlock.inEvent(change.event(), blockId);
        Versions.check(expectedVersion, block.version, "The block");
        long versionBefore = block.version;
        List<Long> current = block.talks.stream().map(t -> t.id).sorted().toList();
        if (talkIds.size() != current.size() || !talkIds.stream().sorted().toList().equals(current)) {
            throw Problem.invalid("talkIds", "must list each talk of the block exactly once, in the new order");
        }
        Map<Long, SessionView> before = talkStates(block);
        List<Session> ordered = new ArrayList<>();
        for (Long id : talkIds) {
            ordered.add(block.talks.stream().filter(t -> t.id.equals(id)).findFirst().orElseThrow());
        }
        block.talks.clear();
        block.talks.addAll(ordered);
        relayout(change, block, before);
        LightningBlock.flush();
        audit.record(change.event().id, AuditAction.UPDATE, AuditResource.BLOCK, blockId, versionBefore, block.version,
                Map.of("talkIds", talkIds));
        return block;
    }

    /**
     * Puts a block into its slot, checking the slot is free and holds its talks; the talks move with it.
     * The caller stamps nothing: the block and every talk that moved get the change's revision.
     */
    public void placeBlock(ScheduleChanges.Change change, LightningBlock block, BlockRequest request) {
        Event event = change.event();
        Instant startsAt = request.startsAt().toInstant();
        Instant endsAt = request.endsAt().toInstant();
        ScheduleRules.requireTimeWindow(event, startsAt, endsAt);
        Room room = ScheduleRules.roomOf(event, request.roomId(), "roomId");
        ScheduleRules.requireRoomFree(event, room, startsAt, endsAt, ScheduleRules.NONE,
                block.id == null ? ScheduleRules.NONE : block.id);
        var length = lightningLength(event);
        if (block.talks.size() > (int) (Duration.between(startsAt, endsAt).toSeconds() / length.toSeconds())) {
            throw Problem.invalid("endsAt", "the block holds " + block.talks.size() + " talks of " + length.toMinutes()
                    + " minutes, which do not fit into the new slot");
        }
        Map<Long, SessionView> before = talkStates(block);
        block.title = request.title();
        block.room = room;
        block.startsAt = startsAt;
        block.endsAt = endsAt;
        relayout(change, block, before);
    }

    /**
     * Moves a lightning talk to a place in a block, out of the block it was in (if any); both blocks
     * re-lay their talks and everything that moved is reported.
     */
    public void moveToBlock(ScheduleChanges.Change change, Session talk, LightningBlock target, int position) {
        if (talk.kind != SessionKind.LIGHTNING_TALK) {
            throw Problem.invalid("kind", "a block holds lightning talks only");
        }
        LightningBlock origin = talk.block;
        Map<Long, SessionView> before = talkStates(target);
        if (origin != null && origin != target) {
            before.putAll(talkStates(origin));
            origin.talks.remove(talk);
            relayout(change, origin, before);
        }
        before.putIfAbsent(talk.id, ScheduleChanges.stateOf(talk));
        target.talks.remove(talk);
        target.talks.add(Math.max(0, Math.min(position, target.talks.size())), talk);
        talk.block = target;
        talk.revision = change.revision();
        requireRoom(change, target, target.talks.size());
        relayout(change, target, before);
    }

    /** Refuses, as a full block, a number of talks the block has no room for. */
    void requireRoom(ScheduleChanges.Change change, LightningBlock block, int talks) {
        Duration length = lightningLength(change.event());
        if (talks > block.capacity(length)) {
            throw Problem.of(ProblemType.BLOCK_FULL, "\"" + block.title + "\" has room for " + block.capacity(length)
                    + " lightning talks of " + length.toMinutes() + " minutes.");
        }
    }

    /** The talks of a block as they are now, to tell afterwards which ones moved. */
    Map<Long, SessionView> talkStates(LightningBlock block) {
        Map<Long, SessionView> states = new HashMap<>();
        block.talks.stream().filter(t -> t.id != null).forEach(t -> states.put(t.id, ScheduleChanges.stateOf(t)));
        return states;
    }

    /**
     * Re-derives talk times after a block moved or its talks changed, checks each talk's speakers, and
     * reports the talks that moved.
     */
    void relayout(ScheduleChanges.Change change, LightningBlock block, Map<Long, SessionView> before) {
        block.layOut(lightningLength(change.event()));
        for (Session talk : block.talks) {
            long self = talk.id == null ? ScheduleRules.NONE : talk.id;
            if (talk.status == SessionStatus.SCHEDULED) {
                ScheduleRules.requireSpeakersFree(change.event(), talk.speakers, talk.startsAt, talk.endsAt, self);
            }
            SessionView previous = before.get(talk.id);
            if (previous != null && (!previous.startsAt().toInstant().equals(talk.startsAt)
                    || !block.room.id.equals(previous.roomId()))) {
                talk.revision = change.revision();
                changes.announce(change, talk.id, previous, talk);
            }
        }
        block.revision = change.revision();
    }

    public static Duration lightningLength(Event event) {
        return Duration.ofMinutes(event.durationLimit(SessionKind.LIGHTNING_TALK).orElse(5));
    }
}
