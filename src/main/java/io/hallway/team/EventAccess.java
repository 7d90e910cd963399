package io.hallway.team;

import java.lang.reflect.Method;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The one place that decides who may act on an event: every admin operation under
 * {@code /api/admin/events/{slug}} passes here after the token is verified and before the method runs. The
 * operator's realm role may do everything; a team member may do what their {@link EventRole} includes (a host
 * limited to rooms only in those rooms, where the path names a room); anybody else is told the event does not
 * exist, with the very 404 of an unknown slug. A member with too small a role is a 403. An operation that
 * declares no {@link RequiresEventRole} is refused, so a forgotten annotation fails closed (and
 * PermissionMatrixTest fails the build). Decisions are read from the database on every request: a removed member
 * is refused on every replica from their next request.
 */
class EventAccess {

    private static final Logger LOG = Logger.getLogger(EventAccess.class);
    private static final Pattern EVENT_SCOPED = Pattern.compile("^/?api/admin/events/[^/]+(/.*)?$");
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

    @ServerRequestFilter
    void check(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (!EVENT_SCOPED.matcher(path).matches() || resource.getResourceMethod() == null) {
            return;
        }
        RequiresEventRole required = required(resource.getResourceClass(), resource.getResourceMethod());
        if (required == null) {
            LOG.errorf("%s.%s declares no @RequiresEventRole; refused", resource.getResourceClass().getSimpleName(),
                    resource.getResourceMethod().getName());
            throw new ForbiddenException();
        }
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
        Matcher room = ROOM.matcher(path);
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
