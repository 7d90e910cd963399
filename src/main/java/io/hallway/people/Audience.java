package io.hallway.people;

/** How a viewer relates to the owner of a profile, which decides the fields they see. */
public enum Audience {
    /** Someone who found the profile in the directory. */
    STRANGER,
    /** Someone the owner exchanged with and shares their 'connections' fields with. */
    CONNECTION,
    /** The owner. */
    SELF
}
