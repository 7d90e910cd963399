package io.hallway.speakers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.OneTimeTokens;
import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.Speaker;
import io.hallway.schedule.WebUrl;
import io.hallway.team.InvitationRequest;
import io.quarkus.runtime.Startup;

/**
 * Invitations for speakers to link their account to their speaker record: the only code that touches
 * {@code speaker_invitation}. They work as the team's invitations do: a {@link OneTimeTokens} token shown once,
 * only its SHA-256 stored, and a redeem that is one conditional update, so a token links exactly one account
 * however many redeem it at once.
 */
@Startup
@ApplicationScoped
class SpeakerInvitations {

    private static final String UNKNOWN = "No speaker invitation has this link; check that it was copied whole.";

    /** The invitation won: its event and speaker record. */
    private record Redeemed(long eventId, long speakerId) {
    }

    /** The speaker record the caller is linked to after redeeming, and since when. */
    record Linked(long eventId, long speakerId, Instant linkedAt) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    SpeakerLinks links;

    @Inject
    WebUrl webUrl;

    @Inject
    AuditLog audit;

    private final Duration defaultValidity;

    /** Created at start-up, so a replica configured with a validity beyond the maximum never starts. */
    @Inject
    SpeakerInvitations(SpeakersConfig config) {
        defaultValidity = InvitationRequest.checkedValidity(config.invitationValidity(),
                "hallway.speakers.invitation-validity");
    }

    /** A new invitation for the event's speaker; a speaker already linked to an account is a 409. */
    @Transactional
    IssuedSpeakerInvitationView create(String slug, long speakerId, SpeakerInvitationRequest request) {
        Event event = Event.bySlugOr404(slug);
        Speaker speaker = Speaker.inEvent(event, speakerId);
        if (links.linkedAt(speaker.id).isPresent()) {
            throw Problem.of(ProblemType.SPEAKER_ALREADY_LINKED,
                    speaker.name + " is already linked to an account; unlink it first to invite someone else.");
        }
        SpeakerInvitation invitation = new SpeakerInvitation();
        invitation.eventId = event.id;
        invitation.speakerId = speaker.id;
        Integer days = request == null ? null : request.validForDays();
        String token = invitation.issue(users.currentId(), days == null ? defaultValidity : Duration.ofDays(days));
        invitation.persist();
        audit.record(event.id, AuditAction.CREATE, AuditResource.SPEAKER_INVITATION, invitation.id, null, null,
                Map.of("speakerId", speaker.id, "expiresAt", invitation.expiresAt.toString()));
        return new IssuedSpeakerInvitationView(invitation.id, speaker.id, invitation.createdAt, invitation.expiresAt,
                webUrl.link("api/speaker-invitations/" + token), token);
    }

    Page<SpeakerInvitationView> list(String slug, long speakerId, PageRequest page) {
        Event event = Event.bySlugOr404(slug);
        Speaker speaker = Speaker.inEvent(event, speakerId);
        Instant now = Instant.now();
        return Page.of(SpeakerInvitation.<SpeakerInvitation> find(
                "eventId = ?1 and speakerId = ?2 order by createdAt desc, id desc", event.id, speaker.id), page,
                invitation -> SpeakerInvitationView.from(invitation, now));
    }

    /**
     * Withdraws a pending invitation in one statement, so it cannot race a redeem into both. Again, or after it
     * expired, is no error; a redeemed one is a 409.
     */
    @Transactional
    void revoke(String slug, long speakerId, long id) {
        Event event = Event.bySlugOr404(slug);
        int revoked = entityManager.createNativeQuery("""
                update speaker_invitation set revoked_at = now()
                where id = ?1 and event_id = ?2 and speaker_id = ?3 and redeemed_at is null and revoked_at is null""")
                .setParameter(1, id).setParameter(2, event.id).setParameter(3, speakerId).executeUpdate();
        if (revoked == 1) {
            audit.record(event.id, AuditAction.DELETE, AuditResource.SPEAKER_INVITATION, id, null, null);
            return;
        }
        SpeakerInvitation invitation = SpeakerInvitation.ofSpeaker(event.id, speakerId, id)
                .orElseThrow(() -> Problem.notFound("No invitation " + id + " for speaker " + speakerId + " in this event."));
        if (invitation.redeemedAt != null) {
            throw Problem.of(ProblemType.INVITATION_ALREADY_REDEEMED, "This invitation was redeemed on "
                    + invitation.redeemedAt + "; unlink the speaker's account instead.");
        }
    }

    /**
     * Redeems the token for the caller and links their account to the speaker record, in one transaction. The
     * invitation is won by one conditional update; why a token was refused is worked out only after a refusal.
     */
    @Transactional
    Linked redeem(String token) {
        if (!OneTimeTokens.wellFormed(token)) {
            throw Problem.notFound(UNKNOWN);
        }
        byte[] hash = OneTimeTokens.hash(token);
        long me = users.currentId();
        List<Redeemed> won = entityManager.createNativeQuery("""
                update speaker_invitation set redeemed_by = ?2, redeemed_at = now()
                where token_hash = ?1 and redeemed_at is null and revoked_at is null and expires_at > now()
                returning event_id, speaker_id""", Redeemed.class).setParameter(1, hash).setParameter(2, me)
                .getResultList();
        if (won.isEmpty()) {
            throw refusal(hash);
        }
        Redeemed redeemed = won.get(0);
        return new Linked(redeemed.eventId(), redeemed.speakerId(),
                links.link(redeemed.eventId(), redeemed.speakerId(), me));
    }

    /** Erasure: the invitations the person made or redeemed stay for the organizers' records, without them. */
    long forget(long eventId, long userId) {
        return entityManager.createNativeQuery("""
                update speaker_invitation
                set created_by = nullif(created_by, ?2), redeemed_by = nullif(redeemed_by, ?2)
                where event_id = ?1 and (created_by = ?2 or redeemed_by = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    /** The retention purge: nobody's id stays on the event's speaker invitations. */
    long forgetEveryone(long eventId) {
        return entityManager.createNativeQuery("""
                update speaker_invitation set created_by = null, redeemed_by = null
                where event_id = ?1 and (created_by is not null or redeemed_by is not null)""")
                .setParameter(1, eventId).executeUpdate();
    }

    /** The invitations the person made or redeemed in the event, oldest first. */
    List<SpeakerInvitation> of(long eventId, long userId) {
        return SpeakerInvitation.list("eventId = ?1 and (createdBy = ?2 or redeemedBy = ?2) order by createdAt, id",
                eventId, userId);
    }

    private Problem refusal(byte[] hash) {
        return SpeakerInvitation.byTokenHash(hash).orElseThrow(() -> Problem.notFound(UNKNOWN))
                .refusal("an organizer of the event");
    }
}
