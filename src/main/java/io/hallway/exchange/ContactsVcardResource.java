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

@Path("/api/events/{slug}/connections.vcf")
@RolesAllowed(Roles.ATTENDEE)
@Tag(name = "Exchange")
public class ContactsVcardResource {

    @Inject
    ContactDownloads downloads;

    @GET
    @Produces("text/vcard")
    @Operation(operationId = "exportContactsVcard", summary = "My contacts as vCard 4.0: the people who share with me, with only what they share", description = "A download (Content-Disposition: attachment) that no cache may keep: one vCard per connection.")
    public Response vcards(@PathParam("slug") String slug) {
        return downloads.download(slug, "vcf", "text/vcard; charset=utf-8", ContactExports::vcards);
    }
}
