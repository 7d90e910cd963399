package io.hallway.people;

import static io.hallway.testing.PeopleFixtures.*;
import static io.hallway.testing.Refusals.invalidField;
import static org.hamcrest.Matchers.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.hallway.testing.Api;
import io.hallway.testing.ScheduleFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** Visibilities and link types are spelled as they always were, and an unknown one is refused with the allowed ones. */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProfileWireValuesTest {

    @Test
    void the_contract_spells_visibilities_and_link_types_as_before() {
        Api.anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Visibility.enum", is(List.of("everyone", "connections", "only-me")))
                .body("components.schemas.LinkType.enum",
                        is(List.of("website", "github", "linkedin", "mastodon", "bluesky", "x")));
    }

    @Test
    void every_link_type_is_accepted_and_read_back() {
        String slug = ScheduleFixtures.newEvent("wire");
        var body = new HashMap<>(fullProfile("Ada", Map.of("links", "only-me", "email", "everyone")));
        body.put("links", List.of(Map.of("type", "website", "url", "https://ada.example"),
                Map.of("type", "github", "url", "https://github.com/ada"),
                Map.of("type", "linkedin", "url", "https://www.linkedin.com/in/ada"),
                Map.of("type", "mastodon", "url", "https://hachyderm.io/@ada"),
                Map.of("type", "bluesky", "url", "https://bsky.app/profile/ada"),
                Map.of("type", "x", "url", "https://x.com/ada")));

        Api.attendee().body(body).put(profilePath(slug)).then().statusCode(201)
                .body("links.type", contains("website", "github", "linkedin", "mastodon", "bluesky", "x"))
                .body("visibility.links", is("only-me"))
                .body("visibility.email", is("everyone"));
    }

    @Test
    void an_unknown_visibility_is_refused_with_the_allowed_ones() {
        String slug = ScheduleFixtures.newEvent("wire");

        invalidField(Api.attendee().body(fullProfile("Ada", Map.of("email", "friends"))).put(profilePath(slug)).then(),
                "visibility.email", "must be one of everyone, connections, only-me");
    }

    @Test
    void an_unknown_link_type_is_refused_with_the_allowed_ones() {
        String slug = ScheduleFixtures.newEvent("wire");
        var body = new HashMap<>(fullProfile("Ada", Map.of()));
        body.put("links", List.of(Map.of("type", "website", "url", "https://ada.example"),
                Map.of("type", "myspace", "url", "https://myspace.com/ada")));

        invalidField(Api.attendee().body(body).put(profilePath(slug)).then(), "links.type[1]",
                "must be one of website, github, linkedin, mastodon, bluesky, x");
    }
}
