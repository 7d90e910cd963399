package io.hallway.schedule;

import java.util.ArrayList;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.audit.AuditResource;
import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Versions;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/speakers")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: speakers")
public class SpeakerAdminResource {

    @Inject
    ScheduleChanges changes;

    @Inject
    ScheduleEntityEdits edits;

    @GET
    @Operation(operationId = "adminListSpeakers", summary = "The event's speakers", description = "By name, for draft events too.")
    public Page<SpeakerView> speakers(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        return Page.of(Speaker.find("event = ?1 order by name, id", Event.bySlugOr404(slug)), page, SpeakerView::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetSpeaker", summary = "One speaker", description = "The ETag is the speaker's version: send it back as If-Match (or as version in the body) to update it.")
    public Response speaker(@PathParam("slug") String slug, @PathParam("id") long id) {
        Speaker speaker = Speaker.inEvent(Event.bySlugOr404(slug), id);
        return Versions.tagged(SpeakerView.from(speaker), speaker.version);
    }

    @POST
    @Transactional
    @Operation(operationId = "adminCreateSpeaker", summary = "Add a speaker", description = "201 with its Location. Sessions name their speakers in speakerIds.")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull SpeakerRequest request) {
        ScheduleChanges.Change change = changes.begin(slug);
        Speaker speaker = edits.create(change, new Speaker(), AuditResource.SPEAKER, created -> apply(change, created, request));
        return ScheduleEntityEdits.created(slug, "speakers", speaker, SpeakerView.from(speaker));
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminUpdateSpeaker", summary = "Change a speaker", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes. Their sessions show the new name at once and come with it in the schedule changes.")
    public Response update(@PathParam("slug") String slug, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SpeakerRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        ScheduleChanges.Change change = changes.begin(slug);
        Speaker speaker = edits.update(change, Speaker.inEvent(change.event(), id), expected, "The speaker",
                AuditResource.SPEAKER, edited -> {
                    apply(change, edited, request);
                    // Sessions show their speakers' names, so they change with them.
                    Session.update("revision = ?1 where id in (select s.id from Session s join s.speakers sp where sp = ?2)",
                            change.revision(), edited);
                });
        return Versions.tagged(SpeakerView.from(speaker), speaker.version);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "adminDeleteSpeaker", summary = "Delete a speaker who has no sessions", description = "While the speaker is in sessions, the answer is a 409 and nothing changes: take them off those sessions first.")
    public void delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        ScheduleChanges.Change change = changes.begin(slug);
        Speaker speaker = Speaker.inEvent(change.event(), id);
        long sessions = Session.count("select count(s) from Session s join s.speakers sp where sp = ?1", speaker);
        if (sessions > 0) {
            throw Problem.of(ProblemType.SPEAKER_IN_USE, speaker.name + " still speaks in " + sessions
                    + " sessions; take them off those sessions first.");
        }
        edits.delete(change, speaker, ScheduleChanges.Kind.SPEAKER, AuditResource.SPEAKER);
    }

    private static void apply(ScheduleChanges.Change change, Speaker speaker, SpeakerRequest request) {
        speaker.name = request.name();
        speaker.company = request.company();
        speaker.title = request.title();
        speaker.bio = request.bio();
        speaker.photoUrl = request.photoUrl();
        speaker.links = new ArrayList<>(request.links() == null ? java.util.List.of()
                : request.links().stream().map(l -> new Speaker.Link(l.title(), l.url())).toList());
        speaker.revision = change.revision();
    }
}
