package io.hallway.team;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Users;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The rooms a caller may act on, for operations that name a room in their body rather than in their path (where
 * {@link EventAccess} checks it). Runs after EventAccess has let the caller in, so they are the operator or on
 * the event's team.
 */
@ApplicationScoped
public class HostRooms {

    @Inject
    SecurityIdentity identity;

    @Inject
    TeamConfig config;

    @Inject
    Users users;

    @Inject
    Members members;

    /** The rooms the caller is limited to in the event; empty when their role covers every room. */
    public Optional<List<Long>> limits(long eventId) {
        if (identity.hasRole(config.adminRole())) {
            return Optional.empty();
        }
        OptionalLong userId = users.existingId();
        Optional<Members.Membership> membership = userId.isPresent() ? members.of(eventId, userId.getAsLong())
                : Optional.empty();
        // Not on the team after all (removed a moment ago): no room, rather than every room.
        return membership.isEmpty() ? Optional.of(List.of()) : Optional.ofNullable(membership.get().roomIds());
    }

    /** A 403 unless the caller may act on this room; null (no room at all) needs a role that covers every room. */
    public void check(long eventId, Long roomId) {
        Optional<List<Long>> limits = limits(eventId);
        if (limits.isPresent() && (roomId == null || !limits.get().contains(roomId))) {
            throw Problem.of(ProblemType.FORBIDDEN, roomId == null
                    ? "You host some rooms of this event: address their people only."
                    : "You host other rooms of this event.");
        }
    }
}
