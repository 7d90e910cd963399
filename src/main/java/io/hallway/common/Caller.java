package io.hallway.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token. A person is their token's issuer and subject:
 * never an id taken from a path or a body.
 */
@RequestScoped
public class Caller {

    /** The stable key of a person across events and sessions. */
    public record UserKey(String issuer, String subject) {
    }

    @Inject
    JsonWebToken token;

    public UserKey key() {
        if (token == null || token.getSubject() == null || token.getIssuer() == null) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return new UserKey(token.getIssuer(), token.getSubject());
    }

    /** The name a person goes by, from their token: name, else preferred_username, else the subject. */
    public String displayName() {
        for (String claim : new String[] { "name", "preferred_username" }) {
            Object value = token.getClaim(claim);
            String text = value == null ? "" : value.toString().strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return key().subject();
    }
}
