package io.hallway.suggestions;

import io.hallway.common.WireEnum;

/**
 * What a person is here for. Intents come in pairs that suggest each other: hiring and looking for work,
 * helping and learning, each matched on the same topics.
 */
public enum Intent implements WireEnum {
    HIRING("work", "offers"),
    LOOKING_FOR_WORK("work", "seeks"),
    CAN_HELP_WITH("help", "offers"),
    LEARNING("help", "seeks"),
    /** Not matched on terms: it raises the linked speakers of the sessions the person bookmarked (Suggestions). */
    MEET_SPEAKERS(null, null);

    /** The family of terms it is matched in, and which side of it: null for an intent not matched on terms. */
    final String family;
    final String role;

    Intent(String family, String role) {
        this.family = family;
        this.role = role;
    }

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
