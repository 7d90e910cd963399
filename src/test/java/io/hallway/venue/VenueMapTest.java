package io.hallway.venue;

import static io.hallway.testing.ScheduleFixtures.*;
import static io.hallway.venue.VenueBuilder.theaterAndFlexSpace;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.testing.Api;
import io.hallway.testing.QrDecoding;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VenueMapTest {

    private static String eventWithVenue() {
        String slug = newEvent("venue-map");
        room(slug, "Theater", 120);
        room(slug, "Flex Space", 40);
        theaterAndFlexSpace().upload(slug);
        return slug;
    }

    @Test
    void the_route_comes_with_legs_steps_and_a_drawable_path() {
        String slug = eventWithVenue();

        Api.anonymous().get("/api/events/" + slug + "/route?from=theater&to=flex").then().statusCode(200)
                .body("from.id", is("theater")).body("from.type", is("room"))
                .body("to.name", is("Flex Space"))
                .body("profile", is("walk"))
                .body("distance", is(6.0f)).body("duration", is(10))
                .body("legs.level", contains("up", "down"))
                .body("legs[0].steps[0].instruction", is("Take the stairs down to Flex Space (level 0)"))
                .body("legs[0].steps[0].kind", is("stairs"))
                .body("path.node", contains("u1", "d1"))
                .body("path[1].level", is("down"))
                .body("warnings", empty());
    }

    @Test
    void step_free_and_avoid_stairs_go_by_elevator_and_toilet_finds_the_nearest() {
        String slug = eventWithVenue();
        String route = "/api/events/" + slug + "/route";

        Api.anonymous().get(route + "?from=theater&to=flex&profile=step-free").then().statusCode(200)
                .body("legs[0].steps.kind", contains("corridor", "elevator"));
        Api.anonymous().get(route + "?from=theater&to=flex&avoid=stairs").then().statusCode(200)
                .body("path.node", contains("u1", "u2", "d2", "d1")).body("warnings", empty());
        Api.anonymous().get(route + "?from=u2&to=toilet").then().statusCode(200)
                .body("to.id", is("wc")).body("to.category", is("toilet"));
    }

    @Test
    void bad_route_requests_are_clear_problems() {
        String slug = eventWithVenue();
        String route = "/api/events/" + slug + "/route";
        Api.organizer().body(java.util.Map.of("closed", true)).patch("/api/admin/events/" + slug + "/venue/edges/lift")
                .then().statusCode(200);

        Api.anonymous().get(route + "?from=theater&to=flex&profile=step-free").then().statusCode(422)
                .contentType("application/problem+json").body("reason", is("closed")).body("closedEdges", contains("lift"));
        Api.anonymous().get(route + "?from=theater&to=flex&profile=hover").then().statusCode(400)
                .body("violations[0].field", is("profile"));
        Api.anonymous().get(route + "?from=attic&to=flex").then().statusCode(400)
                .body("violations[0].field", is("from"));
        Api.anonymous().get("/api/events/no-such-event/route?from=a&to=b").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void an_event_without_a_venue_has_no_map() {
        String bare = newEvent("venue-none");

        Api.anonymous().get("/api/events/" + bare + "/venue").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().get("/api/events/" + bare + "/route?from=a&to=b").then().statusCode(404);
    }

    @Test
    void the_public_map_has_levels_places_and_edges_with_coordinates() {
        String slug = eventWithVenue();

        Api.anonymous().get("/api/events/" + slug + "/venue").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("levels.id", contains("down", "up"))
                .body("rooms.id", contains("theater", "flex"))
                .body("pois[0].category", is("toilet"))
                .body("edges.find { it.id == 'upper' }.coordinates", contains(contains(0.0f, 0.0f), contains(10.0f, 0.0f)))
                .body("edges.find { it.id == 'upper' }.length", is(10.0f))
                .body("edges.find { it.id == 'stairs' }.stepFree", is(false));
    }

    @Test
    void the_geojson_parses_with_one_feature_collection_per_level() throws IOException {
        String slug = eventWithVenue();

        String body = Api.anonymous().get("/api/events/" + slug + "/venue.geojson").then().statusCode(200)
                .extract().asString();
        JsonNode levels = new ObjectMapper().readTree(body).get("levels");

        assertThat(levels.size(), is(2));
        for (JsonNode collection : levels) {
            assertThat(collection.get("type").asText(), is("FeatureCollection"));
            for (JsonNode feature : collection.get("features")) {
                assertThat(feature.get("type").asText(), is("Feature"));
                assertThat(feature.get("geometry").get("type").asText(), is(oneOf("Point", "LineString")));
                assertThat(feature.get("geometry").get("coordinates").isArray(), is(true));
            }
        }
        JsonNode down = levels.get(0);
        assertThat(down.get("level").get("id").asText(), is("down"));
        var ids = new java.util.ArrayList<String>();
        down.get("features").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids, hasItems("flex", "wc", "lower", "to-wc", "stairs", "lift"));
        assertThat(ids, not(hasItem("upper")));

        String level = Api.anonymous().get("/api/events/" + slug + "/venue/levels/up.geojson").then().statusCode(200)
                .contentType("application/geo+json").extract().asString();
        assertThat(new ObjectMapper().readTree(level).get("type").asText(), is("FeatureCollection"));
    }

    @Test
    void the_png_qr_code_decodes_to_the_link_that_routes_from_the_node() throws Exception {
        String slug = eventWithVenue();

        byte[] png = Api.anonymous().get("/api/events/" + slug + "/venue/nodes/u1/qr.png?size=300").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth(), is(300));
        assertThat(QrDecoding.decode(image), is("https://hallway.app/open/events/" + slug + "/route?from=u1"));
        Api.anonymous().get("/api/events/" + slug + "/venue/nodes/nowhere/qr.png").then().statusCode(404);
    }

    @Test
    void the_svg_qr_code_decodes_to_the_same_link() throws Exception {
        String slug = eventWithVenue();

        String svg = Api.anonymous().get("/api/events/" + slug + "/venue/nodes/d1/qr.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();

        assertThat(QrDecoding.decode(rasterize(svg, 8)), is("https://hallway.app/open/events/" + slug + "/route?from=d1"));
    }

    /** Draws the SVG's unit squares ("M x y h1v1h-1z") at the given scale, white elsewhere. */
    private static BufferedImage rasterize(String svg, int scale) {
        var viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(viewBox.find(), is(true));
        int width = Integer.parseInt(viewBox.group(1));
        int height = Integer.parseInt(viewBox.group(2));
        var image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(java.awt.Color.BLACK);
        var module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int modules = 0;
        while (module.find()) {
            graphics.fillRect(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale, scale, scale);
            modules++;
        }
        assertThat(modules, greaterThan(100));
        return image;
    }
}
