package io.hallway.team;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.schedule.Event;
import io.quarkus.security.Authenticated;

/**
 * Redeeming an invitation link: any signed-in person may, whatever their realm roles (a volunteer host is an
 * attendee in the identity provider). The path parameter is named {@code token} so the log never shows it.
 */
@Path("/api/invitations/{token}")
@Authenticated
@Tag(name = "Team")
public class InvitationResource {

    /** Longest name kept for the team's list of members. */
    private static final int MAX_NAME = 200;

    @Inject
    Invitations invitations;

    @Inject
    JsonWebToken jwt;

    @POST
    @Path("redeem")
    @Operation(operationId = "redeemInvitation", summary = "Join an event's team with an invitation", description = "The token is the last part of the invitation link. Each invitation joins one person, once: a used one is a 410 invitation-used, a withdrawn one 410 invitation-revoked, an expired one 410 invitation-expired, an unknown token a 404. Redeeming never lowers a role: a member who already holds a higher role keeps it, and a host gains the invited rooms. The answer names the event and the role the caller now holds.")
    public RedeemedInvitationView redeem(@PathParam("token") String token) {
        Invitations.Redeemed redeemed = invitations.redeem(token, displayName());
        Event event = Event.findById(redeemed.eventId());
        return new RedeemedInvitationView(event.slug, event.name, redeemed.role(), redeemed.roomIds(),
                redeemed.invitedRole());
    }

    /** The name the team sees: the token's name, else its preferred user name, else its subject. */
    private String displayName() {
        for (String claim : new String[] { "name", "preferred_username" }) {
            Object value = jwt.getClaim(claim);
            String text = value instanceof jakarta.json.JsonString json ? json.getString()
                    : value == null ? null : value.toString();
            if (text != null && !text.isBlank()) {
                String name = text.strip();
                return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
            }
        }
        return jwt.getSubject();
    }
}
