package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static org.hamcrest.Matchers.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.hallway.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProfileVisibilityTest {

    static final List<String> FIELDS = List.of("displayName", "pronouns", "headline", "company", "bio", "interests",
            "links", "photoUrl", "email", "phone");

    @Test
    void a_new_profile_starts_private_and_out_of_the_directory() {
        String slug = ScheduleFixtures.newEvent("people");
        Api.attendee().get(profilePath(slug)).then().statusCode(200)
                .body("id", nullValue())
                .body("inDirectory", is(false))
                .body("visibility.displayName", is("connections"))
                .body("visibility.headline", is("connections"))
                .body("visibility.company", is("connections"))
                .body("visibility.email", is("only-me"))
                .body("visibility.phone", is("only-me"));

        Api.attendee().body(fullProfile("Ada", Map.of())).put(profilePath(slug)).then().statusCode(201)
                .body("visibility.displayName", is("connections"))
                .body("visibility.email", is("only-me"))
                .body("inDirectory", is(false))
                .body("email", is("ada@mail.example"));
        Api.attendee().body(fullProfile("Ada", Map.of())).put(profilePath(slug)).then().statusCode(200);
    }

    @Test
    void each_field_is_shown_to_a_stranger_a_connection_and_myself_by_its_visibility() {
        String slug = ScheduleFixtures.newEvent("people");
        // One field per visibility, round-robin, so every field is tried against every audience across the three
        for (int shift = 0; shift < 3; shift++) {
            Map<String, String> visibility = new java.util.HashMap<>();
            String[] levels = { "everyone", "connections", "only-me" };
            for (int i = 0; i < FIELDS.size(); i++) {
                visibility.put(FIELDS.get(i), levels[(i + shift) % 3]);
            }
            String owner = Tokens.of(List.of("nina", "omar", "pia").get(shift));
            var body = new java.util.HashMap<>(fullProfile("Owner" + shift, visibility));
            body.put("inDirectory", true);
            long id = saveProfile(owner, slug, body);
            profile(Tokens.attendee(), slug, "Ada");
            connect(slug, owner, Tokens.attendee());

            var stranger = Api.otherAttendee().get("/api/events/" + slug + "/attendees/" + id).then().statusCode(200);
            var connection = Api.attendee().get("/api/events/" + slug + "/attendees/" + id).then().statusCode(200);
            var self = Api.as(owner).get("/api/events/" + slug + "/attendees/" + id).then().statusCode(200);
            for (String field : FIELDS) {
                String level = visibility.get(field);
                stranger.body(field, level.equals("everyone") ? notNullValue() : nullValue());
                connection.body(field, level.equals("only-me") ? nullValue() : notNullValue());
                self.body(field, notNullValue());
            }
            Api.as(owner).get(profilePath(slug)).then().body("visibility", equalTo(visibility));
        }
    }

    @Test
    void the_directory_lists_only_people_who_opted_in_with_their_everyone_fields() {
        String slug = ScheduleFixtures.newEvent("people");
        var listed = new java.util.HashMap<>(fullProfile("Listed", Map.of("displayName", "everyone", "company", "everyone")));
        listed.put("inDirectory", true);
        saveProfile(Tokens.of("nina"), slug, listed);
        saveProfile(Tokens.of("omar"), slug, fullProfile("Unlisted", Map.of("displayName", "everyone")));

        Api.attendee().get("/api/events/" + slug + "/attendees").then().statusCode(200)
                .body("totalItems", is(1))
                .body("items", hasSize(1))
                .body("items[0].displayName", is("Listed"))
                .body("items[0].company", is("Listed Corp"))
                .body("items[0]", not(hasKey("headline")))
                .body("items[0]", not(hasKey("email")))
                .body("items[0]", not(hasKey("phone")));
        long unlisted = Api.as(Tokens.of("omar")).get(profilePath(slug)).jsonPath().getLong("id");
        Api.attendee().get("/api/events/" + slug + "/attendees/" + unlisted).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void search_and_interest_filters_only_match_fields_their_owner_made_public() {
        String slug = ScheduleFixtures.newEvent("people");
        var open = new java.util.HashMap<>(fullProfile("Opal", Map.of("displayName", "everyone", "company", "everyone",
                "interests", "everyone")));
        open.put("inDirectory", true);
        saveProfile(Tokens.of("nina"), slug, open);
        var secret = new java.util.HashMap<>(fullProfile("Sable", Map.of("displayName", "everyone")));
        secret.put("inDirectory", true);
        secret.put("company", "Opal Corp");
        saveProfile(Tokens.of("omar"), slug, secret);

        String directory = "/api/events/" + slug + "/attendees";
        Api.attendee().queryParam("q", "opal corp").get(directory).then().statusCode(200)
                .body("items.displayName", contains("Opal"));
        Api.attendee().queryParam("interest", "KUBERNETES").get(directory).then().statusCode(200)
                .body("items.displayName", contains("Opal"));
        Api.attendee().queryParam("q", "%").get(directory).then().statusCode(200).body("items", empty());
        Api.attendee().queryParam("size", 1000).get(directory).then().statusCode(400)
                .body("violations[0].field", is("size"));
    }

    @Test
    void a_profile_refuses_links_that_are_not_what_they_claim_and_too_many_interests() {
        String slug = ScheduleFixtures.newEvent("people");
        var body = new java.util.HashMap<>(fullProfile("Ada", Map.of()));
        body.put("links", List.of(Map.of("type", "github", "url", "https://evil.example/ada")));
        Api.attendee().body(body).put(profilePath(slug)).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("links[0].url"));
        body.put("links", List.of(Map.of("type", "website", "url", "javascript:alert(1)")));
        Api.attendee().body(body).put(profilePath(slug)).then().statusCode(400).body("violations[0].field", is("links[0].url"));
        body.put("links", List.of(Map.of("type", "myspace", "url", "https://myspace.com/ada")));
        Api.attendee().body(body).put(profilePath(slug)).then().statusCode(400).body("violations[0].field", is("links.type[0]"))
                .body("violations[0].message", containsString("github"));
        body.put("links", List.of());
        body.put("interests", java.util.Collections.nCopies(11, "x"));
        Api.attendee().body(body).put(profilePath(slug)).then().statusCode(400).body("violations[0].field", is("interests"));
        body.put("interests", List.of("eBPF"));
        body.put("email", "not-an-email");
        body.put("visibility", Map.of("email", "friends"));
        Api.attendee().body(body).put(profilePath(slug)).then().statusCode(400);
        body.put("visibility", Map.of("email", "everyone"));
        body.put("email", "ada@mail.example");
        body.put("ssn", "123");
        Api.attendee().body(body).put(profilePath(slug)).then().log().ifValidationFails().statusCode(400).body("violations[0].field", is("/ssn"));
    }
}
