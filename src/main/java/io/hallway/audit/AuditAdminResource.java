package io.hallway.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.Page;
import io.hallway.common.PageRequest;
import io.hallway.common.Problem;
import io.hallway.common.WireEnum;
import io.hallway.schedule.Event;
import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

@Path("/api/admin/events/{slug}/audit")
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: audit log")
public class AuditAdminResource {

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(operationId = "adminListAuditEntries", summary = "Who changed what in the event, and when: its audit log, newest first", description = "Every organizer write (create, update, cancel, delete, import, purge, room status, team membership) with the actor, the resource and its id, and the resource's version before and after; an import is one entry with its counts in details. Times are in the event's time zone. Filter by actor (a user id), resource, action, and a time range (from inclusive, to exclusive, ISO-8601 with offset); an unknown value, or a to not after from, is a 400 naming the parameter. The event's deletion is not in its own log, which goes with the event.")
    public Page<AuditEntryView> entries(@PathParam("slug") String slug, @Valid @BeanParam PageRequest page,
            @Parameter(description = "Only the changes of this person (the actor's userId)", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("actor") String actor,
            @Parameter(description = "Only changes to this kind of resource, such as session", schema = @Schema(implementation = AuditResource.class)) @QueryParam("resource") String resource,
            @Parameter(description = "Only this kind of change, such as delete", schema = @Schema(implementation = AuditAction.class)) @QueryParam("action") String action,
            @Parameter(description = "Only changes at or after this time, such as 2024-11-10T09:00:00-07:00", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Only changes before this time", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to) {
        Event event = Event.bySlugOr404(slug);
        var filter = new AuditLog.Filter(actorId(actor),
                resource == null ? null : WireEnum.parseField(AuditResource.class, "resource", resource),
                action == null ? null : WireEnum.parseField(AuditAction.class, "action", action),
                instant("from", from), instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            // to is exclusive: a range that ends where or before it starts holds nothing, which is a mistake.
            throw Problem.invalid("to", "must be after from");
        }
        long total = log.count(event.id, filter);
        var items = log.list(event.id, filter, page.offset(), page.size).stream()
                .map(row -> AuditEntryView.from(row, event.zone(), json)).toList();
        return Page.of(items, page, total);
    }

    private static Long actorId(String actor) {
        if (actor == null) {
            return null;
        }
        try {
            return Long.parseLong(actor.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid("actor", "must be a user id, such as the actor.userId of an entry");
        }
    }

    private static java.time.Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be an ISO-8601 date and time with offset, such as 2024-11-10T09:00:00-07:00");
        }
    }
}
