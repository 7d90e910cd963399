package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's first admin call is Olivia's, on the demo event ("olivia: runs the event"): dev mode's demo data must
 * make her its owner, or every admin example answers the 404 of an event outside her teams. The demo files run here
 * on a scratch database, as dev mode runs them.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DemoDataTest {

    private static final String DEV_ISSUER = "http://localhost:41234";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void olivia_owns_the_demo_event_and_nobody_else_is_on_its_team() throws Exception {
        withDemoDatabase(databaseUrl -> assertEquals(List.of("olivia owner Olivia"), team(databaseUrl)));
    }

    @Test
    void starting_again_keeps_one_owner_per_sign_in() throws Exception {
        withDemoDatabase(databaseUrl -> {
            migrate(databaseUrl);
            assertEquals(List.of("olivia owner Olivia"), team(databaseUrl));
        });
    }

    @Test
    void the_demo_loads_again_after_the_events_people_data_was_purged() throws Exception {
        withDemoDatabase(databaseUrl -> {
            // What the retention purge (POST .../people/purge, open for the demo event long over) leaves behind.
            execute(databaseUrl, """
                    delete from meeting; delete from suggestion_term; delete from suggestion_setting;
                    delete from bookmark; delete from profile""");
            migrate(databaseUrl);
            assertEquals(1L, count(databaseUrl, "select count(*) from meeting where status = 'accepted'"));
            assertEquals(5L, count(databaseUrl, "select count(*) from suggestion_setting"));
            migrate(databaseUrl);
            assertEquals(1L, count(databaseUrl, "select count(*) from meeting"), "one demo meet-up, however often it runs");
        });
    }

    private long count(String databaseUrl, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                ResultSet rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String databaseUrl, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password)) {
            connection.createStatement().execute(statement);
        }
    }

    private interface DemoCheck {
        void check(String databaseUrl) throws Exception;
    }

    private void withDemoDatabase(DemoCheck check) throws Exception {
        String database = "demo_data_" + UUID.randomUUID().toString().replace("-", "");
        String databaseUrl = url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        execute("create database " + database);
        try {
            migrate(databaseUrl);
            check.check(databaseUrl);
        } finally {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private void migrate(String databaseUrl) {
        Flyway.configure().dataSource(databaseUrl, user, password).locations("db/migration", "db/demo")
                .placeholders(Map.of("dev_issuer", DEV_ISSUER)).load().migrate();
    }

    private List<String> team(String databaseUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                PreparedStatement query = connection.prepareStatement("""
                        select u.issuer, u.subject, m.role, m.display_name
                        from event_member m join event e on e.id = m.event_id join app_user u on u.id = m.user_id
                        where e.slug = 'rejekts-na-2024'
                        order by u.subject""")) {
            List<String> members = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String who = rows.getString(1).equals(DEV_ISSUER) ? rows.getString(2) : rows.getString(1) + " " + rows.getString(2);
                    members.add(who + " " + rows.getString(3) + " " + rows.getString(4));
                }
            }
            return members;
        }
    }

    private void execute(String statement) throws SQLException {
        execute(url, statement);
    }
}
