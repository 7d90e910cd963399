package io.hallway.interop;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.team.EventRole;
import io.hallway.team.RequiresEventRole;
import io.quarkus.security.Authenticated;

/** Brings a schedule in from the tools organizers run their call for papers in, and keeps it in step. */
@Path("/api/admin/events/{slug}/imports")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@RequiresEventRole(EventRole.EDITOR)
@Tag(name = "Admin: imports")
public class ImportResource {

    private static final String DRY_RUN = "Report what the import would create, update and remove, and store nothing";

    private static final String BODY = """
            The source's document itself, or {"sourceUrl": "https://..."} to have the server fetch it from an \
            allow-listed host. Importing again updates what was imported before; items made by hand are never touched.""";

    @Inject
    ScheduleImporter importer;

    @POST
    @Path("sessionize")
    @Operation(operationId = "adminImportSessionize", summary = "Import or re-sync the schedule from a Sessionize \"All data\" document", description = "Session times without offset are read in the event's time zone. Consecutive lightning talks in one room become a block. Sessions without a start are left out. The report counts what was created, updated, unchanged and removed, and lists what the schedule rules skipped. In release mode manual the import lands in the draft, and nextRelease says what releasing it would make public. A malformed document is a 422 pointing at the place; a source that cannot be fetched a 502 or 504.")
    public ImportReport sessionize(@PathParam("slug") String slug, @Parameter(description = DRY_RUN) @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @RequestBody(description = BODY, required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "Sessionize \"All data\": sessions, speakers, questions, categories, rooms")))
            byte[] body) {
        return run(slug, ImportSource.SESSIONIZE, dryRun, body);
    }

    @POST
    @Path("pretalx")
    @Operation(operationId = "adminImportPretalx", summary = "Import or re-sync the schedule from a pretalx (frab JSON) schedule export", description = "Event times must carry their offset. Consecutive lightning talks in one room become a block. The report counts what was created, updated, unchanged and removed, and lists what the schedule rules skipped. In release mode manual the import lands in the draft, and nextRelease says what releasing it would make public. A malformed document is a 422 pointing at the place; a source that cannot be fetched a 502 or 504.")
    public ImportReport pretalx(@PathParam("slug") String slug, @Parameter(description = DRY_RUN) @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @RequestBody(description = BODY, required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "frab/pretalx schedule JSON (c3voc schedule.schema.json)")))
            byte[] body) {
        return run(slug, ImportSource.PRETALX, dryRun, body);
    }

    private ImportReport run(String slug, ImportSource source, boolean dryRun, byte[] body) {
        return importer.apply(slug, source, importer.read(slug, source, body), dryRun);
    }
}
