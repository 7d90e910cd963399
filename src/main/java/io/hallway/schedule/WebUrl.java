package io.hallway.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * Web links: the one pattern for links people click (for Bean Validation's @Pattern), and the one place
 * that says where links to this service point. That is the configured {@code hallway.public-base-url},
 * never the Host (or X-Forwarded-*) header of a request: a caller must not choose where the links we hand
 * to others lead, nor make us keep a copy of a document per name it invents. Checked at startup, so a
 * replica without a usable base URL refuses to start rather than hand out wrong links.
 */
@Startup
@Singleton
public class WebUrl {

    public static final String PATTERN = "https?://[^\\s]+";
    public static final String MESSAGE = "must be an http or https URL";

    private final URI base;

    /**
     * A single service-wide key, read as a property: a {@code @ConfigMapping} at prefix "hallway" would claim
     * every hallway.* key as its own and refuse the ones no feature maps (such as the embedded database's).
     */
    @Inject
    WebUrl(@ConfigProperty(name = "hallway.public-base-url") Optional<String> publicBaseUrl) {
        this.base = publicBase(publicBaseUrl);
    }

    /** The public base URL of the service, ending in "/", for relative paths to resolve against. */
    public URI base() {
        return base;
    }

    /** The public link to a path of this service, given without a leading slash: {@code api/events/x}. */
    public String link(String path) {
        return base.resolve(path).toString();
    }

    /** Checks and normalises a configured base URL: absolute http(s), a host, no credentials, query or fragment. */
    static URI publicBase(Optional<String> configured) {
        String value = configured.map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new IllegalStateException("hallway.public-base-url is not set: set HALLWAY_PUBLIC_BASE_URL to the "
                    + "address clients reach this service at, such as https://hallway.example.org (every link the "
                    + "service hands out starts with it)");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw malformed(value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw malformed(value);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path + "/");
    }

    private static IllegalStateException malformed(String value) {
        return new IllegalStateException("hallway.public-base-url (HALLWAY_PUBLIC_BASE_URL) must be an absolute http "
                + "or https URL with a host and nothing after the path, such as https://hallway.example.org; it is '"
                + value + "'");
    }
}
