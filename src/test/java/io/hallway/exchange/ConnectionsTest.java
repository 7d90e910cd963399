package io.hallway.exchange;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConnectionsTest {

    static final Map<String, String> SHARE_ALL_BUT_PHONE = Map.of("email", "connections", "phone", "only-me");

    @Test
    void the_scanner_gets_the_code_owners_fields_and_gives_nothing_until_sharing_back() {
        String slug = ScheduleFixtures.newEvent("connect");
        saveProfile(Tokens.attendee(), slug, fullProfile("Ada", SHARE_ALL_BUT_PHONE));
        long brunoProfile = saveProfile(Tokens.otherAttendee(), slug, fullProfile("Bruno", SHARE_ALL_BUT_PHONE));
        long id = connect(slug, Tokens.attendee(), Tokens.otherAttendee());

        Api.otherAttendee().get(connectionsPath(slug) + "/" + id).then().statusCode(200)
                .body("sharedWithMe", is(true))
                .body("sharingBack", is(false))
                .body("person.displayName", is("Ada"))
                .body("person.email", is("ada@mail.example"))
                .body("person", not(hasKey("phone")));
        Api.attendee().get(connectionsPath(slug)).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].sharedWithMe", is(false))
                .body("items[0]", not(hasKey("person")));
        Api.attendee().get("/api/events/" + slug + "/attendees/" + brunoProfile).then().statusCode(404);

        Api.otherAttendee().body(Map.of("share", true)).put(connectionsPath(slug) + "/" + id + "/share-back")
                .then().statusCode(200).body("sharingBack", is(true));
        Api.attendee().get(connectionsPath(slug)).then()
                .body("items[0].sharedWithMe", is(true))
                .body("items[0].person.displayName", is("Bruno"))
                .body("items[0].person.email", is("bruno@mail.example"));
        Api.attendee().get("/api/events/" + slug + "/attendees/" + brunoProfile).then().statusCode(200)
                .body("headline", is("Bruno builds platforms"));

        Api.otherAttendee().body(Map.of("share", false)).put(connectionsPath(slug) + "/" + id + "/share-back")
                .then().statusCode(200);
        Api.attendee().get("/api/events/" + slug + "/attendees/" + brunoProfile).then().statusCode(404);
    }

    @Test
    void a_note_and_a_star_are_seen_only_by_their_author() {
        String slug = ScheduleFixtures.newEvent("connect");
        profile(Tokens.attendee(), slug, "Ada");
        long id = connect(slug, Tokens.attendee(), Tokens.otherAttendee());
        Api.otherAttendee().body(Map.of("note", "Met Ada, ask about eBPF")).put(connectionsPath(slug) + "/" + id + "/note")
                .then().statusCode(200).body("note", is("Met Ada, ask about eBPF"));
        Api.otherAttendee().body(Map.of("starred", true)).put(connectionsPath(slug) + "/" + id + "/star")
                .then().statusCode(200).body("starred", is(true));

        Api.attendee().get(connectionsPath(slug) + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("note"))).body("starred", is(false));
        Api.attendee().get(connectionsPath(slug)).then().body(not(containsString("eBPF")));
        Api.otherAttendee().body(Map.of("note", "x".repeat(2001))).put(connectionsPath(slug) + "/" + id + "/note")
                .then().statusCode(400).body("violations[0].field", is("note"));
    }

    @Test
    void removing_a_connection_hides_my_fields_from_the_other_side_again() {
        String slug = ScheduleFixtures.newEvent("connect");
        long adaProfile = saveProfile(Tokens.attendee(), slug, fullProfile("Ada", SHARE_ALL_BUT_PHONE));
        long id = connect(slug, Tokens.attendee(), Tokens.otherAttendee());
        Api.otherAttendee().get("/api/events/" + slug + "/attendees/" + adaProfile).then().statusCode(200)
                .body("email", is("ada@mail.example"));

        Api.attendee().delete(connectionsPath(slug) + "/" + id).then().statusCode(204);
        Api.attendee().get(connectionsPath(slug)).then().body("items", empty());
        Api.otherAttendee().get("/api/events/" + slug + "/attendees/" + adaProfile).then().statusCode(404);
        Api.otherAttendee().get(connectionsPath(slug) + "/" + id).then().statusCode(200)
                .body("sharedWithMe", is(false)).body("$", not(hasKey("person")));
        Api.otherAttendee().get(connectionsPath(slug) + ".vcf").then().statusCode(200).body(not(containsString("Ada")));
        Api.attendee().delete(connectionsPath(slug) + "/" + id).then().statusCode(404);
        // Bruno keeps it, so the pair still names Ada: her export says when and how they met, and not who it was.
        String export = Api.attendee().get("/api/events/" + slug + "/me/export").then().statusCode(200)
                .body("exchange.connections", empty())
                .body("exchange.removedConnections.id", contains((int) id))
                .body("exchange.removedConnections[0].via", is("qr"))
                .body("exchange.removedConnections[0].connectedAt", notNullValue())
                .extract().asString();
        assertFalse(export.contains("Bruno"), export);
    }

    @Test
    void contacts_export_as_vcard_4_and_csv_with_only_what_each_person_shared() throws Exception {
        String slug = ScheduleFixtures.newEvent("connect");
        var ada = new java.util.HashMap<>(fullProfile("Ada", Map.of("email", "connections", "bio", "only-me")));
        ada.put("headline", "=HYPERLINK(\"http://evil.example\")");
        saveProfile(Tokens.attendee(), slug, ada);
        profile(Tokens.of("zoe"), slug, "Zoe");
        profile(Tokens.otherAttendee(), slug, "Bruno");
        long withAda = connect(slug, Tokens.attendee(), Tokens.otherAttendee());
        connect(slug, Tokens.otherAttendee(), Tokens.of("zoe")); // Zoe shares nothing with Bruno
        Api.otherAttendee().body(Map.of("note", "Met at the eBPF talk")).put(connectionsPath(slug) + "/" + withAda + "/note")
                .then().statusCode(200);

        String vcf = Api.otherAttendee().get(connectionsPath(slug) + ".vcf").then().statusCode(200)
                .contentType(containsString("text/vcard")).header("Cache-Control", containsString("no-store"))
                .extract().asString();
        List<VCard> cards = Ezvcard.parse(vcf).all();
        assertEquals(1, cards.size());
        VCard card = cards.get(0);
        assertEquals(VCardVersion.V4_0, card.getVersion());
        assertEquals("Ada", card.getFormattedName().getValue());
        assertEquals("Ada Corp", card.getOrganization().getValues().get(0));
        assertEquals("ada@mail.example", card.getEmails().get(0).getValue());
        assertTrue(card.getTelephoneNumbers().isEmpty(), "phone is only-me");
        assertEquals(List.of("https://github.com/ada", "https://ada.example"),
                card.getUrls().stream().map(u -> u.getValue()).toList());
        assertEquals(List.of("Met at the eBPF talk"), card.getNotes().stream().map(n -> n.getValue()).toList(),
                "my note, and not the bio Ada kept to herself");

        String csv = Api.otherAttendee().get(connectionsPath(slug) + ".csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("Ada", row.get("name"));
        assertEquals("ada@mail.example", row.get("email"));
        assertEquals("", row.get("phone"));
        assertEquals("", row.get("bio"));
        assertEquals("https://github.com/ada", row.get("github"));
        assertEquals("Kubernetes; eBPF", row.get("interests"));
        assertEquals("Met at the eBPF talk", row.get("my_note"));
        assertTrue(row.get("headline").startsWith("'="), "a formula is defused: " + row.get("headline"));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_outcome() {
        String slug = ScheduleFixtures.newEvent("connect");
        profile(Tokens.attendee(), slug, "Ada");
        String code = issue(Tokens.attendee(), slug).getString("token");
        String key = UUID.randomUUID().toString();
        long first = Api.otherAttendee().header("Idempotency-Key", key).body(Map.of("token", code))
                .post(connectionsPath(slug)).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.otherAttendee().header("Idempotency-Key", key).body(Map.of("token", code)).post(connectionsPath(slug))
                .then().statusCode(201).body("id", is((int) first));
        Api.otherAttendee().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("token", code))
                .post(connectionsPath(slug)).then().statusCode(410);
        String other = issue(Tokens.attendee(), slug).getString("token");
        Api.otherAttendee().header("Idempotency-Key", key).body(Map.of("token", other)).post(connectionsPath(slug))
                .then().statusCode(422).contentType("application/problem+json");
        // Zoe's key is hers: the same key from someone else is a fresh request
        Api.as(Tokens.of("zoe")).header("Idempotency-Key", key).body(Map.of("token", other)).post(connectionsPath(slug))
                .then().statusCode(201);
    }

    @Test
    void a_connection_remembers_the_session_running_when_we_met() {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String slug = "met-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", slug, "name", "Today", "timeZone", "UTC", "startDate", yesterday,
                "endDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "published", true))
                .post("/api/admin/events").then().statusCode(201);
        long room = ScheduleFixtures.room(slug, "Hall A", 300);
        var now = java.time.Instant.now();
        var keynote = new java.util.HashMap<String, Object>(Map.of("kind", "keynote", "title", "Opening keynote",
                "roomId", room, "startsAt", now.minusSeconds(600).toString(), "endsAt", now.plusSeconds(1800).toString(),
                "speakerIds", List.of()));
        Api.organizer().body(keynote).post("/api/admin/events/" + slug + "/sessions").then().statusCode(201);
        profile(Tokens.attendee(), slug, "Ada");
        long id = connect(slug, Tokens.attendee(), Tokens.otherAttendee());
        Api.otherAttendee().get(connectionsPath(slug) + "/" + id).then().statusCode(200)
                .body("where.session", is("Opening keynote"))
                .body("where.room", is("Hall A"));
    }

    @Test
    void in_manual_mode_where_we_met_comes_from_the_released_schedule() {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String slug = "met-draft-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", slug, "name", "Today", "timeZone", "UTC", "startDate", yesterday,
                "endDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "published", true))
                .post("/api/admin/events").then().statusCode(201);
        long hall = ScheduleFixtures.room(slug, "Hall A", 300);
        long keynote = ScheduleFixtures.create(slug, runningNow("keynote", "Opening keynote", hall)).getLong("id");
        ScheduleFixtures.releaseMode(slug, "manual").statusCode(200);
        // The draft renames the keynote and adds a session running at the same time elsewhere.
        io.hallway.testing.AgendaFixtures.updateSession(slug, keynote, Map.of("title", "Secret title"));
        long green = ScheduleFixtures.room(slug, "Secret Green Room", 10);
        ScheduleFixtures.create(slug, runningNow("workshop", "Secret session", green));

        profile(Tokens.attendee(), slug, "Ada");
        long id = connect(slug, Tokens.attendee(), Tokens.otherAttendee());
        Api.otherAttendee().get(connectionsPath(slug) + "/" + id).then().statusCode(200)
                .body("where.sessionId", is((int) keynote))
                .body("where.session", is("Opening keynote"))
                .body("where.room", is("Hall A"));
    }

    private static Map<String, Object> runningNow(String kind, String title, long room) {
        var now = java.time.Instant.now();
        return new java.util.HashMap<>(Map.of("kind", kind, "title", title, "roomId", room,
                "startsAt", now.minusSeconds(600).toString(), "endsAt", now.plusSeconds(1800).toString(),
                "speakerIds", List.of()));
    }
}
