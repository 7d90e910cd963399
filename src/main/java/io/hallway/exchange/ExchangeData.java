package io.hallway.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.hallway.people.PersonalData;
import io.hallway.people.PersonalData.AfterPurge;
import io.hallway.people.PersonalSection;

/**
 * The exchange's personal data: my side of each connection (with my note and star), the connections I removed that
 * the other person kept, my codes, and the rate-limit windows and idempotency keys of my scans. Erasing a connection
 * erases it for both sides.
 */
@Singleton
class ExchangeData {

    /** My side of a connection: nothing of the other person's profile, which is theirs. */
    record MyConnection(long id, Instant connectedAt, ConnectionVia via,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant scannedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) ConnectionView.Place where,
            boolean sharingBack, @JsonInclude(JsonInclude.Include.NON_NULL) String note, boolean starred) {
    }

    /** When one of my codes was issued, and what became of it; never the code. */
    record MyToken(Instant issuedAt, Instant expiresAt, Instant redeemedAt, Instant revokedAt) {
    }

    /**
     * A connection I removed while the other person kept it: the pair still names me until they remove it too or
     * one of us erases their data. When and how we met only; who it was is theirs to keep.
     */
    record RemovedConnection(long id, Instant connectedAt, String via,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant scannedAt) {
    }

    record Export(List<MyConnection> connections, List<RemovedConnection> removedConnections,
            List<MyToken> exchangeTokens) {
    }

    @Inject
    Connections connections;

    @Inject
    EntityManager entityManager;

    @Produces
    @Singleton
    PersonalData exchange() {
        return new PersonalSection("exchange", Map.of("connection", AfterPurge.NONE, "connection_member",
                AfterPurge.NONE, "exchange_token", AfterPurge.NONE, "exchange_idempotency", AfterPurge.NONE,
                "exchange_rate_limit", AfterPurge.NONE), this::holds, this::export, this::erase, this::purge);
    }

    private boolean holds(long eventId, long userId) {
        return (Boolean) entityManager.createNativeQuery("""
                select exists (select 1 from connection where event_id = ?1 and (user_low = ?2 or user_high = ?2))
                    or exists (select 1 from exchange_token where event_id = ?1 and owner_id = ?2)
                    or exists (select 1 from exchange_idempotency where event_id = ?1 and user_id = ?2)
                    or exists (select 1 from exchange_rate_limit where event_id = ?1 and user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).getSingleResult();
    }

    private Export export(long eventId, long userId) {
        List<MyConnection> mine = connections.list(eventId, userId).stream().map(Connections.Row::view)
                .map(c -> new MyConnection(c.id(), c.connectedAt(), c.via(), c.scannedAt(), c.where(), c.sharingBack(), c.note(), c.starred()))
                .toList();
        @SuppressWarnings("unchecked")
        List<RemovedConnection> removed = entityManager.createNativeQuery("""
                select c.id, c.created_at, c.via, c.scanned_at from connection c
                where c.event_id = ?1 and (c.user_low = ?2 or c.user_high = ?2)
                    and not exists (select 1 from connection_member m where m.connection_id = c.id and m.user_id = ?2)
                order by c.created_at, c.id""", RemovedConnection.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        List<MyToken> tokens = entityManager.createNativeQuery("""
                select issued_at, expires_at, redeemed_at, revoked_at from exchange_token
                where event_id = ?1 and owner_id = ?2 order by issued_at""", MyToken.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return new Export(mine, removed, tokens);
    }

    private void erase(long eventId, long userId) {
        for (String delete : List.of(
                // members and idempotency keys of these connections go with them (on delete cascade)
                "delete from connection where event_id = ?1 and (user_low = ?2 or user_high = ?2)",
                "delete from exchange_token where event_id = ?1 and owner_id = ?2",
                "delete from exchange_idempotency where event_id = ?1 and user_id = ?2",
                "delete from exchange_rate_limit where event_id = ?1 and user_id = ?2")) {
            entityManager.createNativeQuery(delete).setParameter(1, eventId).setParameter(2, userId).executeUpdate();
        }
    }

    private Map<String, Long> purge(long eventId) {
        long connectionsDeleted = delete("delete from connection where event_id = ?1", eventId);
        long tokens = delete("delete from exchange_token where event_id = ?1", eventId);
        delete("delete from exchange_idempotency where event_id = ?1", eventId);
        delete("delete from exchange_rate_limit where event_id = ?1", eventId);
        return Map.of("connections", connectionsDeleted, "exchangeTokens", tokens);
    }

    private long delete(String sql, long eventId) {
        return entityManager.createNativeQuery(sql).setParameter(1, eventId).executeUpdate();
    }
}
