package io.hallway.exchange;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Roles;

@Path("/api/events/{slug}/connections.csv")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Exchange")
public class ContactsCsvResource {

    @Inject
    ContactDownloads downloads;

    @GET
    @Produces("text/csv")
    @Operation(operationId = "exportContactsCsv", summary = "My contacts as CSV for a spreadsheet: the same people and fields as the vCard", description = "A download (Content-Disposition: attachment) that no cache may keep; cells that a spreadsheet would read as a formula are escaped.")
    public Response csv(@PathParam("slug") String slug) {
        return downloads.download(slug, "csv", "text/csv; charset=utf-8; header=present", ContactExports::csv);
    }
}
