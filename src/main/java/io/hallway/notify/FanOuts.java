package io.hallway.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.agenda.ChangeFeedGrew;
import io.hallway.common.SqlArrays;

/**
 * What a change means for each person it reached, queued in the transaction of the change and written as their
 * notifications right after: the only code that touches {@code notification_fan_out}.
 * <p>
 * The changing transaction collects its changes per person and kind, and just before it commits writes one row per
 * event, so a change rolled back makes no notification and a release to 9,000 people writes one row in the
 * organizer's request, not 9,000. Every replica's {@link DeliveryWorker} then takes an event's oldest row
 * ({@code FOR UPDATE SKIP LOCKED}), has {@link Outbox} write its notifications and deletes the row, in one
 * transaction: each row is written once, and one event's rows in order.
 */
@ApplicationScoped
class FanOuts {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TransactionManager transactionManager;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Adds the change to what this transaction collects for each recipient; just before the transaction commits
     * it is written as one fan-out row per event (see {@link CollectedChanges}); a transaction that rolls back
     * writes none.
     */
    void collect(@Observes ChangeFeedGrew grown) {
        NotificationKind.of(grown).ifPresent(kind -> collected().add(grown, kind));
    }

    private CollectedChanges collected() {
        CollectedChanges collected = (CollectedChanges) transactions.getResource(CollectedChanges.class);
        if (collected == null) {
            CollectedChanges fresh = new CollectedChanges();
            transactions.putResource(CollectedChanges.class, fresh);
            register(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        fresh.byEvent().forEach(FanOuts.this::queue);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            collected = fresh;
        }
        return collected;
    }

    private void register(Synchronization synchronization) {
        try {
            transactionManager.getTransaction().registerSynchronization(synchronization);
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("The transaction took no notifications", e);
        }
    }

    /** The people's collected changes in one event, as one fan-out row of the committing transaction. */
    private void queue(long eventId, Map<Long, CollectedChanges.Person> people) {
        // Through a connection of its own, closed here: the session has handed its connection back by now, and
        // one it took again would still be open at the commit. The pool gives this transaction's connection.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into notification_fan_out (event_id, parts) values (?, ?)")) {
            insert.setLong(1, eventId);
            insert.setString(2, json(CollectedChanges.stored(people)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The notifications of a change could not be queued", e);
        }
    }

    /** A fan-out row taken: its event and the people's parts. */
    private record FanOut(long id, long eventId, String parts) {
    }

    /** Which fan-out row a transaction took, for counting a failure against it. */
    record Taken(long id, long eventId) {
    }

    /** Failures after which a fan-out row is set aside, so that the event's later changes still go out. */
    static final int ATTEMPTS = 5;

    /**
     * Turns the oldest fan-out row of an event into its people's notifications, and deletes it; false when there
     * was none to take. {@code taking} learns the row first, so that a failure can be counted against it. Only an
     * event's oldest row is taken, and not while another worker holds it: one event's rows are written one at a
     * time, in order, so a person's notification starts at their first change and ends with the latest text. Run in
     * a transaction of its own, so the row goes exactly when its notifications are written.
     */
    boolean writeOldest(Set<Long> skippedEvents, Consumer<Taken> taking) {
        @SuppressWarnings("unchecked")
        List<FanOut> taken = entityManager.createNativeQuery("""
                select f.id, f.event_id, f.parts from notification_fan_out f
                where f.attempts < ?1 and f.event_id <> all (cast(?2 as bigint[]))
                and not exists (select 1 from notification_fan_out older
                    where older.event_id = f.event_id and older.id < f.id and older.attempts < ?1)
                order by f.id limit 1 for update skip locked""", FanOut.class)
                .setParameter(1, ATTEMPTS).setParameter(2, SqlArrays.of(skippedEvents)).getResultList();
        if (taken.isEmpty()) {
            return false;
        }
        FanOut fanOut = taken.get(0);
        taking.accept(new Taken(fanOut.id(), fanOut.eventId()));
        List<CollectedChanges.StoredPart> parts;
        try {
            parts = json.readValue(fanOut.parts(), new TypeReference<List<CollectedChanges.StoredPart>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A queued fan-out could not be read", e);
        }
        outbox.write(fanOut.eventId(), CollectedChanges.people(parts));
        entityManager.createNativeQuery("delete from notification_fan_out where id = ?1").setParameter(1, fanOut.id())
                .executeUpdate();
        return true;
    }

    /** Counts a failed attempt at a fan-out row; true when that was its last. */
    boolean failed(long id, String error) {
        Number attempts = (Number) entityManager.createNativeQuery("""
                update notification_fan_out set attempts = attempts + 1, last_error = ?2 where id = ?1
                returning attempts""").setParameter(1, id).setParameter(2, error).getSingleResult();
        return attempts.intValue() >= ATTEMPTS;
    }

    /** The person's part of every fan-out of the event not yet written, so that none is made for them after this. */
    void erase(long eventId, long userId) {
        entityManager.createNativeQuery("""
                update notification_fan_out set parts = coalesce((select cast(jsonb_agg(part) as text)
                    from jsonb_array_elements(cast(parts as jsonb)) part where cast(part ->> 'user_id' as bigint) <> ?2), '[]')
                where event_id = ?1
                and cast(parts as jsonb) @> jsonb_build_array(jsonb_build_object('user_id', cast(?2 as bigint)))""")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    void purge(long eventId) {
        entityManager.createNativeQuery("delete from notification_fan_out where event_id = ?1").setParameter(1, eventId)
                .executeUpdate();
    }

    private String json(List<?> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Collected notifications could not be queued", e);
        }
    }

}
