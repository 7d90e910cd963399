package io.hallway.common;

/** The two roles a token can carry. Anything else a caller may do follows from identity, not role. */
public final class Roles {
    public static final String ATTENDEE = "attendee";
    public static final String ORGANIZER = "organizer";

    private Roles() {
    }
}
