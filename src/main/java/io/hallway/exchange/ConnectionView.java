package io.hallway.exchange;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hallway.people.AttendeeView;

/** One of my connections as only I see it: what they shared with me, and my private note and star. */
public record ConnectionView(
        long id,
        Instant connectedAt,
        /** The session running in the event when we met, if exactly one was. */
        @JsonInclude(JsonInclude.Include.NON_NULL) Place where,
        /** Their profile as I may see it; absent when they have none, share nothing with me and are not listed. */
        @JsonInclude(JsonInclude.Include.NON_NULL) AttendeeView person,
        /** They give me their 'connections' fields (they showed me their code, or shared back). */
        boolean sharedWithMe,
        /** I give them my 'connections' fields. */
        boolean sharingBack,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        boolean starred) {

    public record Place(long sessionId, String session, String room) {
    }
}
