package io.hallway.audit;

import io.hallway.common.WireEnum;

/** What an audit entry is about; {@code resourceId} is the row's id where the resource has rows of its own. */
public enum AuditResource implements WireEnum {
    EVENT,
    ROOM,
    TRACK,
    SPEAKER,
    SESSION,
    BLOCK,
    /** The venue document, one per event (no id). */
    VENUE,
    /** The exchange settings, one row per event (no id). */
    SETTINGS,
    /** The whole schedule, as an import changes it (no id). */
    SCHEDULE,
    /** The schedule's change history (tombstones, change feeds), as a history purge forgets it (no id). */
    HISTORY,
    /** The attendees' personal data, as the retention purge deletes it (no id). */
    PEOPLE,
    /** A member of the event's team; the id is the member's user id. */
    MEMBER,
    /** An invitation to the event's team. */
    INVITATION,
    /** An invitation for a speaker to link their account to their speaker record. */
    SPEAKER_INVITATION,
    /** The link between a speaker record and an account; the id is the speaker's. */
    SPEAKER_ACCOUNT,
    /** An announcement to the people at the event. */
    ANNOUNCEMENT,
    /** A released version of the schedule; its versions are the public schedule versions before and after. */
    RELEASE,
    /** A code-of-conduct report, as the event's owners handle it (its status; never its content). */
    REPORT;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
