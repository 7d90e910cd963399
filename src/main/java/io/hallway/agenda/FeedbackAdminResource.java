package io.hallway.agenda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.schedule.Event;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/feedback")
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Feedback")
public class FeedbackAdminResource {

    /** Feedback on one session, without who gave it. {@code distribution} maps each rating 1..5 to its count. */
    public record SessionFeedback(long sessionId, String title, long count, double average,
            Map<Integer, Long> distribution, List<String> comments) {
    }

    /** One session's feedback as counted: the five counts are per rating, the comments a JSON array of text. */
    private record Counted(long sessionId, String title, long count, BigDecimal average, long ones, long twos,
            long threes, long fours, long fives, String comments) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(operationId = "adminListFeedback", summary = "Feedback per session: count, average, distribution and comments, anonymous", description = "Only sessions with feedback, in time order; comments newest first, never with who wrote them.")
    public List<SessionFeedback> feedback(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        List<Counted> rows = entityManager.createNativeQuery("""
                select s.id, s.title, count(*), avg(f.rating),
                       count(*) filter (where f.rating = 1), count(*) filter (where f.rating = 2),
                       count(*) filter (where f.rating = 3), count(*) filter (where f.rating = 4),
                       count(*) filter (where f.rating = 5),
                       coalesce(array_to_json(array_agg(f.comment order by f.updated_at desc)
                                filter (where f.comment is not null)), '[]')::text
                from session_feedback f join session s on s.id = f.session_id
                where f.event_id = ?1 group by s.id, s.title, s.starts_at order by s.starts_at, s.id""", Counted.class)
                .setParameter(1, event.id).getResultList();
        List<SessionFeedback> result = new ArrayList<>();
        for (Counted row : rows) {
            Map<Integer, Long> distribution = new LinkedHashMap<>();
            distribution.put(1, row.ones());
            distribution.put(2, row.twos());
            distribution.put(3, row.threes());
            distribution.put(4, row.fours());
            distribution.put(5, row.fives());
            double average = Math.round(row.average().doubleValue() * 100) / 100.0;
            result.add(new SessionFeedback(row.sessionId(), row.title(), row.count(), average, distribution,
                    comments(row.comments())));
        }
        return result;
    }

    private List<String> comments(String array) {
        try {
            return List.of(json.readValue(array, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Feedback comments could not be read", e);
        }
    }
}
