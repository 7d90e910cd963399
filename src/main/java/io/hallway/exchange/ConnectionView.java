package io.hallway.exchange;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hallway.people.AttendeeView;

/** One of my connections as only I see it: what they shared with me, and my private note and star. */
public record ConnectionView(
        long id,
        Instant connectedAt,
        /** How we connected: a code scanned online (qr), or an offline code redeemed later (offline). */
        ConnectionVia via,
        /** For an offline code: when the scanner says they read it (connectedAt is when it was redeemed). */
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant scannedAt,
        /** The session running in the event when we met (for an offline code, at its scan time), if exactly one was. */
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
