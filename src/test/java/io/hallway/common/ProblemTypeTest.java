package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProblemTypeTest {

    @Test
    void each_type_has_a_uri_of_its_own_a_title_and_an_error_status() {
        Set<String> uris = new HashSet<>();
        for (ProblemType type : ProblemType.values()) {
            assertTrue(type.uri().toString().matches("urn:hallway:problem:[a-z0-9]+(-[a-z0-9]+)*"), type.uri().toString());
            assertTrue(uris.add(type.uri().toString()), type + " shares its URI with another type");
            assertTrue(!type.title().isBlank() && type.status() >= 400 && type.status() < 600, type.toString());
        }
    }

    @Test
    void a_status_the_http_layer_refuses_with_maps_to_the_type_of_that_status() {
        for (int status = 400; status < 500; status++) {
            ProblemType type = ProblemType.forHttpStatus(status);
            assertTrue(type == ProblemType.REQUEST_FAILED || type.status() == status, status + " -> " + type);
        }
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forHttpStatus(404));
        assertEquals(ProblemType.REQUEST_FAILED, ProblemType.forHttpStatus(418));
    }
}
