package io.hallway.interop;

import static io.hallway.testing.ScheduleFixtures.*;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.hallway.schedule.ScheduleSnapshots;
import io.hallway.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScheduleExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** hallway.public-base-url in the test profile. */
    private static final String BASE = "http://localhost:8080";

    @Inject
    ScheduleSnapshots snapshots;

    @Test
    void the_xml_export_is_valid_against_the_c3voc_schema_and_lists_each_lightning_talk() throws Exception {
        var xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(InteropFiles.require("schedule.xml.xsd").toFile());
        String slug = conference("xml");

        var response = Api.anonymous().get("/api/events/" + slug + "/schedule.xml").then().statusCode(200)
                .contentType(containsString("application/xml")).header("ETag", notNullValue()).extract();
        String xml = response.asString();

        xsd.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml, containsString("<date>2024-11-10T10:00:00-07:00</date>"));
        assertThat(xml, containsString("<date>2024-11-10T10:05:00-07:00</date>"));
        assertThat(xml, containsString("<title>Five minutes of YAML</title>"));
        assertThat(xml, not(containsString("Postponed talk")));
        Api.anonymous().header("If-None-Match", response.header("ETag")).get("/api/events/" + slug + "/schedule.xml")
                .then().statusCode(304).body(emptyString());
        // The schema is not a formality: a document that breaks it is refused.
        String broken = xml.replaceFirst("<duration>[^<]*</duration>", "<duration>half an hour</duration>");
        assertThrows(SAXException.class, () -> xsd.newValidator().validate(new StreamSource(new StringReader(broken))));
    }

    @Test
    void a_session_longer_than_the_xml_export_can_say_is_refused_and_the_longest_it_can_say_exports_valid() throws Exception {
        var xsd = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(InteropFiles.require("schedule.xml.xsd").toFile());
        String slug = newEvent("camp", "America/Denver", "2024-03-08", "2024-03-13");
        // A social has no duration limit of its own; 104 hours (across the switch to daylight saving time) is
        // more than the hours:minutes of schedule.xml can say.
        Api.organizer().body(social("2024-03-08T09:00:00-07:00", "2024-03-12T18:00:00-06:00"))
                .post("/api/admin/events/" + slug + "/sessions").then().statusCode(400)
                .body("violations.field", contains("endsAt"))
                .body("violations[0].message", containsString("at most 99 hours 59 minutes"));

        Api.organizer().body(social("2024-03-08T09:00:00-07:00", "2024-03-12T13:59:00-06:00"))
                .post("/api/admin/events/" + slug + "/sessions").then().statusCode(201);
        String xml = Api.anonymous().get("/api/events/" + slug + "/schedule.xml").then().statusCode(200)
                .extract().asString();
        xsd.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml, containsString("<duration>99:59</duration>"));
    }

    private static Map<String, Object> social(String startsAt, String endsAt) {
        return Map.of("kind", "social", "title", "Hacker camp village", "startsAt", startsAt, "endsAt", endsAt,
                "speakerIds", List.of());
    }

    @Test
    void the_json_export_is_valid_against_the_frab_schema_with_times_in_the_event_zone() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6)
                .getSchema(JSON.readTree(InteropFiles.require("schedule.schema.json").toFile()));
        String slug = conference("frabjson");

        var response = Api.anonymous().get("/api/events/" + slug + "/schedule.frab.json").then().statusCode(200)
                .contentType(containsString("application/json")).extract();
        JsonNode document = JSON.readTree(response.asString());

        Set<ValidationMessage> problems = schema.validate(document);
        assertEquals(Set.of(), problems);
        JsonNode hall = document.at("/schedule/conference/days/0/rooms/Main Hall");
        List<String> starts = hall.findValuesAsText("date");
        assertEquals(List.of("2024-11-10T09:00:00-07:00", "2024-11-10T10:00:00-07:00", "2024-11-10T10:05:00-07:00"), starts);
        assertEquals("lightning-talk", hall.get(2).get("type").asText());
        assertEquals("00:05", hall.get(2).get("duration").asText());
        assertEquals("Rust for platform teams", hall.get(0).get("title").asText());
        assertEquals("Ada Byron", hall.get(0).at("/persons/0/public_name").asText());
        assertEquals("Platform", hall.get(0).get("track").asText());
        assertEquals("break", document.at("/schedule/conference/days/0/rooms//0/type").asText());
        assertNotEquals(response.header("ETag"),
                Api.anonymous().get("/api/events/" + slug + "/schedule.xml").then().extract().header("ETag"));
        Api.anonymous().header("If-None-Match", response.header("ETag")).get("/api/events/" + slug + "/schedule.frab.json")
                .then().statusCode(304);

        ((ObjectNode) hall.get(0)).remove("guid");
        assertFalse(schema.validate(document).isEmpty(), "an event without guid must break the schema");
    }

    @Test
    void links_in_the_exports_hang_under_the_configured_base_url_whatever_host_the_request_names() throws Exception {
        String slug = conference("host");
        String eventUrl = BASE + "/api/events/" + slug;
        for (String path : List.of("/schedule.xml", "/schedule.frab.json")) {
            var plain = Api.anonymous().get("/api/events/" + slug + path).then().statusCode(200).extract();
            var forged = Api.anonymous().header("Host", "attacker.example")
                    .header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "https")
                    .get("/api/events/" + slug + path).then().statusCode(200).extract();

            assertEquals(plain.asString(), forged.asString(), path);
            assertEquals(plain.header("ETag"), forged.header("ETag"), path);
            assertThat(forged.asString(), not(containsString("attacker.example")));
        }
        String xml = Api.anonymous().header("Host", "attacker.example").get("/api/events/" + slug + "/schedule.xml")
                .then().extract().asString();
        assertThat(xml, containsString("<base_url>" + eventUrl + "</base_url>"));
        assertThat(xml, containsString("<url>" + eventUrl + "/sessions/"));
        JsonNode json = JSON.readTree(Api.anonymous().header("Host", "attacker.example")
                .get("/api/events/" + slug + "/schedule.frab.json").then().extract().asString());
        assertEquals(eventUrl, json.at("/schedule/base_url").asText());
        assertThat(json.at("/schedule/conference/days/0/rooms/Main Hall/0/url").asText(), startsWith(eventUrl + "/sessions/"));
    }

    @Test
    void a_replica_keeps_one_rendition_per_format_however_many_host_names_ask() {
        String slug = conference("hosts");
        for (int i = 0; i < 25; i++) {
            Api.anonymous().header("Host", "h" + i + ".attacker.example").get("/api/events/" + slug + "/schedule.xml")
                    .then().statusCode(200);
            Api.anonymous().header("Host", "h" + i + ".attacker.example").get("/api/events/" + slug + "/schedule.frab.json")
                    .then().statusCode(200);
        }

        assertEquals(Set.of(ScheduleExportResource.XML, ScheduleExportResource.JSON),
                snapshots.current(slug).renditions().keySet());
    }

    @Test
    void the_export_follows_changes_with_a_new_etag() {
        String slug = conference("etag");
        String etag = Api.anonymous().get("/api/events/" + slug + "/schedule.xml").then().extract().header("ETag");
        create(slug, session("social", "Evening drinks", null, "18:00", "19:00"));

        Api.anonymous().header("If-None-Match", etag).get("/api/events/" + slug + "/schedule.xml").then().statusCode(200)
                .header("ETag", not(equalTo(etag))).body(containsString("Evening drinks"));
    }

    @Test
    void exporting_an_event_and_importing_the_export_into_a_new_event_gives_the_same_schedule() {
        String original = conference("roundtrip");
        String export = Api.anonymous().get("/api/events/" + original + "/schedule.frab.json").then().statusCode(200)
                .extract().asString();
        String copy = newEvent("copy");

        Api.organizer().body(export).post("/api/admin/events/" + copy + "/imports/pretalx").then().statusCode(200)
                .body("skippedCount", equalTo(0));

        assertEquals(comparable(original), comparable(copy));
    }

    /** A schedule with the event's ids replaced by names, so two events can be compared. */
    private static Map<String, Object> comparable(String slug) {
        JsonPath schedule = Api.anonymous().get("/api/events/" + slug + "/schedule").then().statusCode(200).extract().jsonPath();
        Map<Object, Object> rooms = new java.util.HashMap<>();
        schedule.getList("rooms", Map.class).forEach(r -> rooms.put(r.get("id"), r.get("name")));
        Map<Object, Object> tracks = new java.util.HashMap<>();
        schedule.getList("tracks", Map.class).forEach(t -> tracks.put(t.get("id"), t.get("name")));
        List<Map<String, Object>> sessions = schedule.getList("sessions", Map.class).stream()
                .filter(s -> "scheduled".equals(s.get("status")))
                .map(s -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (String key : List.of("kind", "title", "abstract", "language", "startsAt", "endsAt", "videoUrl")) {
                        row.put(key, s.get(key));
                    }
                    row.put("room", rooms.get(s.get("roomId")));
                    row.put("track", tracks.get(s.get("trackId")));
                    row.put("speakers", ((List<?>) s.get("speakers")).stream().map(p -> ((Map<?, ?>) p).get("name")).toList());
                    row.put("inBlock", s.get("blockId") != null);
                    return row;
                })
                .sorted(java.util.Comparator.comparing(r -> r.get("startsAt") + " " + r.get("title")))
                .map(r -> (Map<String, Object>) r).toList();
        return Map.of("rooms", Set.copyOf(rooms.values()), "speakers", Set.copyOf(schedule.getList("speakers.name")),
                "bios", new java.util.HashSet<>(schedule.getList("speakers.bio")), "sessions", sessions);
    }

    /** A small day: a talk, a break everywhere, a lightning block of two talks, a workshop and a cancelled talk. */
    private static String conference(String prefix) {
        String slug = newEvent(prefix);
        long hall = room(slug, "Main Hall", 300);
        long lab = room(slug, "Lab", 30);
        long platform = track(slug, "Platform");
        long ada = Api.organizer().body(Map.of("name", "Ada Byron", "bio", "Ada writes compilers."))
                .post("/api/admin/events/" + slug + "/speakers").then().statusCode(201).extract().jsonPath().getLong("id");
        long bo = speaker(slug, "Bo Chen");
        long cy = speaker(slug, "Cy Diaz");
        var rust = talk("Rust for platform teams", hall, "09:00", "09:30", ada);
        rust.put("trackId", platform);
        rust.put("abstract", "Why & how <we> moved.");
        rust.put("language", "en");
        rust.put("videoUrl", "https://video.example.com/rust-for-platform-teams");
        create(slug, rust);
        create(slug, session("break", "Coffee", null, "09:30", "10:00"));
        long block = block(slug, "Lightning talks", hall, "10:00", "10:10");
        lightningTalk(slug, block, "Five minutes of YAML", bo);
        lightningTalk(slug, block, "Five minutes of Nix", ada);
        create(slug, session("workshop", "Build a controller", lab, "10:00", "11:30", cy));
        var postponed = talk("Postponed talk", lab, "12:00", "12:30");
        postponed.put("status", "cancelled");
        create(slug, postponed);
        return slug;
    }
}
