package io.hallway.team;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An invitation as an owner asks for it: the role, for a host optionally the rooms they may run (none: every
 * room), and for how many days the link works (hallway.team.invitation-validity, 7 days, when left out).
 */
public record InvitationRequest(
        @NotNull EventRole role,
        @Size(max = 100) List<@NotNull Long> roomIds,
        @Min(value = 1, message = "must be at least 1") @Max(value = InvitationRequest.MAX_VALID_DAYS, message = "must be at most " + InvitationRequest.MAX_VALID_DAYS) Integer validForDays) {

    /** The longest an invitation link works: a forgotten link should not open the team for long. */
    public static final int MAX_VALID_DAYS = 30;

    /**
     * A configured default validity (the team's, the speakers'): more than zero and at most
     * {@link #MAX_VALID_DAYS} days, or the service does not start.
     */
    public static Duration checkedValidity(Duration configured, String key) {
        if (configured.isNegative() || configured.isZero() || configured.compareTo(Duration.ofDays(MAX_VALID_DAYS)) > 0) {
            throw new IllegalStateException(key + " must be more than 0 and at most " + MAX_VALID_DAYS + " days; it is "
                    + configured);
        }
        return configured;
    }
}
