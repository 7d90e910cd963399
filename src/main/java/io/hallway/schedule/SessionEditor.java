package io.hallway.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Problem;
import io.hallway.common.Versions;

/**
 * Every write to sessions goes through here, and through {@link BlockLayout} for where lightning talks stand
 * in their blocks: the schedule rules, revision stamps, tombstones and {@link SessionsChanged} notifications
 * are kept in these two places.
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
    jakarta.enterprise.event.Event<LightningBlockDeleting> blockDeleting;

    @Inject
    BlockLayout layout;

    @Inject
    AuditLog audit;

    @Transactional
    public Session create(String slug, SessionRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Session session = create(change, request, UUID.randomUUID());
        audit.record(change.event().id, AuditAction.CREATE, AuditResource.SESSION, session.id, null, session.version);
        return session;
    }

    /** Creates a session within an open change, such as one import; {@code guid} is its lasting identity. */
    public Session create(ScheduleChanges.Change change, SessionRequest request, UUID guid) {
        Session session = new Session();
        session.event = change.event();
        session.guid = guid;
        applyStandalone(change, session, request);
        session.persist();
        Session.flush();
        changes.announce(change, session.id, null, session);
        return session;
    }

    @Transactional
    public Session update(String slug, long id, long expectedVersion, SessionRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Session session = Session.inEvent(change.event(), id);
        Versions.check(expectedVersion, session.version, "The session");
        long versionBefore = session.version;
        boolean wasCancelled = session.status == SessionStatus.CANCELLED;
        update(change, session, request);
        AuditAction action = !wasCancelled && session.status == SessionStatus.CANCELLED ? AuditAction.CANCEL
                : AuditAction.UPDATE;
        audit.record(change.event().id, action, AuditResource.SESSION, id, versionBefore, session.version);
        return session;
    }

    public Session update(ScheduleChanges.Change change, Session session, SessionRequest request) {
        SessionView before = ScheduleChanges.stateOf(session);
        if (session.block != null) {
            applyInBlock(change, session, request);
        } else {
            applyStandalone(change, session, request);
        }
        Session.flush();
        changes.announce(change, session.id, before, session);
        return session;
    }

    @Transactional
    public void delete(String slug, long id) {
        ScheduleChanges.Change change = changes.begin(slug);
        Session session = Session.inEvent(change.event(), id);
        long versionBefore = session.version;
        delete(change, session);
        audit.record(change.event().id, AuditAction.DELETE, AuditResource.SESSION, id, versionBefore, null);
    }

    public void delete(ScheduleChanges.Change change, Session session) {
        long id = session.id;
        SessionView before = ScheduleChanges.stateOf(session);
        LightningBlock block = session.block;
        if (block != null) {
            block.talks.remove(session);
        }
        // Observers run while the session's rows (and the bookmarks that cascade from it) still exist.
        changes.announce(change, id, before, null);
        session.delete();
        changes.deleted(change, ScheduleChanges.Kind.SESSION, id);
        if (block != null) {
            Session.flush();
            layout.relayout(change, block, layout.talkStates(block));
        }
    }

    /** Adds a lightning talk to a block, at the given position or at the end. */
    @Transactional
    public Session addToBlock(String slug, long blockId, SessionRequest request, Integer position) {
        ScheduleChanges.Change change = changes.begin(slug);
        Session talk = addToBlock(change, LightningBlock.inEvent(change.event(), blockId), request, position, UUID.randomUUID());
        audit.record(change.event().id, AuditAction.CREATE, AuditResource.SESSION, talk.id, null, talk.version,
                Map.of("blockId", blockId));
        return talk;
    }

    public Session addToBlock(ScheduleChanges.Change change, LightningBlock block, SessionRequest request,
            Integer position, UUID guid) {
        if (request.kind() != SessionKind.LIGHTNING_TALK) {
            throw Problem.invalid("kind", "a block holds lightning talks only");
        }
        layout.requireRoom(change, block, block.talks.size() + 1);
        Map<Long, SessionView> before = layout.talkStates(block);
        Session talk = new Session();
        talk.event = change.event();
        talk.guid = guid;
        talk.kind = SessionKind.LIGHTNING_TALK;
        talk.block = block;
        applyContent(change, talk, request);
        // Past the last talk appends, as no position does; a negative one the resource refused.
        int at = position == null ? block.talks.size() : Math.min(position, block.talks.size());
        block.talks.add(at, talk);
        try {
            layout.relayout(change, block, before);
        } catch (Problem refused) {
            // The layout refuses before it moves a talk; take the new one out again for a caller that goes on
            // after a refusal (an import skips the talk).
            block.talks.remove(talk);
            throw refused;
        }
        talk.persist();
        Session.flush();
        changes.announce(change, talk.id, null, talk);
        return talk;
    }

    /** Deletes a block with its talks, each reported as deleted. */
    public void deleteBlock(ScheduleChanges.Change change, LightningBlock block) {
        for (Session talk : List.copyOf(block.talks)) {
            delete(change, talk);
        }
        long id = block.id;
        blockDeleting.fire(new LightningBlockDeleting(change.event().id, id));
        block.delete();
        changes.deleted(change, ScheduleChanges.Kind.BLOCK, id);
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
}
