package io.hallway.schedule;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.hallway.common.Caller;
import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;
import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.ProblemType;
import io.hallway.common.Roles;
import io.hallway.common.WireEnum;
import io.hallway.common.Users;
import io.hallway.common.Versions;
import io.hallway.team.EventRole;
import io.hallway.team.Members;
import io.hallway.team.RequiresEventRole;
import io.hallway.team.TeamConfig;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/admin/events")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Admin: events")
public class EventAdminResource {

    /**
     * Exports and calendars walk an event day by day, and its times must stay within what Java and PostgreSQL
     * store: a century-long event once exhausted a replica's heap, and the last day of year 999999999 was a 500.
     */
    static final int LONGEST_EVENT_DAYS = 31;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    @Inject
    ScheduleChanges changes;

    @Inject
    SecurityIdentity identity;

    @Inject
    TeamConfig team;

    @Inject
    Members members;

    @Inject
    Users users;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    ScheduleReleases releases;

    @GET
    @Operation(operationId = "adminListEvents", summary = "The events I am on the team of, drafts included, newest first", description = "Every event for the operator's admin realm role. The public listEvents shows published events only.")
    public Page<EventView> events(@Valid @BeanParam PageRequest page) {
        if (identity.hasRole(team.adminRole())) {
            return Page.of(Event.find("order by startDate desc, id desc"), page, EventView::from);
        }
        List<Long> mine = users.existingId().stream().boxed().flatMap(id -> members.eventsOf(id).stream()).toList();
        if (mine.isEmpty()) {
            return Page.of(List.of(), page);
        }
        return Page.of(Event.find("id in ?1 order by startDate desc, id desc", mine), page, EventView::from);
    }

    @GET
    @Path("{slug}")
    @RequiresEventRole(EventRole.HOST)
    @Operation(operationId = "adminGetEvent", summary = "One event, draft or published", description = "The ETag is the event's version: send it back as If-Match (or as version in the body) to update it.")
    public Response event(@PathParam("slug") String slug) {
        Event event = Event.bySlugOr404(slug);
        return Versions.tagged(EventView.from(event), event.version);
    }

    @POST
    @Transactional
    @RolesAllowed({ Roles.ORGANIZER, Roles.ADMIN })
    @Operation(operationId = "adminCreateEvent", summary = "Create an event; I become its owner", description = "201 with its Location. It is a draft, invisible to the public API, until published is true. It lasts from startDate to endDate in its timeZone, at most 31 days, in the years 2000 to 2100 (400 naming the date otherwise). A slug already taken is a 409. Needs the organizer (or admin) realm role. With releaseMode manual its public schedule stays empty until the team's first release.")
    public RestResponse<EventView> create(@Valid @NotNull EventRequest request) {
        if (Event.findBySlug(request.slug()).isPresent()) {
            throw Problem.of(ProblemType.SLUG_TAKEN, "An event with slug '" + request.slug() + "' already exists.");
        }
        Event event = new Event();
        event.slug = request.slug();
        event.createdAt = Instant.now();
        event.updatedAt = event.createdAt;
        event.scheduleVersion = 1;
        apply(event, request);
        boolean manual = request.releaseMode() == ReleaseMode.MANUAL;
        if (manual) {
            switchMode(event, ReleaseMode.MANUAL);
        }
        event.persist();
        Event.flush();
        audit.record(event.id, AuditAction.CREATE, AuditResource.EVENT, event.id, null, event.version);
        if (manual) {
            // Released as it is, empty: the public sees an empty schedule until the first release of the team's.
            releases.enterManualMode(event);
        }
        members.join(event.id, users.currentId(), EventRole.OWNER, null, caller.displayName());
        return RestResponse.ResponseBuilder.<EventView> created(URI.create("/api/admin/events/" + event.slug))
                .entity(EventView.from(event)).build();
    }

