package io.hallway.agenda;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;
import io.hallway.schedule.SessionKind;

@Path("/api/events/{slug}/sessions/{id}/feedback")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Feedback")
public class FeedbackResource {

    /** My feedback on a session as stored. */
    public record FeedbackView(long sessionId, int rating, String comment, OffsetDateTime updatedAt) {
    }

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    Users users;

    @Inject
    EntityManager entityManager;

    @PUT
    @Transactional
    @Operation(operationId = "rateSession", summary = "Rate a session (1 to 5) once it has started; sending again replaces my earlier rating", description = "One rating per attendee and session. A 409 before the session starts (with opensAt), for a cancelled session, and for breaks and socials; a 404 for a session not yet released in manual-release mode. Organizers see ratings only summed up, never who gave them.")
    public FeedbackView rate(@PathParam("slug") String slug, @PathParam("id") long id,
            @Valid @NotNull FeedbackRequest request) {
        Event event = snapshots.publishedEvent(slug);
        // As the public sees it: in manual mode a draft-only session is unknown, and the draft's title is the team's.
        SessionView session = snapshots.session(slug, id).item();
        if (session.kind() == SessionKind.BREAK || session.kind() == SessionKind.SOCIAL) {
            throw Problem.of(ProblemType.NO_FEEDBACK_FOR_THIS_SESSION, "\"" + session.title() + "\" is a "
                    + session.kind().wireName() + "; feedback is for talks, workshops and the like.");
        }
        if (session.status() == SessionStatus.CANCELLED) {
            throw Problem.of(ProblemType.SESSION_CANCELLED,
                    "\"" + session.title() + "\" was cancelled, so there is nothing to rate.");
        }
        Instant now = Instant.now();
        if (now.isBefore(session.startsAt().toInstant())) {
            OffsetDateTime opensAt = session.startsAt().atZoneSameInstant(event.zone()).toOffsetDateTime();
            throw Problem.of(ProblemType.FEEDBACK_NOT_OPEN_YET,
                    "Feedback on \"" + session.title() + "\" opens when it starts, at " + opensAt + ".")
                    .with("opensAt", opensAt.toString());
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        // A session the draft deleted is still public until the next release, but its ratings went with its row.
        int stored = entityManager.createNativeQuery("""
                insert into session_feedback (session_id, user_id, event_id, rating, comment)
                select ?1, ?2, ?3, ?4, nullif(?5, '') where exists (select 1 from session where id = ?1)
                on conflict (session_id, user_id)
                do update set rating = excluded.rating, comment = excluded.comment, updated_at = now()""")
                .setParameter(1, id).setParameter(2, users.currentId()).setParameter(3, event.id)
                .setParameter(4, request.rating()).setParameter(5, comment == null ? "" : comment).executeUpdate();
        if (stored == 0) {
            throw Problem.notFound("No session " + id + " in this event.");
        }
        return new FeedbackView(id, request.rating(), comment, now.atZone(event.zone()).toOffsetDateTime());
    }
}
