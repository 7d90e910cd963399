package io.hallway.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.oidc.client.OidcTestClient;

/**
 * Real RS256 bearer tokens from the in-process OIDC dev server, one per test user (see the
 * quarkus.oidc.devservices.roles.* keys): olivia and otto organize, root is the operator (admin), ada, bruno,
 * zoe, hana, hugo and edith attend.
 */
public final class Tokens {

    private static final OidcTestClient CLIENT = new OidcTestClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String organizer() {
        return of("olivia");
    }

    /** The operator, with the admin realm role: every event. */
    public static String admin() {
        return of("root");
    }

    public static String attendee() {
        return of("ada");
    }

    public static String otherAttendee() {
        return of("bruno");
    }

    public static String of(String user) {
        return TOKENS.computeIfAbsent(user, name -> CLIENT.getAccessToken(name, name));
    }
}
