package io.hallway.agenda;

import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.schedule.BlockView;
import io.hallway.schedule.Event;
import io.hallway.schedule.EventView;
import io.hallway.schedule.LightningBlock;
import io.hallway.schedule.Room;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.ScheduleCursor;
import io.hallway.schedule.Session;
import io.hallway.schedule.SessionView;
import io.hallway.schedule.Speaker;
import io.hallway.schedule.SpeakerView;
import io.hallway.schedule.Track;
import io.hallway.schedule.TrackView;

/** Server-side deltas of the public schedule, so apps on venue Wi-Fi fetch only what changed. */
@Path("/api/events/{slug}/schedule/changes")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Schedule")
public class ScheduleDeltaResource {

    @Inject
    ScheduleHistory history;

    @Inject
    EntityManager entityManager;

    @GET
    @Transactional
    @Operation(summary = "Everything that changed in the schedule since a cursor",
            description = "Changed rows in full and tombstones for deleted ones. Start from the cursor of the full "
                    + "schedule; a cursor older than the kept history is a 410 telling you to fetch the schedule again.")
    public ScheduleDelta changes(@PathParam("slug") String slug, @QueryParam("since") String cursor) {
        // One snapshot for every query below, so they all see the schedule exactly at the version read
        // first. Repeatable read instead of a share lock on the event row: polled by every app, that lock
        // would make concurrent readers contend on the row's lock list.
        entityManager.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
        Event event = Event.<Event> find("slug = ?1 and published = true", slug).firstResultOptional()
                .orElseThrow(() -> Problem.notFound("No event '" + slug + "'."));
        long since = history.since(event, cursor, "/api/events/" + slug + "/schedule");
        ZoneId zone = event.zone();
        List<RoomView> rooms = Room.<Room> list("event = ?1 and revision > ?2 order by position, name", event, since)
                .stream().map(RoomView::from).toList();
        List<TrackView> tracks = Track.<Track> list("event = ?1 and revision > ?2 order by name", event, since)
                .stream().map(TrackView::from).toList();
        List<SpeakerView> speakers = Speaker.<Speaker> list("event = ?1 and revision > ?2 order by name, id", event, since)
                .stream().map(SpeakerView::from).toList();
        List<SessionView> sessions = Session.<Session> find("""
                select distinct s from Session s left join fetch s.speakers
                where s.event = ?1 and s.revision > ?2 order by s.startsAt, s.id""", event, since)
                .list().stream().map(s -> SessionView.from(s, zone)).toList();
        List<BlockView> blocks = LightningBlock.<LightningBlock> find("""
                select distinct b from LightningBlock b left join fetch b.talks
                where b.event = ?1 and b.revision > ?2 order by b.startsAt, b.id""", event, since)
                .list().stream().map(b -> BlockView.from(b, zone)).toList();
        List<?> rows = entityManager.createNativeQuery("""
                select kind, entity_id from schedule_tombstone where event_id = ?1 and revision > ?2
                order by revision, kind, entity_id""").setParameter(1, event.id).setParameter(2, since).getResultList();
        List<ScheduleDelta.Tombstone> deleted = rows.stream().map(Object[].class::cast)
                .map(row -> new ScheduleDelta.Tombstone((String) row[0], ((Number) row[1]).longValue())).toList();
        return new ScheduleDelta(EventView.from(event), since, event.scheduleVersion,
                ScheduleCursor.encode(event.id, event.scheduleVersion), rooms, tracks, speakers, sessions, blocks, deleted);
    }
}
