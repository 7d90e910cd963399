package io.hallway.speakers;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.Speaker;
import io.quarkus.security.Authenticated;

/**
 * The speaker records my account is linked to in an event, and unlinking one. Works on an unpublished event too:
 * what is mine stays mine to see and undo.
 */
@Path("/api/events/{slug}/me/speaker-records")
@Authenticated
@Tag(name = "Speakers")
public class MySpeakerRecordsResource {

    @Inject
    Users users;

    @Inject
    SpeakerLinks links;

    @GET
    @Operation(operationId = "getMySpeakerRecords", summary = "The speaker records I am linked to in the event", description = "Each with its name in the schedule and the sessions it speaks at; empty when I linked none.")
    public List<LinkedSpeakerView> mine(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        var me = users.existingId();
        if (me.isEmpty()) {
            return List.of();
        }
        return links.of(event.id, me.getAsLong()).stream().map(link -> LinkedSpeakers.view(event,
                Speaker.inEvent(event, link.speakerId()), link.linkedAt())).toList();
    }

    @DELETE
    @Path("{speakerId}")
    @Transactional
    @Operation(operationId = "unlinkMySpeakerRecord", summary = "Unlink my account from a speaker record", description = "204; the speaker record stays in the schedule and I am no longer suggested as its speaker. A record not linked to me is a 404.")
    public void unlink(@PathParam("slug") String slug, @PathParam("speakerId") long speakerId) {
        Event event = Event.bySlugOr404(slug);
        var me = users.existingId();
        if (me.isEmpty() || !links.unlink(event.id, speakerId, me.getAsLong())) {
            throw Problem.notFound("You are not linked to speaker " + speakerId + " in this event.");
        }
    }
}
