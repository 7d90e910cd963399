package io.hallway.venue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hallway.common.Problem;
import io.hallway.common.QrCodes;
import io.hallway.common.Versions;

/** The public venue map and routing, no login needed. Served from the in-memory graph. */
@Path("/api/events/{slug}")
@PermitAll
@Tag(name = "Venue")
public class VenueResource {

    static final String GEO_JSON = "application/geo+json";

    @Inject
    VenueGraphs graphs;

    @Inject
    VenueConfig config;

    @GET
    @Path("venue")
    @Operation(operationId = "getVenueMap", summary = "The venue map: levels, nodes, rooms, points of interest and edges with coordinates", description = "No login. Edges closed right now show as closed, until closedUntil. A 404 when the event has no venue map.")
    @APIResponse(responseCode = "200", description = "The venue map; its ETag is the venue's version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueMapView.class)))
    public Response venue(@PathParam("slug") String slug) {
        VenueGraph graph = graphs.published(slug);
        return Versions.tagged(VenueMapView.from(graph, Instant.now()), graph.version);
    }

    @GET
    @Path("venue.geojson")
    @Operation(operationId = "getVenueGeoJson", summary = "The venue as GeoJSON, one FeatureCollection per level", description = "Positions are metres on the level's plan ([x, y]), not longitude and latitude.")
    public Map<String, Object> geoJson(@PathParam("slug") String slug) {
        VenueGraph graph = graphs.published(slug);
        return Map.of("version", graph.version, "levels", GeoJson.levels(graph, Instant.now()));
    }

    @GET
    @Path("venue/levels/{level}.geojson")
    @Produces(GEO_JSON)
    @Operation(operationId = "getLevelGeoJson", summary = "One level of the venue as a GeoJSON FeatureCollection", description = "The features of one level of getVenueGeoJson, as application/geo+json for map libraries; an unknown level is a 404.")
    public Map<String, Object> levelGeoJson(@PathParam("slug") String slug, @PathParam("level") String level) {
        VenueGraph graph = graphs.published(slug);
        for (int i = 0; i < graph.levels.size(); i++) {
            if (graph.levels.get(i).id().equals(level)) {
                return GeoJson.level(graph, i, Instant.now());
            }
        }
        throw Problem.notFound("No level '" + level + "' in this venue.");
    }

    @GET
    @Path("venue/nodes/{node}/qr.png")
    @Produces("image/png")
    @Operation(operationId = "getNodeQrCodePng", summary = "A printable \"you are here\" QR code", description = "Encodes the app link that starts routing from this node. An unknown node is a 404.")
    public byte[] qrPng(@PathParam("slug") String slug, @PathParam("node") String node,
            @QueryParam("size") @DefaultValue("512") int size) {
        if (size < 64 || size > 2048) {
            throw Problem.invalid("size", "must be between 64 and 2048 pixels");
        }
        return QrCodes.png(youAreHere(slug, node), size);
    }

    @GET
    @Path("venue/nodes/{node}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(operationId = "getNodeQrCodeSvg", summary = "A printable \"you are here\" QR code as SVG, for any print size", description = "The same link as getNodeQrCodePng; an unknown node is a 404.")
    public String qrSvg(@PathParam("slug") String slug, @PathParam("node") String node) {
        return QrCodes.svg(youAreHere(slug, node));
    }

    @GET
    @Path("route")
    @Operation(operationId = "getRoute", summary = "The fastest route between two places", description = "from: a room, point of interest or node id. to: the same, or a category (toilet, coffee, ...) for the nearest one. step-free never uses stairs, escalators or edges marked not step-free; avoid=stairs only makes them costly, and the route warns when it still takes them. A missing route is a 422 whose \"reason\" says why: closed, steps or disconnected.")
    public RouteView route(@PathParam("slug") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "walk (default), slow, fast or step-free") @QueryParam("profile") String profile,
            @Parameter(description = "stairs, escalators, elevators or ramps; repeat or comma-separate") @QueryParam("avoid") List<String> avoid) {
        VenueGraph graph = graphs.published(slug);
        return Routing.route(graph, from, to, Routing.options(config, profile, avoid, Instant.now()));
    }

    private String youAreHere(String slug, String node) {
        VenueGraph graph = graphs.published(slug);
        if (!graph.nodeIndex.containsKey(node)) {
            throw Problem.notFound("No node '" + node + "' in this venue.");
        }
        return config.appLinkBase() + "/events/" + encode(slug) + "/route?from=" + encode(node);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
