package io.hallway.agenda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.schedule.ScheduleHttpCaching;
import io.hallway.schedule.ScheduleSnapshot;

/**
 * A person's agenda as a subscribable calendar, made from the schedule snapshot and the person's bookmark
 * ids. Calendar apps poll it without a login, so the unguessable token in the path is the only credential;
 * a revoked or unknown one is simply not found.
 */
@Path("/api/calendar-feeds")
@Produces(CalendarResource.TEXT_CALENDAR)
@PermitAll
@Tag(name = "Calendar")
public class CalendarFeedResource {

    @Inject
    CalendarLinks links;

    @Inject
    CalendarDocuments documents;

    @Inject
    Agendas agendas;

    @Inject
    AgendaMeetings meetings;

    @GET
    @Path("{token}.ics")
    @Operation(operationId = "getCalendarFeed", summary = "My agenda as an iCalendar feed, by the link from POST /api/events/{slug}/agenda/calendar-link", description = "No login: the unguessable token in the link is the credential. It holds my bookmarked sessions and my accepted meet-ups (a cancelled one leaves it), follows bookmark, schedule and meet-up changes, and so does its ETag: send it in If-None-Match and an unchanged feed is a 304 with no body. A revoked or unknown link is a 404.")
    @APIResponse(responseCode = "200", description = "My agenda as iCalendar",
            content = @Content(mediaType = CalendarResource.TEXT_CALENDAR))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response feed(@PathParam("token") String token, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CalendarLinks.Owner owner = links.owner(token).orElseThrow(CalendarFeedResource::noFeed);
        Agendas.Bookmarked mine = agendas.bookmarked(owner.eventId(), owner.userId())
                .orElseThrow(CalendarFeedResource::noFeed);
        List<MeetingsInAgenda.Accepted> accepted = meetings.of(owner.eventId(), owner.userId());
        String etag = etag(mine, accepted);
        if (ScheduleHttpCaching.matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, documents.cacheControl()).build();
        }
        ScheduleSnapshot schedule = mine.built().snapshot();
        byte[] calendar = documents.write(schedule, schedule.event().name() + " (my agenda)", mine.sessions(),
                mine.blocks(), accepted);
        return Response.ok(calendar, CalendarResource.TEXT_CALENDAR_TYPE).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, documents.cacheControl()).build();
    }

    private static Problem noFeed() {
        return Problem.notFound("No calendar feed at this link; it may have been revoked.");
    }

    /**
     * The feed is the schedule version, the bookmarks and the accepted meet-ups as shown (a meet-up accepted,
     * cancelled or found to no longer fit, or the other person's name changing, changes the feed), so its tag names
     * them all, hashed: it must not show which sessions the person bookmarked or whom they meet. Weak (RFC 9110 8.8.1), since each response carries the time it was written
     * (DTSTAMP) and is compressed on the way out: what it promises is the same calendar, not the same bytes.
     */
    private static String etag(Agendas.Bookmarked mine, List<MeetingsInAgenda.Accepted> meetings) {
        StringBuilder state = new StringBuilder().append(mine.built().eventId()).append(':')
                .append(mine.built().scheduleVersion()).append(":s");
        mine.marks().sessionIds().stream().sorted().forEach(id -> state.append(',').append(id));
        state.append(":b");
        mine.marks().blockIds().stream().sorted().forEach(id -> state.append(',').append(id));
        state.append(":m");
        meetings.forEach(m -> state.append(',').append(m.id()).append('|').append(m.startsAt()).append('|')
                .append(m.endsAt()).append('|').append(m.placeName()).append('|').append(m.withName()).append('|')
                .append(m.noLongerFits()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
