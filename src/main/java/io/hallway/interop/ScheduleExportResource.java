package io.hallway.interop;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.schedule.WebUrl;
import io.hallway.schedule.ScheduleHttpCaching;
import io.hallway.schedule.ScheduleSnapshot;

/**
 * The published schedule in the frab/c3voc format that Giggity, EventFahrplan, ConfClerk and other
 * schedule apps read. Same caching as the JSON snapshot: an ETag per schedule version, 304 when unchanged.
 * <p>
 * Links in the documents hang under the configured public base URL, so a rendition depends on the schedule
 * version and the format alone and is kept once per version under the format's name: nothing a caller
 * sends (such as a Host header) can multiply the copies a replica keeps or choose where the links lead.
 */
@Path("/api/events")
@PermitAll
@Tag(name = "Schedule")
public class ScheduleExportResource {

    static final String XML = "frab-xml";
    static final String JSON = "frab-json";

    @Inject
    ScheduleHttpCaching caching;

    @Inject
    WebUrl web;

    @GET
    @Path("{slug}/schedule.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(operationId = "getScheduleFrabXml", summary = "The published schedule as frab/c3voc schedule.xml", description = "Send If-None-Match with the last ETag: an unchanged schedule is a 304 with no body.")
    @APIResponse(responseCode = "200", description = "The schedule, valid against the c3voc schedule.xml.xsd",
            content = @Content(mediaType = MediaType.APPLICATION_XML))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response xml(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return caching.respond(slug, XML, MediaType.APPLICATION_XML_TYPE,
                built -> built.rendition(XML, snapshot -> FrabXml.write(frab(snapshot))), ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("{slug}/schedule.frab.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getScheduleFrabJson", summary = "The published schedule as frab/pretalx schedule JSON", description = "Send If-None-Match with the last ETag: an unchanged schedule is a 304 with no body.")
    @APIResponse(responseCode = "200", description = "The schedule, valid against the c3voc schedule.schema.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response json(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return caching.respond(slug, JSON, MediaType.APPLICATION_JSON_TYPE,
                built -> built.rendition(JSON, snapshot -> FrabJson.write(frab(snapshot))), ifNoneMatch, acceptEncoding);
    }

    /** The event's public API address comes from the snapshot and configuration, never from the request. */
    private FrabSchedule frab(ScheduleSnapshot snapshot) {
        return FrabSchedule.of(snapshot, web.link("api/events/" + snapshot.event().slug()));
    }
}
