package io.hallway.suggestions;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.people.Profile;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;

/** People worth meeting at an event, for people who opted in (see {@link SuggestionSettingsResource}). */
@Path("/api/events/{slug}/me/suggestions")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Hallway track")
public class SuggestionResource {

    @Inject
    Users users;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    Suggestions suggestions;

    @Inject
    Dismissals dismissals;

    @GET
    @Operation(operationId = "getMySuggestions", summary = "People worth meeting, best first, with the reasons", description = "Ranked by what we share: sessions we both bookmarked, interests and company we both show to everyone, and what one offers that the other seeks (hiring and looking for work, helping and learning). Speakers who linked their account rank higher for the sessions of theirs I bookmarked (reason kind speaker), higher still when I chose meet-speakers. Each card shows only the fields its owner shows to everyone; each reason has its words (text) and its data (kind, value, sessionIds, blockIds). Only for people who opted in (409 otherwise), and only people who did. People I dismissed do not come back.")
    public List<Suggestions.Suggestion> mine(@PathParam("slug") String slug,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(50) int limit) {
        ScheduleSnapshots.Built schedule = snapshots.current(slug);
        var me = users.existingId();
        if (me.isEmpty()) {
            throw notOptedIn();
        }
        // Whether I opted in is asked by the ranking statement itself: a statement of its own cost as much as it.
        return suggestions.forMe(schedule, me.getAsLong(), limit).orElseThrow(SuggestionResource::notOptedIn);
    }

    @PUT
    @Path("dismissed/{profileId}")
    @Transactional
    @Operation(operationId = "dismissSuggestion", summary = "Do not suggest this person to me again", description = "204, also when already dismissed. The person is not told. My own profile is a 400: I am never suggested to myself.")
    public void dismiss(@PathParam("slug") String slug, @PathParam("profileId") long profileId) {
        Event event = snapshots.publishedEvent(slug);
        long me = optedIn(event.id);
        dismissals.dismiss(event.id, me, otherPerson(event, profileId, me));
    }

    @DELETE
    @Path("dismissed/{profileId}")
    @Transactional
    @Operation(operationId = "undismissSuggestion", summary = "Let a person I dismissed be suggested again", description = "204, also when not dismissed. My own profile is a 400.")
    public void undismiss(@PathParam("slug") String slug, @PathParam("profileId") long profileId) {
        Event event = snapshots.publishedEvent(slug);
        long me = optedIn(event.id);
        dismissals.undismiss(event.id, me, otherPerson(event, profileId, me));
    }

    private long optedIn(long eventId) {
        var me = users.existingId();
        if (me.isEmpty() || !SuggestionSetting.optedIn(eventId, me.getAsLong())) {
            throw notOptedIn();
        }
        return me.getAsLong();
    }

    private static Problem notOptedIn() {
        return Problem.of(ProblemType.SUGGESTIONS_OFF,
                "Opt in to suggestions for this event first (PUT /me/suggestion-settings).");
    }

    /** The person behind a profile that is not mine: I am never suggested to myself, so there is none to dismiss. */
    private static long otherPerson(Event event, long profileId, long me) {
        long person = Profile.inEvent(event.id, profileId).map(profile -> profile.userId)
                .orElseThrow(() -> Problem.notFound("No attendee " + profileId + " in this event."));
        if (person == me) {
            throw Problem.invalid("profileId", "is your own profile: you are never suggested to yourself");
        }
        return person;
    }
}
