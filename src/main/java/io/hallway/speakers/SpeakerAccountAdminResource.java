package io.hallway.speakers;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.schedule.Event;
import io.hallway.schedule.Speaker;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/** Whether a speaker record is linked to an account, and unlinking it, for the event's organizers. */
@Path("/api/admin/events/{slug}/speakers/{id}/account")
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: speakers")
public class SpeakerAccountAdminResource {

    @Inject
    SpeakerLinks links;

    @Inject
    AuditLog audit;

    @GET
    @Operation(operationId = "adminGetSpeakerAccount", summary = "Whether the speaker linked their account", description = "Editors and owners. linked and since when; never whose account it is (that is the speaker's to show in their profile).")
    public SpeakerAccountView account(@PathParam("slug") String slug, @PathParam("id") long id) {
        Speaker speaker = Speaker.inEvent(Event.bySlugOr404(slug), id);
        return links.linkedAt(speaker.id).map(linkedAt -> new SpeakerAccountView(true, linkedAt))
                .orElse(new SpeakerAccountView(false, null));
    }

    @DELETE
    @Transactional
    @Operation(operationId = "adminUnlinkSpeakerAccount", summary = "Unlink the speaker's account", description = "Editors and owners. 204, also when no account was linked; the speaker record stays. A new invitation can then link another account.")
    public void unlink(@PathParam("slug") String slug, @PathParam("id") long id) {
        Event event = Event.bySlugOr404(slug);
        Speaker speaker = Speaker.inEvent(event, id);
        if (links.unlink(event.id, speaker.id)) {
            audit.record(event.id, AuditAction.DELETE, AuditResource.SPEAKER_ACCOUNT, speaker.id, null, null);
        }
    }
}
