package io.hallway.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The check behind hallway.public-base-url, which production runs at startup (dev and test set a default). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebUrlTest {

    @Test
    void a_missing_base_url_refuses_start_and_says_how_to_set_it() {
        for (Optional<String> missing : java.util.List.of(Optional.<String> empty(), Optional.of("  "))) {
            var refused = assertThrows(IllegalStateException.class, () -> WebUrl.publicBase(missing));
            assertThat(refused.getMessage(), containsString("HALLWAY_PUBLIC_BASE_URL"));
            assertThat(refused.getMessage(), containsString("hallway.public-base-url"));
        }
    }

    @Test
    void a_base_url_that_is_not_an_absolute_http_or_https_url_refuses_start() {
        for (String malformed : new String[] { "hallway.example.org", "/api", "ftp://hallway.example.org",
                "https://", "https:hallway", "https://user:secret@hallway.example.org",
                "https://hallway.example.org/?x=1", "https://hallway.example.org/#top", "https://hall way.org" }) {
            var refused = assertThrows(IllegalStateException.class, () -> WebUrl.publicBase(Optional.of(malformed)),
                    malformed);
            assertThat(refused.getMessage(), containsString("must be an absolute http or https URL"));
        }
    }

    @Test
    void the_base_url_is_normalised_to_end_in_exactly_one_slash() {
        assertEquals("https://hallway.example.org/", WebUrl.publicBase(Optional.of("https://hallway.example.org")).toString());
        assertEquals("https://hallway.example.org/", WebUrl.publicBase(Optional.of(" HTTPS://hallway.example.org/ ")).toString());
        assertEquals("http://localhost:8080/hallway/",
                WebUrl.publicBase(Optional.of("http://localhost:8080/hallway//")).toString());
        assertEquals("https://hallway.example.org/api/events/x",
                WebUrl.publicBase(Optional.of("https://hallway.example.org/")).resolve("api/events/x").toString());
    }
}
