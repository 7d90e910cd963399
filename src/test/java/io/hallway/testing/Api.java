package io.hallway.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request starting points for each kind of caller. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification organizer() {
        return as(Tokens.organizer());
    }

    public static RequestSpecification attendee() {
        return as(Tokens.attendee());
    }

    public static RequestSpecification otherAttendee() {
        return as(Tokens.otherAttendee());
    }

    public static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }
}
