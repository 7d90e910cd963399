package io.hallway.meetups;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A meet-up as one of its two people sees it. The requester of a declined one sees {@code not-available}, and
 * nothing else of it: a refusal says no more than a setting that does not let them ask.
 */
public record MeetingView(long id,
        @Schema(enumeration = { "pending", "accepted", "declined", "cancelled", "not-available" }) String status,
        @Schema(enumeration = { "requester", "invitee" }) String role, Person with, int minutes, String message,
        @Schema(description = "Whether the next answer (accept, decline, propose) is mine") boolean awaitingMyAnswer,
        @Schema(description = "While pending: the proposals, soonest first; accept one by its index") List<Slot> slots,
        @Schema(description = "Once accepted") OffsetDateTime startsAt, OffsetDateTime endsAt, Place place,
        OffsetDateTime createdAt,
        @Schema(description = "Accepted, but a later room move, new time or delay left one of us without the time for it: why, in my words (a session I follow by its title, one only the other person follows unnamed), updated when another cause breaks it again; null while it fits. It stays accepted until one of us cancels it.") String noLongerFits) {

    /** The other person: their profile id, the way the directory names people, and their name where I may see it. */
    public record Person(Long profileId, String displayName) {
    }

    public record Slot(int index, OffsetDateTime startsAt, OffsetDateTime endsAt,
            @Schema(description = "Null where the venue has no map or marked no meeting places") Place place) {
    }

    /** A meeting point, coffee or lounge on the venue map, with each one's walk from where they will be. */
    public record Place(String id, String name,
            @Schema(enumeration = { "meeting-point", "coffee", "lounge" }) String category,
            @Schema(description = "The longer of my walks there and on to my next session, in whole minutes") Long myWalkingMinutes,
            Long theirWalkingMinutes) {
    }
}
