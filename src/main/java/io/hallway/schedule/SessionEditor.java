package io.hallway.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Versions;

/**
 * Every write to sessions and lightning blocks goes through here: the schedule rules, revision stamps,
 * tombstones and {@link SessionChanged} notifications are kept in one place.
 *
 * The methods taking a slug run in their own transaction. Those taking an open
 * {@link ScheduleChanges.Change} run in the caller's and are deliberately not transactional themselves:
 * a refused change must not mark the caller's transaction for rollback, so an import can skip one item
 * and go on with the rest.
 */
@ApplicationScoped
public class SessionEditor {

    @Inject
    ScheduleChanges changes;

    @Inject
    jakarta.enterprise.event.Event<SessionChanged> sessionChanged;

    @Transactional
    public Session create(String slug, SessionRequest request) {
        return create(changes.begin(slug), request, UUID.randomUUID());
    }

    /** Creates a session within an open change, such as one import; {@code guid} is its lasting identity. */
    public Session create(ScheduleChanges.Change change, SessionRequest request, UUID guid) {
        Session session = new Session();
        session.event = change.event();
        session.guid = guid;
        applyStandalone(change, session, request);
        session.persist();
        Session.flush();
        notify(change, session.id, null, session);
        return session;
    }

    @Transactional
    public Session update(String slug, long id, long expectedVersion, SessionRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Session session = Session.inEvent(change.event(), id);
        Versions.check(expectedVersion, session.version, "The session");
        return update(change, session, request);
    }

    public Session update(ScheduleChanges.Change change, Session session, SessionRequest request) {
        SessionView before = view(session);
        if (session.block != null) {
            applyInBlock(change, session, request);
        } else {
            applyStandalone(change, session, request);
        }
        Session.flush();
        notify(change, session.id, before, session);
        return session;
    }

    @Transactional
    public void delete(String slug, long id) {
        ScheduleChanges.Change change = changes.begin(slug);
        delete(change, Session.inEvent(change.event(), id));
    }

    public void delete(ScheduleChanges.Change change, Session session) {
        long id = session.id;
        SessionView before = view(session);
        LightningBlock block = session.block;
        if (block != null) {
            block.talks.remove(session);
        }
        // Observers run while the session's rows (and the bookmarks that cascade from it) still exist.
        sessionChanged.fire(new SessionChanged(change.event().id, id, change.revision(), before, null));
        session.delete();
        changes.deleted(change, ScheduleChanges.Kind.SESSION, id);
        if (block != null) {
            Session.flush();
            relayout(change, block, talkStates(block));
        }
    }

    /** Adds a lightning talk to a block, at the given position or at the end. */
    @Transactional
    public Session addToBlock(String slug, long blockId, SessionRequest request, Integer position) {
        ScheduleChanges.Change change = changes.begin(slug);
        return addToBlock(change, LightningBlock.inEvent(change.event(), blockId), request, position, UUID.randomUUID());
    }

    public Session addToBlock(ScheduleChanges.Change change, LightningBlock block, SessionRequest request,
            Integer position, UUID guid) {
        if (request.kind() != SessionKind.LIGHTNING_TALK) {
            throw Problem.invalid("kind", "a block holds lightning talks only");
        }
        Duration length = lightningLength(change.event());
        if (block.talks.size() + 1 > block.capacity(length)) {
            throw Problem.of(ProblemType.BLOCK_FULL, "\"" + block.title + "\" has room for " + block.capacity(length)
                    + " lightning talks of " + length.toMinutes() + " minutes.");
        }
        Map<Long, SessionView> before = talkStates(block);
        Session talk = new Session();
        talk.event = change.event();
        talk.guid = guid;
        talk.kind = SessionKind.LIGHTNING_TALK;
        talk.block = block;
        applyContent(change, talk, request);
        int at = position == null ? block.talks.size() : Math.max(0, Math.min(position, block.talks.size()));
        block.talks.add(at, talk);
        try {
            relayout(change, block, before);
        } catch (Problem refused) {
            // Leave the block as it was for a caller that goes on after a refusal (an import skips the talk).
            block.talks.remove(talk);
            block.layOut(length);
            throw refused;
        }
        talk.persist();
        Session.flush();
        notify(change, talk.id, null, talk);
        return talk;
    }

    /** Puts a block's talks in the given order; the list must name each talk of the block once. */
    @Transactional
    public LightningBlock reorder(String slug, long blockId, long expectedVersion, List<Long> talkIds) {
        ScheduleChanges.Change change = changes.begin(slug);
        LightningBlock block = LightningBlock.inEvent(change.event(), blockId);
        Versions.check(expectedVersion, block.version, "The block");
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
        before.putIfAbsent(talk.id, view(talk));
        target.talks.remove(talk);
        target.talks.add(Math.max(0, Math.min(position, target.talks.size())), talk);
        talk.block = target;
        talk.revision = change.revision();
        Duration length = lightningLength(change.event());
        if (target.talks.size() > target.capacity(length)) {
            throw Problem.of(ProblemType.BLOCK_FULL, "\"" + target.title + "\" has room for " + target.capacity(length)
                    + " lightning talks of " + length.toMinutes() + " minutes.");
        }
        relayout(change, target, before);
    }

