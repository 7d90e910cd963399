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
     * The caller stamps nothing: the block and every talk that moved get the change's revision. Every rule
     * is checked before anything moves, so a refusal leaves the block and its talks as they were for a
     * caller that goes on (an import skips the block).
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
        ScheduleRules.requireSpeakersFree(event, slots(block.talks, startsAt, length));
        Map<Long, SessionView> before = talkStates(block);
        block.title = request.title();
        block.room = room;
        block.startsAt = startsAt;
        block.endsAt = endsAt;
        layOut(change, block, before);
    }

    /**
     * Moves a lightning talk to a place in a block, out of the block it was in (if any); both blocks
     * re-lay their talks and everything that moved is reported. Both new layouts are checked before
     * anything moves, so a refusal leaves the talk where it was.
     */
    public void moveToBlock(ScheduleChanges.Change change, Session talk, LightningBlock target, int position) {
        if (talk.kind != SessionKind.LIGHTNING_TALK) {
            throw Problem.invalid("kind", "a block holds lightning talks only");
        }
        Duration length = lightningLength(change.event());
        LightningBlock origin = talk.block == target ? null : talk.block;
        List<Session> targetTalks = new ArrayList<>(target.talks);
        targetTalks.remove(talk);
        targetTalks.add(Math.max(0, Math.min(position, targetTalks.size())), talk);
        requireRoom(change, target, targetTalks.size());
        List<ScheduleRules.Slot> slots = new ArrayList<>(slots(targetTalks, target.startsAt, length));
        if (origin != null) {
            slots.addAll(slots(origin.talks.stream().filter(t -> t != talk).toList(), origin.startsAt, length));
        }
        ScheduleRules.requireSpeakersFree(change.event(), slots);

        Map<Long, SessionView> before = talkStates(target);
        if (origin != null) {
            before.putAll(talkStates(origin));
            origin.talks.remove(talk);
            layOut(change, origin, before);
        }
        before.putIfAbsent(talk.id, ScheduleChanges.stateOf(talk));
        target.talks.clear();
        target.talks.addAll(targetTalks);
        talk.block = target;
        talk.revision = change.revision();
        layOut(change, target, before);
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
     * Re-derives talk times after a block's talks changed, checking each talk's speakers first, and
     * reports the talks that moved.
     */
    void relayout(ScheduleChanges.Change change, LightningBlock block, Map<Long, SessionView> before) {
        ScheduleRules.requireSpeakersFree(change.event(), slots(block.talks, block.startsAt, lightningLength(change.event())));
        layOut(change, block, before);
    }

    /** Where the talks would stand, in this order, in a block starting at the given time. */
    private static List<ScheduleRules.Slot> slots(List<Session> talks, Instant blockStart, Duration length) {
        List<ScheduleRules.Slot> slots = new ArrayList<>();
        for (int position = 0; position < talks.size(); position++) {
            Instant startsAt = blockStart.plus(length.multipliedBy(position));
            slots.add(new ScheduleRules.Slot(talks.get(position), startsAt, startsAt.plus(length)));
        }
        return slots;
    }

    /** Gives the talks their times from the block, once the rules are checked, and reports those that moved. */
    private void layOut(ScheduleChanges.Change change, LightningBlock block, Map<Long, SessionView> before) {
        block.layOut(lightningLength(change.event()));
        for (Session talk : block.talks) {
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
