package io.hallway.testing;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.response.ValidatableResponse;

/** What a client sees when one value of its request is refused. */
public final class Refusals {

    private Refusals() {
    }

    /** A 400 invalid-request problem naming the one field and saying what it must be. */
    public static ValidatableResponse invalidField(ValidatableResponse response, String field, String message) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:hallway:problem:invalid-request"))
                .body("detail", is(field + ": " + message))
                .body("violations", hasSize(1))
                .body("violations[0].field", is(field))
                .body("violations[0].message", is(message));
    }
}
