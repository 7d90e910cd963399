package io.hallway.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.common.Users;
import io.hallway.live.ExpectedTimes;
import io.hallway.live.LiveTimes;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.schedule.RoomView;
import io.hallway.schedule.SessionStatus;
import io.hallway.schedule.SessionView;
import io.hallway.venue.RouteView;
import io.hallway.venue.Venues;

@Path("/api/events/{slug}/agenda/next-route")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Agenda")
public class NextRouteResource {

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    Venues venues;

    @Inject
    Users users;

    @Inject
    BookmarkStore bookmarks;

    @Inject
    LiveTimes liveTimes;

    @Inject
    AgendaMeetings meetings;

    /**
     * How far before "at" a session may be planned and still be next: a delay moved its expected start after "at".
     * A room runs later than this only after a whole day of delays.
     */
    private static final Duration LONGEST_DELAY = Duration.ofDays(1);

    @GET
    @Operation(operationId = "getNextRoute", summary = "The route to my next bookmarked session or meet-up, and when to leave", description = "Takes the bookmarked, not cancelled session expected to start first after \"at\" (default now), or the session given. When an accepted meet-up of mine starts after \"at\" and before that session, the route leads to the meet-up's place instead (meeting set, session null; a meet-up keeps its time: delayMinutes 0); a meet-up without a place is a 409 no-meeting-place. startsAt is its expected start (the planned one unless its room's host reported a delay; plannedStartsAt and delayMinutes say how it differs); leaveBy is that start minus the walking time; slackSeconds what is left on arrival when leaving at \"at\". A 404 when no bookmarked session is left, the session given is not yet released in manual-release mode, or the event has no venue map; a 409 when the session is cancelled, has no room or its room is not on the map; a 422 when there is no way there (see getRoute).")
    public NextRouteView nextRoute(@PathParam("slug") String slug,
            @Parameter(description = "Where I am: a room, point of interest or node id") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant with offset; default now") @QueryParam("at") String at,
            @QueryParam("profile") String profile,
            @QueryParam("avoid") List<String> avoid,
            @Parameter(description = "Route to this session instead of the next bookmarked one") @QueryParam("session") Long sessionId) {
        Event event = snapshots.publishedEvent(slug);
        Instant now = at == null ? Instant.now() : parse(at);
        // The session as the public sees it (in manual mode the last release): its room, times and title.
        ScheduleSnapshots.Built built = snapshots.current(slug);
        Optional<SessionView> named = Optional.empty();
        if (sessionId != null) {
            var found = snapshots.session(slug, sessionId);
            built = found.built();
            named = Optional.of(notCancelled(found.item()));
        }
        ExpectedTimes expected = liveTimes.of(built);
        Optional<SessionView> next = sessionId != null ? named : nextBookmarked(event, built, now, expected);
        Optional<MeetingsInAgenda.Accepted> meeting = sessionId != null ? Optional.empty()
                : nextMeeting(event, now).filter(m -> next.isEmpty() || m.startsAt().isBefore(expectedStart(next.get(), expected)));
        if (meeting.isPresent()) {
            return toMeeting(event, meeting.get(), from, profile, avoid, now);
        }
        SessionView session = next.orElseThrow(() -> Problem.notFound("You have no bookmarked session or meet-up starting after "
                + OffsetDateTime.ofInstant(now, event.zone()) + "."));
        String room = built.room(session.roomId()).map(RoomView::name).orElseThrow(() -> Problem.of(ProblemType.NO_ROOM,
                "'" + session.title() + "' has no room yet, so there is no way to it."));
        RouteView route = venues.routeToRoom(event, from, room, profile, avoid, now);
        Duration walk = Duration.ofSeconds(route.duration());
        Instant startsAt = expectedStart(session, expected);
        Instant planned = session.startsAt().toInstant();
        long slack = Duration.between(now, startsAt).minus(walk).toSeconds();
        var zone = event.zone();
        return new NextRouteView(new NextRouteView.NextSession(session.id(), session.title(), room), null,
                OffsetDateTime.ofInstant(now, zone), OffsetDateTime.ofInstant(startsAt, zone),
                OffsetDateTime.ofInstant(planned, zone), Duration.between(planned, startsAt).toMinutes(),
                OffsetDateTime.ofInstant(startsAt.minus(walk), zone), slack, slack >= 0, route);
    }

    private static Instant expectedStart(SessionView session, ExpectedTimes expected) {
        return expected.session(session.id()).map(ExpectedTimes.Timing::expectedStart).orElse(session.startsAt().toInstant());
    }

    /**
     * The bookmarked, not cancelled session (on its own or through its lightning block) expected to start first after
     * the instant, in the public schedule.
     */
    private Optional<SessionView> nextBookmarked(Event event, ScheduleSnapshots.Built built, Instant after,
            ExpectedTimes expected) {
        var user = users.existingId();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Agendas.Marks marks = bookmarks.marks(event.id, user.getAsLong());
        Instant plannedAfter = after.minus(LONGEST_DELAY);
        return built.snapshot().sessions().stream()
                .filter(s -> marks.sessionIds().contains(s.id()) || s.blockId() != null && marks.blockIds().contains(s.blockId()))
                .filter(s -> s.status() == SessionStatus.SCHEDULED && s.startsAt().toInstant().isAfter(plannedAfter))
                .filter(s -> expectedStart(s, expected).isAfter(after))
                .min(Comparator.comparing((SessionView s) -> expectedStart(s, expected))
                        .thenComparing(s -> s.startsAt().toInstant()).thenComparingLong(SessionView::id));
    }

    /** My accepted meet-up starting first after the instant. */
    private Optional<MeetingsInAgenda.Accepted> nextMeeting(Event event, Instant after) {
        var user = users.existingId();
        return user.isEmpty() ? Optional.empty()
                : meetings.of(event.id, user.getAsLong()).stream().filter(m -> m.startsAt().isAfter(after)).findFirst();
    }

    /** The way to a meet-up's place; leave by its start minus the walk, as for a session. */
    private NextRouteView toMeeting(Event event, MeetingsInAgenda.Accepted meeting, String from, String profile,
            List<String> avoid, Instant now) {
        if (meeting.placeId() == null) {
            throw Problem.of(ProblemType.NO_MEETING_PLACE, "Your next meet-up has no place on the venue map, so there is no way to it.");
        }
        RouteView route = venues.routeToPlace(event, from, meeting.placeId(), meeting.placeName(), profile, avoid, now);
        Duration walk = Duration.ofSeconds(route.duration());
        long slack = Duration.between(now, meeting.startsAt()).minus(walk).toSeconds();
        var zone = event.zone();
        OffsetDateTime startsAt = OffsetDateTime.ofInstant(meeting.startsAt(), zone);
        return new NextRouteView(null, new NextRouteView.NextMeeting(meeting.id(), "meeting-" + meeting.id(),
                meeting.withName(), meeting.placeId(), meeting.placeName()), OffsetDateTime.ofInstant(now, zone), startsAt,
                startsAt, 0, OffsetDateTime.ofInstant(meeting.startsAt().minus(walk), zone), slack, slack >= 0, route);
    }

    private static SessionView notCancelled(SessionView session) {
        if (session.status() == SessionStatus.CANCELLED) {
            throw Problem.of(ProblemType.SESSION_CANCELLED, "'" + session.title() + "' is cancelled.");
        }
        return session;
    }

    private static Instant parse(String at) {
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid("at", "must be an ISO-8601 date-time with offset, such as 2024-11-10T09:00:00-07:00");
        }
    }
}
