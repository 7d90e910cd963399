package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static io.hallway.testing.PersonalDataFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnpublishedEventTest {

    @Test
    void after_an_organizer_unpublishes_the_event_i_still_see_take_and_delete_what_is_mine() {
        String slug = ScheduleFixtures.newEvent("unpublished");
        String e = "/api/events/" + slug;
        long talk = ratableTalk(slug);
        String umar = Tokens.of("umar");
        String vera = Tokens.of("vera");
        personalDataOf(umar, slug, talk, 4, "Good", vera);
        long connection = Api.as(umar).get(e + "/connections").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        Api.as(umar).body(Map.of("share", true)).put(e + "/connections/" + connection + "/share-back").then()
                .statusCode(200);
        String cursor = Api.anonymous().get(e + "/schedule").then().statusCode(200).extract().jsonPath().getString("cursor");
        moveTalk(slug, talk);

        unpublish(slug);
        Api.anonymous().get(e + "/schedule").then().statusCode(404);

        Api.as(umar).get(e + "/me/export").then().statusCode(200)
                .body("profile.displayName", is("Person"))
                .body("exchange.connections", hasSize(1))
                .body("agenda.feedback[0].comment", is("Good"));
        Api.as(umar).get(e + "/me/profile").then().statusCode(200).body("displayName", is("Person"));
        Api.as(umar).body(Map.of("displayName", "Umar")).put(e + "/me/profile").then().statusCode(200)
                .body("displayName", is("Umar"));
        Api.as(umar).get(e + "/agenda").then().statusCode(200).body("items.id", contains((int) talk));
        Api.as(umar).queryParam("since", cursor).get(e + "/agenda/changes").then().statusCode(200)
                // The set-up's meet-up request from a peer is in the feed too, as an entry of its own kind.
                .body("changes.findAll { it.kind == 'schedule' }.sessionId", contains((int) talk))
                .body("changes.kind", hasItem("meeting"));
        Api.as(umar).get(e + "/connections").then().statusCode(200).body("items", hasSize(1));
        Api.as(umar).get(e + "/connections/" + connection).then().statusCode(200);
        Api.as(umar).get(e + "/connections.csv").then().statusCode(200).body(containsString("Peer"));
        Api.as(umar).body(Map.of("note", "Met before they unpublished")).put(e + "/connections/" + connection + "/note")
                .then().statusCode(200);
        Api.as(umar).body(Map.of("share", false)).put(e + "/connections/" + connection + "/share-back").then()
                .statusCode(200).body("sharingBack", is(false));
        Api.as(umar).delete(e + "/agenda/sessions/" + talk).then().statusCode(204);
        Api.as(umar).delete(e + "/agenda/calendar-link").then().statusCode(204);
        Api.as(umar).delete(e + "/connections/" + connection).then().statusCode(204);
        Api.as(umar).get(e + "/me/export").then().statusCode(200)
                .body("agenda.bookmarks", empty()).body("agenda.calendarLink", nullValue())
                .body("exchange.connections", empty());
        Api.as(umar).delete(e + "/me").then().statusCode(204);
        // Nothing of mine is left, so the unpublished event is gone for me too
        Api.as(umar).get(e + "/me/profile").then().statusCode(404);
    }

    @Test
    void nothing_new_starts_in_an_unpublished_event() {
        String slug = ScheduleFixtures.newEvent("unpublished-new");
        String e = "/api/events/" + slug;
        long talk = ratableTalk(slug);
        String umar = Tokens.of("umar");
        String vera = Tokens.of("vera");
        profile(umar, slug, "Umar");
        profile(vera, slug, "Vera");
        long connection = connect(slug, vera, umar);
        String code = issue(vera, slug).getString("token");

        unpublish(slug);

        Api.as(umar).post(tokensPath(slug)).then().statusCode(404).contentType("application/problem+json");
        scan(umar, slug, code).then().statusCode(404);
        Api.as(umar).body(Map.of("share", true)).put(e + "/connections/" + connection + "/share-back").then()
                .statusCode(404);
        Api.as(umar).put(e + "/agenda/sessions/" + talk).then().statusCode(404);
        Api.as(umar).post(e + "/agenda/calendar-link").then().statusCode(404);
        Api.as(umar).body(Map.of("rating", 5)).put(e + "/sessions/" + talk + "/feedback").then().statusCode(404);
        Api.as(umar).get(e + "/attendees").then().statusCode(404);
    }

    @Test
    void a_draft_i_keep_nothing_in_and_a_nonexistent_event_are_not_found() {
        String draft = "never-published-" + UUID.randomUUID().toString().substring(0, 8);
        Api.organizer().body(Map.of("slug", draft, "name", "Draft", "timeZone", "UTC", "startDate", "2024-11-10",
                "endDate", "2024-11-10", "published", false)).post("/api/admin/events").then().statusCode(201);
        String missing = "no-such-event-" + UUID.randomUUID().toString().substring(0, 8);
        String umar = Tokens.of("umar");
        for (String slug : new String[] { draft, missing }) {
            String e = "/api/events/" + slug;
            Api.as(umar).get(e + "/me/export").then().statusCode(404).contentType("application/problem+json");
            Api.as(umar).delete(e + "/me").then().statusCode(404);
            Api.as(umar).get(e + "/me/profile").then().statusCode(404);
            Api.as(umar).body(Map.of("displayName", "Umar")).put(e + "/me/profile").then().statusCode(404);
            Api.as(umar).get(e + "/agenda").then().statusCode(404);
            Api.as(umar).get(e + "/connections").then().statusCode(404);
            Api.as(umar).get(e + "/connections.vcf").then().statusCode(404);
            Api.as(umar).delete(e + "/agenda/calendar-link").then().statusCode(404);
        }
    }
}
