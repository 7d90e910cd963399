package io.hallway.common;

/**
 * The realm roles a token can carry. What a person may do in one event follows from their membership in its
 * team (see {@code io.hallway.team}), not from a realm role.
 */
public final class Roles {
    public static final String ATTENDEE = "attendee";
    /** May create events; the creator becomes the new event's owner. */
    public static final String ORGANIZER = "organizer";
    /**
     * The operator's role, named by hallway.team.admin-role (default admin): sees and manages every event. A
     * property expression, which {@code @RolesAllowed} resolves from the configuration.
     */
    public static final String ADMIN = "${hallway.team.admin-role:admin}";

    private Roles() {
    }
}
