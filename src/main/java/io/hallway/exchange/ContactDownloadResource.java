package io.hallway.exchange;

import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Roles;
import io.hallway.people.SelfService;
import io.hallway.schedule.Event;

/** The caller's contacts as a file download; personal data, so never cached, and theirs on an unpublished event too. */
@Path("/api/events/{slug}")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Exchange")
public class ContactDownloadResource {

    @Inject
    Connections connections;

    @Inject
    SelfService selfService;

    @GET
    @Path("connections.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportContactsCsv", summary = "My contacts as CSV for a spreadsheet: the same people and fields as the vCard", description = "A download (Content-Disposition: attachment) that no cache may keep; cells that a spreadsheet would read as a formula are escaped.")
    public Response csv(@PathParam("slug") String slug) {
        return download(slug, "csv", "text/csv; charset=utf-8; header=present", ContactExports::csv);
    }

    @GET
    @Path("connections.vcf")
    @Produces("text/vcard")
    @Operation(operationId = "exportContactsVcard", summary = "My contacts as vCard 4.0: the people who share with me, with only what they share", description = "A download (Content-Disposition: attachment) that no cache may keep: one vCard per connection.")
    public Response vcards(@PathParam("slug") String slug) {
        return download(slug, "vcf", "text/vcard; charset=utf-8", ContactExports::vcards);
    }

    private Response download(String slug, String extension, String type,
            Function<List<Connections.Row>, String> format) {
        var mine = selfService.mine(slug);
        Event event = mine.event();
        List<Connections.Row> rows = mine.me().isEmpty() ? List.of() : connections.list(event.id, mine.me().getAsLong());
        return Response.ok(format.apply(rows), type)
                .header("Content-Disposition", "attachment; filename=\"" + event.slug + "-contacts." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }
}