    @PUT
    @Path("{slug}")
    @Transactional
    @RequiresEventRole(EventRole.EDITOR)
    @Operation(operationId = "adminUpdateEvent", summary = "Change an event; published: true makes it public", description = "Send the version you read, as If-Match (the ETag of the GET) or as version in the body: none is a 428, a stale one a 409 with currentVersion, and nothing changes. A new slug that is taken is a 409; new dates that would leave sessions or blocks outside the event are a 400. releaseMode manual releases the schedule as it is (a release named initial) and sends later changes to the draft; back to immediate is a 409 (unreleased-draft) while the draft holds unreleased changes.")
    public Response update(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EventRequest request) {
        long expected = Versions.expected(ifMatch, request.version());
        ScheduleChanges.Change change = changes.begin(slug);
        Event event = change.event();
        Versions.check(expected, event.version, "The event");
        long versionBefore = event.version;
        if (!request.slug().equals(slug) && Event.findBySlug(request.slug()).isPresent()) {
            throw Problem.of(ProblemType.SLUG_TAKEN, "An event with slug '" + request.slug() + "' already exists.");
        }
        ReleaseMode mode = request.releaseMode() == null ? event.releaseMode : request.releaseMode();
        boolean switching = mode != event.releaseMode;
        if (switching && mode == ReleaseMode.IMMEDIATE) {
            releases.leaveManualMode(event);
        }
        event.slug = request.slug();
        apply(event, request);
        if (switching) {
            switchMode(event, mode);
        }
        long outside = Session.count("event = ?1 and (startsAt < ?2 or endsAt > ?3)", event, event.opensAt(),
                event.closesAt())
                + LightningBlock.count("event = ?1 and (startsAt < ?2 or endsAt > ?3)", event, event.opensAt(),
                        event.closesAt());
        if (outside > 0) {
            throw Problem.invalid("startDate", outside + " sessions or blocks would fall outside the new dates; move them first");
        }
        Event.flush();
        audit.record(event.id, AuditAction.UPDATE, AuditResource.EVENT, event.id, versionBefore, event.version);
        if (switching && mode == ReleaseMode.MANUAL) {
            releases.enterManualMode(event);
        }
        return Versions.tagged(EventView.from(event), event.version);
    }

    @DELETE
    @Path("{slug}")
    @Transactional
    @RequiresEventRole(EventRole.OWNER)
    @Operation(operationId = "adminDeleteEvent", summary = "Delete an event and everything in it", description = "Its schedule, bookmarks, feedback, venue map, profiles and connections go with it; there is no undo.")
    public void delete(@PathParam("slug") String slug) {
        Event event = changes.begin(slug).event();
        audit.eventDeleted(event.id, event.slug, event.version);
        event.delete();
    }

    private static void apply(Event event, EventRequest request) {
        checkYear("startDate", request.startDate());
        checkYear("endDate", request.endDate());
        if (request.endDate().isBefore(request.startDate())) {
            throw Problem.invalid("endDate", "must not be before startDate");
        }
        if (request.endDate().isAfter(request.startDate().plusDays(LONGEST_EVENT_DAYS - 1))) {
            throw Problem.invalid("endDate", "must be within " + LONGEST_EVENT_DAYS + " days of startDate");
        }
        event.updatedAt = Instant.now();
        event.name = request.name();
        event.timeZone = validZone(request.timeZone());
        event.startDate = request.startDate();
        event.endDate = request.endDate();
        event.venueName = request.venueName();
        event.venueAddress = request.venueAddress();
        event.description = request.description();
        event.published = Boolean.TRUE.equals(request.published());
        var limits = new TreeMap<String, Integer>(Event.DEFAULT_DURATION_LIMITS);
        if (request.durationLimits() != null) {
            request.durationLimits().forEach((kind, minutes) -> limits.put(
                    WireEnum.parseField(SessionKind.class, "durationLimits", kind).wireName(), minutes));
        }
        event.durationLimits = limits;
    }

    /**
     * Sets the release mode and, with it, the public version: in manual mode the current one, which entering
     * manual mode releases as it is; in immediate mode the tables' own.
     */
    private static void switchMode(Event event, ReleaseMode mode) {
        event.releaseMode = mode;
        event.releasedVersion = mode == ReleaseMode.MANUAL ? event.scheduleVersion : null;
    }

    private static void checkYear(String field, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw Problem.invalid(field, "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }

    private static String validZone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw Problem.invalid("timeZone", "must be an IANA time zone such as America/Denver");
        }
        return zone;
    }
}
