package io.hallway.common;

import java.net.URI;

/**
 * Every kind of problem the API answers with (RFC 9457): the type URI clients switch on, its title and its
 * status. The URI is the contract and never changes; a title may be reworded freely. Where two titles name the
 * same condition in other words they stay two types, because clients already know both URIs. The OpenAPI
 * document lists them all (see {@link ProblemResponsesFilter}).
 */
public enum ProblemType {

    // Any request
    INVALID_REQUEST("urn:hallway:problem:invalid-request", "Invalid request", 400),
    UNREADABLE_REQUEST_BODY("urn:hallway:problem:unreadable-request-body", "Unreadable request body", 400),
    INVALID_VALUE("urn:hallway:problem:invalid-value", "Invalid value", 400),
    UNAUTHORIZED("urn:hallway:problem:unauthorized", "Unauthorized", 401),
    FORBIDDEN("urn:hallway:problem:forbidden", "Forbidden", 403),
    NOT_FOUND("urn:hallway:problem:not-found", "Not found", 404),
    CONFLICT("urn:hallway:problem:conflict", "Conflict", 409),
    PAYLOAD_TOO_LARGE("urn:hallway:problem:payload-too-large", "Payload too large", 413),
    TOO_MANY_REQUESTS("urn:hallway:problem:too-many-requests", "Too many requests", 429),
    INTERNAL_ERROR("urn:hallway:problem:internal-error", "Internal error", 500),
    SIGN_IN_UNAVAILABLE("urn:hallway:problem:sign-in-unavailable", "Sign-in unavailable", 503),
    DATABASE_UNAVAILABLE("urn:hallway:problem:database-unavailable", "Database unavailable", 503),

    // Refusals of the HTTP layer, before any resource runs; titled with the reason phrase of their status
    BAD_REQUEST("urn:hallway:problem:bad-request", "Bad Request", 400),
    METHOD_NOT_ALLOWED("urn:hallway:problem:method-not-allowed", "Method Not Allowed", 405),
    NOT_ACCEPTABLE("urn:hallway:problem:not-acceptable", "Not Acceptable", 406),
    REQUEST_ENTITY_TOO_LARGE("urn:hallway:problem:request-entity-too-large", "Request Entity Too Large", 413),
    UNSUPPORTED_MEDIA_TYPE("urn:hallway:problem:unsupported-media-type", "Unsupported Media Type", 415),
    /** Any other 4xx of the HTTP layer; the document's status is the actual one, 400 is only the usual one. */
    REQUEST_FAILED("urn:hallway:problem:request-failed", "Request failed", 400),

    // Versions of what organizers edit
    INVALID_IF_MATCH("urn:hallway:problem:invalid-if-match", "Invalid If-Match", 400),
    STALE_VERSION("urn:hallway:problem:stale-version", "Stale version", 409),
    VERSION_REQUIRED("urn:hallway:problem:version-required", "Version required", 428),

    // Schedule
    SLUG_TAKEN("urn:hallway:problem:slug-taken", "Slug taken", 409),
    ROOM_NAME_TAKEN("urn:hallway:problem:room-name-taken", "Room name taken", 409),
    ROOM_IN_USE("urn:hallway:problem:room-in-use", "Room in use", 409),
    ROOM_ALREADY_IN_USE("urn:hallway:problem:room-already-in-use", "Room already in use", 409),
    TRACK_NAME_TAKEN("urn:hallway:problem:track-name-taken", "Track name taken", 409),
    TRACK_IN_USE("urn:hallway:problem:track-in-use", "Track in use", 409),
    SPEAKER_IN_USE("urn:hallway:problem:speaker-in-use", "Speaker in use", 409),
    SPEAKER_ALREADY_BOOKED("urn:hallway:problem:speaker-already-booked", "Speaker already booked", 409),
    BLOCK_FULL("urn:hallway:problem:block-full", "Block full", 409),
    SESSION_CANCELLED("urn:hallway:problem:session-cancelled", "Session cancelled", 409),
    CURSOR_TOO_OLD("urn:hallway:problem:cursor-too-old", "Cursor too old", 410),

    // Draft and released schedules
    RELEASE_NAME_TAKEN("urn:hallway:problem:release-name-taken", "Release name taken", 409),
    NOTHING_TO_RELEASE("urn:hallway:problem:nothing-to-release", "Nothing to release", 409),
    NOT_IN_MANUAL_MODE("urn:hallway:problem:not-in-manual-mode", "Not in manual mode", 409),
    UNRELEASED_DRAFT("urn:hallway:problem:unreleased-draft", "Unreleased draft", 409),

    // Organizer teams
    LAST_OWNER("urn:hallway:problem:last-owner", "Last owner", 409),

    // Agenda
    NO_FEEDBACK_FOR_THIS_SESSION("urn:hallway:problem:no-feedback-for-this-session", "No feedback for this session", 409),
    FEEDBACK_NOT_OPEN_YET("urn:hallway:problem:feedback-not-open-yet", "Feedback not open yet", 409),

