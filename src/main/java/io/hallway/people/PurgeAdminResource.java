package io.hallway.people;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.schedule.Event;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/people/purge")
@Authenticated
@RequiresEventRole(EventRole.OWNER)
@Tag(name = "Admin: people")
public class PurgeAdminResource {

    @Inject
    RetentionPeriods retention;

    @Inject
    PersonalDataPurge purge;

    @POST
    @Transactional
    @Operation(operationId = "adminPurgePeople", summary = "Purge the event's personal data once its retention period is over", description = "Profiles, codes, offline exchange secrets, connections, bookmarks, calendar links, change feeds, session feedback, notifications, push subscriptions and notification choices, hallway-track settings, terms, pools and dismissals, meet-ups and their settings, speaker links, blocks and code-of-conduct reports; team and speaker invitations stay without who made or redeemed them. The team and the audit log stay, as the organizers' record. Allowed from the end of the event plus the retention days (409 before, with purgeableFrom). Answers the rows deleted (anonymised, for invitations) by kind: agendaChanges, blocks, bookmarks, calendarLinks, conductReports, connections, exchangeTokens, feedback, invitationsAnonymised, meetingRateLimits, meetingSettings, meetings, notificationPreferences, notifications, offlineExchangeSecrets, profiles, pushSubscriptions, speakerInvitationsAnonymised, speakerLinks, suggestionCandidates, suggestionDismissals, suggestionSettings, suggestionTerms.")
    public Map<String, Long> purge(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        Instant from = retention.purgeableFrom(event.id);
        if (Instant.now().isBefore(from)) {
            throw Problem.of(ProblemType.RETENTION_PERIOD_NOT_OVER,
                    "Personal data of this event may be purged from " + from + ".").with("purgeableFrom", from);
        }
        return purge.purge(event.id);
    }
}
