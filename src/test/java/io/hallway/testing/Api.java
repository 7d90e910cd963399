package io.hallway.testing;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Request starting points for each kind of caller. Responses come uncompressed unless a test asks for
 * gzip, so that what a test reads is what the server sent.
 */
public final class Api {

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return given().port(port()).contentType(ContentType.JSON)
                .config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    /** The management interface: health and metrics, on a port of their own. */
    public static RequestSpecification management() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }

    public static RequestSpecification organizer() {
        return as(Tokens.organizer());
    }

    public static RequestSpecification admin() {
        return as(Tokens.admin());
    }

    public static RequestSpecification attendee() {
        return as(Tokens.attendee());
    }

    public static RequestSpecification otherAttendee() {
        return as(Tokens.otherAttendee());
    }

    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    /**
     * The port the application under test listens on. Tests run on a random free port; RestAssured learns
     * it only before each test, which is too late for {@code @BeforeAll} set-up.
     */
    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
    }
}
