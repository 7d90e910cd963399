package io.hallway.team;

import java.lang.reflect.Method;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The one place that decides who may act on an event: every admin operation under
 * {@code /api/admin/events/{slug}} passes here after the token is verified and before the method runs. The
 * operator's realm role may do everything; a team member may do what their {@link EventRole} includes (a host
 * limited to rooms only in those rooms, where the path names a room); anybody else is told the event does not
 * exist, with the very 404 of an unknown slug. A member with too small a role is a 403. The filter is bound by
 * name to the operations that declare {@link RequiresEventRole}; {@link EventScopedOperations} refuses to start
 * the application when an operation under the event's path declares none, so a forgotten annotation fails
 * closed. Decisions are read from the database on every request: a removed member is refused on every replica
 * from their next request.
 */
class EventAccess {

    private static final Pattern ROOM = Pattern.compile("^/?api/admin/events/[^/]+/rooms/([^/]+)(/.*)?$");

    @Inject
    SecurityIdentity identity;

    @Inject
    TeamConfig config;

    @Inject
    TeamEvents events;

    @Inject
    Members members;

    @Inject
    Users users;

    /** The role on this method only binds the filter; the operation's own declaration decides. */
    @ServerRequestFilter
    @RequiresEventRole(EventRole.OWNER)
    void check(ContainerRequestContext request, ResourceInfo resource) {
        RequiresEventRole required = required(resource.getResourceClass(), resource.getResourceMethod());
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (identity.hasRole(config.adminRole())) {
            return;
        }
        String slug = request.getUriInfo().getPathParameters().getFirst("slug");
        OptionalLong eventId = events.idOf(slug);
        OptionalLong userId = users.existingId();
        if (eventId.isEmpty() || userId.isEmpty()) {
            throw events.unknown(slug);
        }
        Members.Membership membership = members.of(eventId.getAsLong(), userId.getAsLong())
                .orElseThrow(() -> events.unknown(slug));
        if (!membership.role().includes(required.value())) {
            throw Problem.of(ProblemType.FORBIDDEN, "Your role in this event's team (" + membership.role().wireName()
                    + ") does not allow this; it needs " + required.value().wireName() + ".");
        }
        Matcher room = ROOM.matcher(request.getUriInfo().getPath());
        if (membership.roomIds() != null && room.matches() && !coversRoom(membership, room.group(1))) {
            throw Problem.of(ProblemType.FORBIDDEN, "You host other rooms of this event.");
        }
    }

    /** The method's own declaration, else its class's. */
    static RequiresEventRole required(Class<?> type, Method method) {
        RequiresEventRole onMethod = method.getAnnotation(RequiresEventRole.class);
        return onMethod != null ? onMethod : type.getAnnotation(RequiresEventRole.class);
    }

    private static boolean coversRoom(Members.Membership membership, String roomId) {
        try {
            return membership.covers(Long.parseLong(roomId));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
