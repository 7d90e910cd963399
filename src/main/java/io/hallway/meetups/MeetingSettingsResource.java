package io.hallway.meetups;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Roles;
import io.hallway.people.SelfService;

/** Who may ask me to meet in an event. */
@Path("/api/events/{slug}/me/meeting-settings")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Hallway track")
public class MeetingSettingsResource {

    @Inject
    Meetings meetings;

    @Inject
    SelfService selfService;
    @GET
    @Operation(operationId = "getMyMeetingSettings", summary = "Who may ask me to meet", description = "anyone: whoever finds me in the directory, and my connections; connections: only people I share my profile with (the default); nobody.")
    public MeetingRequest.Settings mine(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        return new MeetingRequest.Settings(mine.me().isEmpty() ? WhoMayAsk.CONNECTIONS
                : meetings.whoMayAsk(mine.event().id, mine.me().getAsLong()));
    }

    @PUT
    @Transactional
    @Operation(operationId = "saveMyMeetingSettings", summary = "Choose who may ask me to meet", description = "Requests already made stay as they are; from now on, someone the setting leaves out is told I am not available.")
    public MeetingRequest.Settings save(@PathParam("slug") String slug, @Valid @NotNull MeetingRequest.Settings settings) {
        var acting = selfService.acting(slug);
        meetings.saveWhoMayAsk(acting.event().id, acting.me(), settings.whoMayAsk());
        return settings;
    }
}
