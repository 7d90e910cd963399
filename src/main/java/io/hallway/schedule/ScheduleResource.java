package io.hallway.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.WireEnum;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The public schedule the mobile app reads, no login needed. */
@Path("/api/events")
@PermitAll
@Tag(name = "Schedule")
public class ScheduleResource {

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ScheduleHttpCaching caching;

    @Inject
    SessionInterest interest;

    @Inject
    SessionTimes times;

    @GET
    @Operation(operationId = "listEvents", summary = "Published events, newest first", description = "No login needed. Drafts are never listed; a client keeps an event's slug to read the rest.")
    public Page<EventView> events(@Valid @BeanParam PageRequest page) {
        return Page.of(Event.<Event> find("published = true order by startDate desc, id desc"), page, EventView::published);
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "getEvent", summary = "One published event", description = "Its name, dates, time zone and venue. A draft or unknown slug is a 404, here and on every /api/events/{slug} path.")
    public EventView event(@PathParam("slug") String slug) {
        return snapshot(slug).event();
    }

    /**
     * The hottest endpoint: every app polls it. When this replica knows the current version and holds
     * its snapshot, the answer comes from memory on the I/O thread; otherwise the database work runs on a
     * worker thread. This is why it returns a Uni where the rest of the API is plain blocking code.
     */
    @GET
    @Path("{slug}/schedule")
    @Operation(operationId = "getSchedule", summary = "The whole published schedule, for offline use", description = "Send If-None-Match with the last ETag: an unchanged schedule is a 304 with no body. Its cursor starts getScheduleChanges. Bookmark counts are left out, so that the ETag changes only with the schedule: they are in getFillLevels.")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleSnapshot.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Uni<Response> schedule(@PathParam("slug") String slug,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return caching.respondFromMemory(slug, ifNoneMatch, acceptEncoding)
                .map(response -> Uni.createFrom().item(response))
                .orElseGet(() -> Uni.createFrom().item(() -> caching.respond(slug, ifNoneMatch, acceptEncoding))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    @GET
    @Path("{slug}/sessions")
    @Operation(operationId = "listSessions", summary = "Sessions, filtered and paged", description = "Every filter given must match. kind is talk, lightning-talk, keynote, panel, workshop, break or social. Each session carries its live bookmark count and fill level, and the times it is now expected at with its delay, which the offline schedule leaves out.")
    public Page<SessionView> sessions(@PathParam("slug") String slug,
            @Parameter(description = "A day of the event, in its time zone", schema = @Schema(implementation = LocalDate.class)) @QueryParam("day") String dayParameter,
            @QueryParam("room") Long roomId, @QueryParam("track") Long trackId, @QueryParam("kind") String kind,
            @Parameter(description = "Words to find in the title, abstract or speaker names") @QueryParam("q") String text,
            @Valid @BeanParam PageRequest page) {
        LocalDate day = dayParameter == null ? null : parseDay(dayParameter);
        ScheduleSnapshots.Built built = snapshots.current(slug);
        ScheduleSnapshot snapshot = built.snapshot();
        ZoneId zone = ZoneId.of(snapshot.event().timeZone());
        Optional<SessionKind> wantedKind = Optional.ofNullable(kind)
                .map(value -> WireEnum.parseField(SessionKind.class, "kind", value));
        String needle = text == null || text.isBlank() ? null : text.toLowerCase(Locale.ROOT).strip();
        List<SessionView> matching = snapshot.sessions().stream()
                .filter(s -> day == null || s.startsAt().atZoneSameInstant(zone).toLocalDate().equals(day))
                .filter(s -> roomId == null || roomId.equals(s.roomId()))
                .filter(s -> trackId == null || trackId.equals(s.trackId()))
                .filter(s -> wantedKind.isEmpty() || s.kind() == wantedKind.get())
                .filter(s -> needle == null || mentions(s, needle))
                .toList();
        return Page.of(matching, page).map(live(built));
    }

    @GET
    @Path("{slug}/sessions/{id}")
    @Operation(operationId = "getSession", summary = "One session, with its live bookmark count, fill level and expected times", description = "Cancelled sessions are still found, with status cancelled; a session of another event is a 404.")
    public SessionView session(@PathParam("slug") String slug, @PathParam("id") long id) {
        ScheduleSnapshots.Built built = snapshots.current(slug);
        return built.snapshot().sessions().stream().filter(s -> s.id() == id).findFirst().map(live(built))
                .orElseThrow(() -> Problem.notFound("No session " + id + " in this event."));
    }

    @GET
    @Path("{slug}/speakers")
    @Operation(operationId = "listSpeakers", summary = "The event's speakers", description = "The same speakers as in the schedule snapshot, paged.")
    public Page<SpeakerView> speakers(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        return Page.of(snapshot(slug).speakers(), page);
    }

    @GET
    @Path("{slug}/speakers/{id}")
    @Operation(operationId = "getSpeaker", summary = "A speaker with their sessions", description = "The sessions carry live bookmark counts and fill levels. A speaker of another event is a 404.")
    public SpeakerWithSessions speaker(@PathParam("slug") String slug, @PathParam("id") long id) {
        ScheduleSnapshots.Built built = snapshots.current(slug);
        ScheduleSnapshot snapshot = built.snapshot();
        SpeakerView speaker = snapshot.speakers().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> Problem.notFound("No speaker " + id + " in this event."));
        List<SessionView> sessions = snapshot.sessions().stream()
                .filter(s -> s.speakers().stream().anyMatch(ref -> ref.id() == id)).map(live(built)).toList();
        return new SpeakerWithSessions(speaker, sessions);
    }

    @GET
    @Path("{slug}/rooms")
    @Operation(operationId = "listRooms", summary = "The event's rooms", description = "In the organizers' order, with capacity and live status (open, full or closed).")
    public Page<RoomView> rooms(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page) {
        return Page.of(snapshot(slug).rooms(), page);
    }

    @GET
    @Path("{slug}/now")
    @Operation(operationId = "getNowAndNext", summary = "For each room, the session running at a moment and the one after it", description = "One entry per room: the scheduled session running at \"at\" and the next one to start after it, each null when there is none, by the times they are now expected at (the planned ones unless the room's host reported a delay; each session carries both). Cancelled sessions are skipped.")
    public List<RoomNow> now(@PathParam("slug") String slug,
            @Parameter(description = "ISO-8601 instant with offset; defaults to now") @QueryParam("at") String at) {
        Instant moment = at == null ? Instant.now() : parseInstant(at);
        ScheduleSnapshots.Built built = snapshots.current(slug);
        ScheduleSnapshot snapshot = built.snapshot();
        UnaryOperator<SessionView> live = live(built);
        return snapshot.rooms().stream().map(room -> {
            List<SessionView> inRoom = snapshot.sessions().stream()
                    .filter(s -> Objects.equals(room.id(), s.roomId()))
                    .filter(s -> s.status() == SessionStatus.SCHEDULED)
                    .map(live)
                    .sorted(Comparator.comparing(SessionView::expectedOrPlannedStart)).toList();
            SessionView current = inRoom.stream()
                    .filter(s -> !s.expectedOrPlannedStart().toInstant().isAfter(moment)
                            && s.expectedOrPlannedEnd().toInstant().isAfter(moment))
                    .findFirst().orElse(null);
            SessionView next = inRoom.stream().filter(s -> s.expectedOrPlannedStart().toInstant().isAfter(moment))
                    .findFirst().orElse(null);
            return new RoomNow(room, current, next);
        }).toList();
    }

    public record SpeakerWithSessions(SpeakerView speaker, List<SessionView> sessions) {
    }

    public record RoomNow(RoomView room, SessionView current, SessionView next) {
    }

    private ScheduleSnapshot snapshot(String slug) {
        return snapshots.current(slug).snapshot();
    }

    /**
     * Adds the live bookmark counts and fill levels, as the agenda feature counts them, and the expected times, as
     * the live feature derives them from the hosts' reports.
     */
    private UnaryOperator<SessionView> live(ScheduleSnapshots.Built built) {
        Map<Long, SessionInterest.Interest> counted = interest.of(built.eventId());
        Map<Long, SessionTimes.Expected> expected = times.expected(built);
        return session -> {
            SessionInterest.Interest figures = counted.get(session.id());
            SessionView counts = figures == null ? session : session.withInterest(figures);
            SessionTimes.Expected timing = expected.get(session.id());
            return timing == null ? counts : counts.withExpected(timing);
        };
    }

    private static boolean mentions(SessionView session, String needle) {
        return contains(session.title(), needle) || contains(session.abstractText(), needle)
                || session.speakers().stream().anyMatch(s -> contains(s.name(), needle));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Read here, not by JAX-RS, which answers a date it cannot read with a bare 404. */
    private static LocalDate parseDay(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("day", "must be a date like 2024-11-10");
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid("at", "must be an ISO-8601 date-time with offset, such as 2024-11-10T10:00:00-07:00");
        }
    }
}
