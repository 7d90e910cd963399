package io.hallway.common;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;

import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Random secret keys that every replica shares without any configuration: the first replica to need a
 * purpose's key makes it and stores it in the database, every other replica and every restart reads that
 * one. Each replica reads each key once. Only this class touches {@code server_key}.
 */
@Singleton
public class ServerKeys {

    static final int KEY_BYTES = 32;

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, byte[]> keys;

    @Inject
    public ServerKeys(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        keys = ReplicaCaches.exact("server_keys", 100, registry);
    }

    /** The key for this purpose, the same on every replica; at least 32 random bytes. */
    public byte[] key(String purpose) {
        return keys.get(purpose, this::readOrCreate).clone();
    }

    private byte[] readOrCreate(String purpose) {
        byte[] candidate = new byte[KEY_BYTES];
        random.nextBytes(candidate);
        // In a transaction of its own, committed before the key is used: a key used but rolled back with the
        // caller's transaction would differ from the one the other replicas read. Replicas that start
        // together meet on the primary key; whichever insert lost reads the winner's key.
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into server_key (purpose, key) values (?, ?) on conflict (purpose) do nothing")) {
                    insert.setString(1, purpose);
                    insert.setBytes(2, candidate);
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement("select key from server_key where purpose = ?")) {
                    select.setString(1, purpose);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        return rows.getBytes(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the server key '" + purpose + "' failed", e);
            }
        });
    }
}
