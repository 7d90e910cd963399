package io.hallway.interop;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hallway.interop")
public interface InteropConfig {

    /**
     * Hosts the server may fetch a schedule from; "*.example.com" also allows its subdomains. Nothing
     * else is fetched, so a source URL cannot reach into the private network.
     */
    @WithDefault("sessionize.com,pretalx.com")
    List<String> allowedHosts();

    /**
     * Hosts fetched even though they resolve to a loopback, private, link-local or other non-public address
     * (same form as allowedHosts); every other host must resolve to public addresses only.
     */
    Optional<List<String>> allowedPrivateHosts();

    /** Whether source URLs, and every redirect they take, must be https. */
    @WithDefault("true")
    boolean requireHttps();

    /** How long a fetch may take, from looking the host up to the last byte. */
    @WithDefault("10s")
    Duration fetchTimeout();

    /** The largest import document accepted, fetched or sent as the body. */
    @WithDefault("4M")
    MemorySize maxDocumentSize();
}