    // The live day
    NOTHING_IN_PROGRESS("urn:hallway:problem:nothing-in-progress", "Nothing in progress", 409),
    SESSION_IN_ANOTHER_ROOM("urn:hallway:problem:session-in-another-room", "Session in another room", 409),
    TALK_IN_A_BLOCK("urn:hallway:problem:talk-in-a-block", "Talk in a block", 409),

    // Venue
    INVALID_VENUE("urn:hallway:problem:invalid-venue", "Invalid venue", 400),
    NO_ROOM("urn:hallway:problem:no-room", "No room", 409),
    ROOM_NOT_ON_THE_MAP("urn:hallway:problem:room-not-on-the-map", "Room not on the map", 409),
    NO_ROUTE("urn:hallway:problem:no-route", "No route", 422),

    // Contact exchange and personal data
    OWN_CODE("urn:hallway:problem:own-code", "Own code", 400),
    EXCHANGE_SWITCHED_OFF("urn:hallway:problem:exchange-switched-off", "Exchange switched off", 403),
    PROFILE_NEEDED("urn:hallway:problem:profile-needed", "Profile needed", 409),
    RETENTION_PERIOD_NOT_OVER("urn:hallway:problem:retention-period-not-over", "Retention period not over", 409),
    CODE_NO_LONGER_VALID("urn:hallway:problem:code-no-longer-valid", "Code no longer valid", 410),
    IDEMPOTENCY_KEY_REUSED("urn:hallway:problem:idempotency-key-reused", "Idempotency key reused", 422),
    OFFLINE_CODE_USED("urn:hallway:problem:offline-code-used", "Offline code used", 410),
    SCAN_TOO_OLD("urn:hallway:problem:scan-too-old", "Scan too old", 410),
    SCAN_TIME_IN_FUTURE("urn:hallway:problem:scan-time-in-future", "Scan time in the future", 422),
    CODE_NOT_SHOWN_AT_SCAN_TIME("urn:hallway:problem:code-not-shown-at-scan-time", "Code not shown at scan time", 422),

    // Organizer teams
    INVITATION_ALREADY_REDEEMED("urn:hallway:problem:invitation-already-redeemed", "Invitation already redeemed", 409),
    INVITATION_USED("urn:hallway:problem:invitation-used", "Invitation used", 410),
    INVITATION_REVOKED("urn:hallway:problem:invitation-revoked", "Invitation revoked", 410),
    INVITATION_EXPIRED("urn:hallway:problem:invitation-expired", "Invitation expired", 410),

    // Speakers' accounts
    SPEAKER_ALREADY_LINKED("urn:hallway:problem:speaker-already-linked", "Speaker already linked", 409),

    // Notifications
    PUSH_NOT_CONFIGURED("urn:hallway:problem:push-not-configured", "Push not configured", 404),
    PUSH_SUBSCRIPTION_LIMIT("urn:hallway:problem:push-subscription-limit", "Push subscription limit", 409),

    // The hallway track
    SUGGESTIONS_OFF("urn:hallway:problem:suggestions-off", "Suggestions off", 409),

    // Meet-ups
    NOT_AVAILABLE("urn:hallway:problem:not-available", "Not available", 409),
    TOO_MANY_PENDING_MEETINGS("urn:hallway:problem:too-many-pending-meetings", "Too many pending meetings", 409),
    NO_COMMON_FREE_TIME("urn:hallway:problem:no-common-free-time", "No common free time", 409),
    SLOT_NOT_FREE("urn:hallway:problem:slot-not-free", "Slot not free", 409),
    MEETING_NOT_PENDING("urn:hallway:problem:meeting-not-pending", "Meeting not pending", 409),
    NO_MEETING_PLACE("urn:hallway:problem:no-meeting-place", "No meeting place", 409),

    // Schedule imports
    UNREADABLE_SCHEDULE_DOCUMENT("urn:hallway:problem:unreadable-schedule-document", "Unreadable schedule document", 400),
    DOCUMENT_TOO_LARGE("urn:hallway:problem:document-too-large", "Document too large", 413),
    MALFORMED_SCHEDULE_DOCUMENT("urn:hallway:problem:malformed-schedule-document", "Malformed schedule document", 422),
    SOURCE_UNAVAILABLE("urn:hallway:problem:source-unavailable", "Source unavailable", 502),
    SOURCE_TIMED_OUT("urn:hallway:problem:source-timed-out", "Source timed out", 504);

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String uri, String title, int status) {
        this.uri = URI.create(uri);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /**
     * The type for a bare status the HTTP layer refused a request with (no route, wrong method or media type);
     * {@link #REQUEST_FAILED} for a status no type stands for.
     */
    static ProblemType forHttpStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> REQUEST_ENTITY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> REQUEST_FAILED;
        };
    }
}