    /** Deletes a block with its talks, each reported as deleted. */
    public void deleteBlock(ScheduleChanges.Change change, LightningBlock block) {
        for (Session talk : List.copyOf(block.talks)) {
            delete(change, talk);
        }
        long id = block.id;
        block.delete();
        changes.deleted(change, ScheduleChanges.Kind.BLOCK, id);
    }

    /** The talks of a block as they are now, to tell afterwards which ones moved. */
    Map<Long, SessionView> talkStates(LightningBlock block) {
        Map<Long, SessionView> states = new HashMap<>();
        block.talks.stream().filter(t -> t.id != null).forEach(t -> states.put(t.id, view(t)));
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
                notify(change, talk.id, previous, talk);
            }
        }
        block.revision = change.revision();
    }

    private void applyStandalone(ScheduleChanges.Change change, Session session, SessionRequest request) {
        Event event = change.event();
        if (request.startsAt() == null || request.endsAt() == null) {
            throw Problem.invalid(request.startsAt() == null ? "startsAt" : "endsAt", "is required");
        }
        Instant startsAt = request.startsAt().toInstant();
        Instant endsAt = request.endsAt().toInstant();
        ScheduleRules.requireTimeWindow(event, startsAt, endsAt);
        ScheduleRules.requireDuration(event, request.kind(), startsAt, endsAt);
        Room room = ScheduleRules.roomOf(event, request.roomId(), "roomId");
        if (room == null && request.kind() != SessionKind.BREAK && request.kind() != SessionKind.SOCIAL) {
            throw Problem.invalid("roomId", "is required for a " + request.kind().wireName());
        }
        SessionStatus status = request.status() == null ? SessionStatus.SCHEDULED : request.status();
        long self = session.id == null ? ScheduleRules.NONE : session.id;
        List<Speaker> speakers = ScheduleRules.speakersOf(event, request.speakerIds());
        if (status == SessionStatus.SCHEDULED) {
            ScheduleRules.requireRoomFree(event, room, startsAt, endsAt, self, ScheduleRules.NONE);
            ScheduleRules.requireSpeakersFree(event, speakers, startsAt, endsAt, self);
        }
        session.kind = request.kind();
        session.room = room;
        session.startsAt = startsAt;
        session.endsAt = endsAt;
        applyContent(change, session, request);
    }

    private void applyInBlock(ScheduleChanges.Change change, Session talk, SessionRequest request) {
        if (request.kind() != SessionKind.LIGHTNING_TALK) {
            throw Problem.invalid("kind", "a talk in a lightning block stays a lightning talk");
        }
        boolean movesTime = request.startsAt() != null && !request.startsAt().toInstant().equals(talk.startsAt)
                || request.endsAt() != null && !request.endsAt().toInstant().equals(talk.endsAt)
                || request.roomId() != null && !request.roomId().equals(talk.room.id);
        if (movesTime) {
            throw Problem.invalid("startsAt", "a lightning talk in a block takes its time and room from the block; reorder or move the block instead");
        }
        if (request.status() != SessionStatus.CANCELLED) {
            ScheduleRules.requireSpeakersFree(change.event(), ScheduleRules.speakersOf(change.event(), request.speakerIds()),
                    talk.startsAt, talk.endsAt, talk.id);
        }
        applyContent(change, talk, request);
    }

    /** What an organizer writes about a session, apart from when and where. */
    private void applyContent(ScheduleChanges.Change change, Session session, SessionRequest request) {
        session.title = request.title();
        session.abstract_ = request.abstractText();
        session.language = request.language();
        session.level = request.level();
        session.tags = new ArrayList<>(request.tags() == null ? List.of() : request.tags());
        session.track = ScheduleRules.trackOf(change.event(), request.trackId());
        session.speakers = new ArrayList<>(ScheduleRules.speakersOf(change.event(), request.speakerIds()));
        session.status = request.status() == null ? SessionStatus.SCHEDULED : request.status();
        session.slidesUrl = request.slidesUrl();
        session.videoUrl = request.videoUrl();
        session.revision = change.revision();
    }

    private void notify(ScheduleChanges.Change change, long sessionId, SessionView before, Session after) {
        sessionChanged.fire(new SessionChanged(change.event().id, sessionId, change.revision(), before, view(after)));
    }

    private SessionView view(Session session) {
        return SessionView.from(session, session.event.zone());
    }

    public static Duration lightningLength(Event event) {
        return Duration.ofMinutes(event.durationLimit(SessionKind.LIGHTNING_TALK).orElse(5));
    }
}
