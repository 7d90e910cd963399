package io.hallway.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Roles;
import io.hallway.people.SelfService;

/** Which kinds of notification reach me in an event. There is no marketing kind: nothing but my own agenda is sent. */
@Path("/api/events/{slug}/notification-preferences")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Notifications")
public class NotificationPreferenceResource {

    /** Each kind on or off; all on until I choose. */
    public record Preferences(@NotNull Boolean sessionChanges, @NotNull Boolean delays, @NotNull Boolean announcements,
            @NotNull Boolean meetings) {

        static Preferences from(NotificationPreference stored) {
            return new Preferences(stored.sessionChanges, stored.delays, stored.announcements, stored.meetings);
        }
    }

    @Inject
    SelfService selfService;

    @Inject
    EntityManager entityManager;

    @GET
    @Operation(operationId = "getMyNotificationPreferences", summary = "The kinds of notification I get for the event", description = "sessionChanges: one of my sessions moved, changed room, was cancelled or reinstated or taken off the schedule; delays: one runs late; announcements: an announcement for me; meetings: meeting requests and answers. Every kind is on until I choose.")
    public Preferences mine(@PathParam("slug") String slug) {
        var mine = selfService.mine(slug);
        NotificationPreference everything = new NotificationPreference();
        return Preferences.from(mine.me().isEmpty() ? everything
                : NotificationPreference.of(mine.event().id, mine.me().getAsLong()));
    }

    @PUT
    @Transactional
    @Operation(operationId = "saveMyNotificationPreferences", summary = "Choose the kinds of notification I get for the event", description = "Every kind is required. Changes already collected for me still go out; from now on a kind turned off is not collected.")
    public Preferences save(@PathParam("slug") String slug, @Valid @NotNull Preferences request) {
        var acting = selfService.acting(slug);
        // Two devices saving at once meet on the primary key: the later one wins, neither fails.
        entityManager.createNativeQuery("""
                insert into notification_preference (event_id, user_id, session_changes, delays, announcements, meetings)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (event_id, user_id) do update set session_changes = excluded.session_changes,
                    delays = excluded.delays, announcements = excluded.announcements, meetings = excluded.meetings,
                    updated_at = now()""")
                .setParameter(1, acting.event().id).setParameter(2, acting.me()).setParameter(3, request.sessionChanges())
                .setParameter(4, request.delays()).setParameter(5, request.announcements())
                .setParameter(6, request.meetings()).executeUpdate();
        return request;
    }
}
