package io.hallway.team;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

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
import io.hallway.schedule.WebUrl;
import io.quarkus.runtime.Startup;

/**
 * Invitations to an event's team: the only code that touches {@code event_invitation}. A token is a
 * {@link OneTimeTokens} token handed out once, in the link; only its SHA-256 is stored, so a copy of the database
 * opens no team.
 * Redeeming is one conditional update, so a token joins exactly one person however many redeem it at once.
 */
@Startup
@ApplicationScoped
public class Invitations {

    private static final String UNKNOWN = "No invitation has this link; check that it was copied whole.";

    /** The caller's membership after redeeming, and the role they were invited to. */
    record Redeemed(long eventId, EventRole role, List<Long> roomIds, EventRole invitedRole) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Users users;

    @Inject
    Members members;

    @Inject
    WebUrl webUrl;

    @Inject
    AuditLog audit;

    private final Duration defaultValidity;

    /** Created at start-up, so a replica configured with a validity beyond the maximum never starts. */
    @Inject
    Invitations(TeamConfig config) {
        defaultValidity = InvitationRequest.checkedValidity(config.invitationValidity(),
                "hallway.team.invitation-validity");
    }

    @Transactional
    IssuedInvitationView create(String slug, InvitationRequest request) {
        Event event = Event.bySlugOr404(slug);
        List<Long> roomIds = members.hostRooms(event.id, request.role(), request.roomIds());
        Invitation invitation = new Invitation();
        invitation.eventId = event.id;
        invitation.role = request.role();
        invitation.roomIds = roomIds == null ? null : roomIds.toArray(Long[]::new);
        String token = invitation.issue(users.currentId(), request.validForDays() == null ? defaultValidity
                : Duration.ofDays(request.validForDays()));
        invitation.persist();
        audit.record(event.id, AuditAction.CREATE, AuditResource.INVITATION, invitation.id, null, null,
                Map.of("role", invitation.role.wireName(), "expiresAt", invitation.expiresAt.toString()));
        return new IssuedInvitationView(invitation.id, invitation.role, roomIds, invitation.createdAt,
                invitation.expiresAt, webUrl.link("api/invitations/" + token), token);
    }

    Page<InvitationView> list(String slug, PageRequest page) {
        Event event = Event.bySlugOr404(slug);
        Instant now = Instant.now();
        return Page.of(Invitation.<Invitation> find("eventId = ?1 order by createdAt desc, id desc", event.id), page,
                invitation -> InvitationView.from(invitation, now));
    }

    /**
     * Revokes a pending invitation in one statement, so it cannot race a redeem into both. Revoking it again,
     * or after it expired, changes nothing and is no error; a redeemed one is a 409.
     */
    @Transactional
    void revoke(String slug, long id) {
        Event event = Event.bySlugOr404(slug);
        int revoked = entityManager.createNativeQuery("""
                update event_invitation set revoked_at = now()
                where id = ?1 and event_id = ?2 and redeemed_at is null and revoked_at is null""")
                .setParameter(1, id).setParameter(2, event.id).executeUpdate();
        if (revoked == 1) {
            audit.record(event.id, AuditAction.DELETE, AuditResource.INVITATION, id, null, null);
            return;
        }
        Invitation invitation = Invitation.inEvent(event.id, id)
                .orElseThrow(() -> Problem.notFound("No invitation " + id + " in this event."));
        if (invitation.redeemedAt != null) {
            throw Problem.of(ProblemType.INVITATION_ALREADY_REDEEMED, "This invitation was redeemed on "
                    + invitation.redeemedAt + "; remove the member from the team instead.");
        }
    }

    /**
     * Redeems the token for the caller and puts them on the team, in one transaction. The invitation is won
     * by one conditional update; why a token was refused is worked out only after a refusal.
     */
    @Transactional
    Redeemed redeem(String token, String displayName) {
        if (!OneTimeTokens.wellFormed(token)) {
            throw Problem.notFound(UNKNOWN);
        }
        byte[] hash = OneTimeTokens.hash(token);
        long me = users.currentId();
        List<?> won = entityManager.createNativeQuery("""
                update event_invitation set redeemed_by = ?2, redeemed_at = now()
                where token_hash = ?1 and redeemed_at is null and revoked_at is null and expires_at > now()
                returning id""").setParameter(1, hash).setParameter(2, me).getResultList();
        if (won.isEmpty()) {
            throw refusal(hash);
        }
        Invitation invitation = Invitation.findById(((Number) won.get(0)).longValue());
        List<Long> invitedRooms = invitation.roomIds == null ? null : List.of(invitation.roomIds);
        Members.Membership joined = merged(members.of(invitation.eventId, me),
                new Members.Membership(invitation.role, invitedRooms));
        members.join(invitation.eventId, me, joined.role(), joined.roomIds(), displayName);
        return new Redeemed(invitation.eventId, joined.role(), joined.roomIds(), invitation.role);
    }

    /**
     * The membership after redeeming: an invitation never demotes. The higher role wins with its own rooms;
     * at the same role a host keeps the rooms they had and gains the invited ones (every room if either says so).
     */
    static Members.Membership merged(Optional<Members.Membership> current, Members.Membership invited) {
        if (current.isEmpty()) {
            return invited;
        }
        Members.Membership held = current.get();
        if (held.role() != invited.role()) {
            return held.role().includes(invited.role()) ? held : invited;
        }
        if (held.roomIds() == null || invited.roomIds() == null) {
            return new Members.Membership(held.role(), null);
        }
        TreeSet<Long> rooms = new TreeSet<>(held.roomIds());
        rooms.addAll(invited.roomIds());
        return new Members.Membership(held.role(), new ArrayList<>(rooms));
    }

    /** Erasure: the invitations the person made or redeemed stay for the owners' records, without them. */
    long forget(long eventId, long userId) {
        int created = entityManager.createNativeQuery(
                "update event_invitation set created_by = null where event_id = ?1 and created_by = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
        int redeemed = entityManager.createNativeQuery(
                "update event_invitation set redeemed_by = null where event_id = ?1 and redeemed_by = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
        return created + redeemed;
    }

    /** The retention purge: nobody's id stays on the event's invitations. */
    long forgetEveryone(long eventId) {
        return entityManager.createNativeQuery("""
                update event_invitation set created_by = null, redeemed_by = null
                where event_id = ?1 and (created_by is not null or redeemed_by is not null)""")
                .setParameter(1, eventId).executeUpdate();
    }

    boolean refersTo(long eventId, long userId) {
        return Invitation.count("eventId = ?1 and (createdBy = ?2 or redeemedBy = ?2)", eventId, userId) > 0;
    }

    /** The invitations the person made or redeemed in the event, oldest first. */
    List<Invitation> of(long eventId, long userId) {
        return Invitation.list("eventId = ?1 and (createdBy = ?2 or redeemedBy = ?2) order by createdAt, id", eventId,
                userId);
    }

    private Problem refusal(byte[] hash) {
        return Invitation.byTokenHash(hash).orElseThrow(() -> Problem.notFound(UNKNOWN))
                .refusal("an owner of the event");
    }
}
