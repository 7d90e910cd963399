package io.hallway.team;

/**
 * The team the caller is on after redeeming: {@code role} is the role they hold now, which is the higher of the
 * one they had and {@code invitedRole}; {@code roomIds} limits a host to those rooms, null to none.
 */
public record RedeemedInvitationView(String slug, String name, EventRole role, java.util.List<Long> roomIds,
        EventRole invitedRole) {
}
