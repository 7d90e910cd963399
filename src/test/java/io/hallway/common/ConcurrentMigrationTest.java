package io.hallway.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A rolling update, or the first deployment, starts several pods at once, each migrating at start
 * ({@code quarkus.flyway.migrate-at-start}): Flyway's lock in PostgreSQL lets one apply the migrations while the
 * others wait, then find nothing left to do.
 */
@QuarkusTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConcurrentMigrationTest {

    private static final int REPLICAS = 3;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @Test
    void replicas_starting_at_once_on_an_empty_database_apply_each_migration_once() throws Exception {
        String database = "migrate_at_once_" + UUID.randomUUID().toString().replace("-", "");
        String databaseUrl = url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        execute("create database " + database);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            CyclicBarrier together = new CyclicBarrier(REPLICAS);
            List<Future<MigrateResult>> starting = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                starting.add(replicas.submit(() -> {
                    Flyway flyway = Flyway.configure().dataSource(databaseUrl, user, password)
                            .locations(locations.toArray(String[]::new)).load();
                    together.await();
                    return flyway.migrate();
                }));
            }
            int executed = 0;
            for (Future<MigrateResult> replica : starting) {
                MigrateResult result = replica.get(2, TimeUnit.MINUTES);
                assertTrue(result.success, "every replica starts");
                executed += result.migrationsExecuted;
            }

            Flyway flyway = Flyway.configure().dataSource(databaseUrl, user, password)
                    .locations(locations.toArray(String[]::new)).load();
            int migrations = flyway.info().applied().length;
            assertTrue(migrations > 0);
            assertEquals(0, flyway.info().pending().length, "nothing left to apply");
            assertEquals(migrations, executed, "each migration applied by one replica only");
            try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                    ResultSet history = connection.createStatement().executeQuery(
                            "select count(*), count(distinct version) from flyway_schema_history"
                                    + " where success and version is not null")) {
                history.next();
                assertEquals(migrations, history.getInt(1));
                assertEquals(migrations, history.getInt(2), "once each");
            }
        } finally {
            replicas.shutdownNow();
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(statement);
        }
    }
}
