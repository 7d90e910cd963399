package io.hallway.interop;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.schedule.ScheduleHttpCaching;

/**
 * The published schedule in the frab/c3voc format that Giggity, EventFahrplan, ConfClerk and other
 * schedule apps read. Same caching as the JSON snapshot: an ETag per schedule version, 304 when unchanged.
 */
@Path("/api/events")
@PermitAll
@Tag(name = "Schedule")
public class ScheduleExportResource {

    @Inject
    ScheduleHttpCaching caching;

    @GET
    @Path("{slug}/schedule.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The published schedule as frab/c3voc schedule.xml",
            description = "Send If-None-Match with the last ETag: an unchanged schedule is a 304 with no body.")
    @APIResponse(responseCode = "200", description = "The schedule, valid against the c3voc schedule.xml.xsd",
            content = @Content(mediaType = MediaType.APPLICATION_XML))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response xml(@PathParam("slug") String slug, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        String base = eventUrl(uri, slug);
        return caching.respond(slug, "frab-xml", MediaType.APPLICATION_XML_TYPE,
                built -> built.rendition("frab-xml " + base, snapshot -> FrabXml.write(FrabSchedule.of(snapshot, base))),
                ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("{slug}/schedule.frab.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published schedule as frab/pretalx schedule JSON",
            description = "Send If-None-Match with the last ETag: an unchanged schedule is a 304 with no body.")
    @APIResponse(responseCode = "200", description = "The schedule, valid against the c3voc schedule.schema.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response json(@PathParam("slug") String slug, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        String base = eventUrl(uri, slug);
        return caching.respond(slug, "frab-json", MediaType.APPLICATION_JSON_TYPE,
                built -> built.rendition("frab-json " + base, snapshot -> FrabJson.write(FrabSchedule.of(snapshot, base))),
                ifNoneMatch, acceptEncoding);
    }

    private static String eventUrl(UriInfo uri, String slug) {
        return uri.getBaseUriBuilder().path("api/events").path(slug).build().toString();
    }
}
