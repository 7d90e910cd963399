package io.hallway.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives dev mode and the tests a real PostgreSQL when no datasource is configured: an embedded server
 * started from Maven Central binaries, so a machine with only a JDK can run the service and its tests.
 * Production never starts one; there, a missing datasource URL is a start-up error.
 * <p>
 * The server is started once per JVM and its URL kept in a system property: live reloads and test
 * profiles build new class loaders and call this factory again, and must reuse it rather than leak
 * another postgres process. The server's own shutdown hook stops it and deletes its temporary data
 * directory when the JVM exits.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL_PROPERTY = "hallway.embedded-postgres.jdbc-url";
    private static final List<String> EMBEDDED_PROFILES = List.of("dev", "test");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean embeddedProfile = context.getProfiles().stream().anyMatch(EMBEDDED_PROFILES::contains);
        var configuredUrl = context.getValue("quarkus.datasource.jdbc.url");
        if (!embeddedProfile || (configuredUrl != null && configuredUrl.getValue() != null)) {
            return List.of();
        }
        String url = startOncePerJvm();
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"),
                "hallway-embedded-postgres", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static String startOncePerJvm() {
        // System properties are the one map every class loader of this JVM shares.
        synchronized (System.getProperties()) {
            String running = System.getProperty(JDBC_URL_PROPERTY);
            if (running != null) {
                return running;
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                String url = postgres.getJdbcUrl("postgres", "postgres");
                System.setProperty(JDBC_URL_PROPERTY, url);
                return url;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
    }
}
