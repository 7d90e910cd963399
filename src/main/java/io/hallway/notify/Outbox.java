package io.hallway.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.SqlArrays;

/**
 * The notifications outbox: the only code that writes {@code notification} and {@code notification_delivery}.
 * <p>
 * {@link FanOuts} hands it each person's collected changes right after the change committed. A notification stays
 * open for {@code hallway.notify.collect-window}, collecting the person's further changes; then any replica's worker
 * seals it and queues one delivery per target. Workers claim due deliveries with {@code FOR UPDATE SKIP LOCKED} and
 * a lease: replicas share the work, no delivery is held by two at once, and one whose worker died is claimed again
 * once its lease has run out.
 */
@ApplicationScoped
class Outbox {

    /** A claimed delivery with what its message is made of. */
    record Claimed(long deliveryId, String channel, Long subscriptionId, int attempts, UUID publicId, long eventId,
            long userId, String kinds, int sessions, int entries, String latestText, long firstEntryId,
            long firstRevision, Instant createdAt, String endpoint, String p256dh, String auth) {
    }

    /** What sealing did: notifications sealed, and deliveries queued for them. */
    record Sealed(long notifications, long deliveries) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    NotifyConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * Adds each person's collected changes to their open notification, or opens one, leaving out the kinds they
     * turned off and anyone whose account is gone by now. The window starts as the notification is written.
     */
    void write(long eventId, Map<Long, CollectedChanges.Person> people) {
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, Set<NotificationKind>> turnedOff = turnedOff(connection, eventId, people.keySet());
            List<CollectedChanges.Row> wanted = people.values().stream()
                    .map(person -> person.without(turnedOff.getOrDefault(person.userId(), Set.of())))
                    // In person order: two statements upserting overlapping people then lock them in the same order.
                    .flatMap(Optional::stream).sorted(Comparator.comparingLong(CollectedChanges.Row::userId)).toList();
            if (wanted.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into notification as n (user_id, event_id, kinds, session_ids, entries, latest_text,
                        first_entry_id, first_revision, collect_until)
                    select r.user_id, ?, r.kinds, r.session_ids, r.entries, r.latest_text, r.first_entry_id,
                        r.first_revision, clock_timestamp() + ? * interval '1 millisecond'
                    from jsonb_to_recordset(cast(? as jsonb)) as r (user_id bigint, kinds text[], session_ids bigint[],
                        entries integer, latest_text text, first_entry_id bigint, first_revision bigint)
                    where exists (select 1 from app_user u where u.id = r.user_id)
                    on conflict (event_id, user_id) where sealed_at is null do update set
                        kinds = array(select distinct unnest(n.kinds || excluded.kinds)),
                        session_ids = array(select distinct unnest(n.session_ids || excluded.session_ids)),
                        entries = n.entries + excluded.entries,
                        first_entry_id = least(n.first_entry_id, excluded.first_entry_id),
                        first_revision = least(n.first_revision, excluded.first_revision),
                        latest_text = excluded.latest_text""")) {
                insert.setLong(1, eventId);
                insert.setLong(2, config.collectWindow().toMillis());
                insert.setString(3, json(wanted));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The notifications of a change could not be written", e);
        }
    }

    /** The kinds each of these people turned off in the event; nobody without a choice is in it. */
    private static Map<Long, Set<NotificationKind>> turnedOff(Connection connection, long eventId, Set<Long> userIds)
            throws SQLException {
        Map<Long, Set<NotificationKind>> turnedOff = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select user_id, session_changes, delays, announcements, meetings from notification_preference
                where event_id = ? and user_id = any (cast(? as bigint[]))""")) {
            select.setLong(1, eventId);
            select.setString(2, SqlArrays.of(userIds));
            try (ResultSet choices = select.executeQuery()) {
                NotificationKind[] kinds = { NotificationKind.SCHEDULE, NotificationKind.DELAY,
                        NotificationKind.ANNOUNCEMENT, NotificationKind.MEETING };
                while (choices.next()) {
                    Set<NotificationKind> off = EnumSet.noneOf(NotificationKind.class);
                    for (int i = 0; i < kinds.length; i++) {
                        if (!choices.getBoolean(i + 2)) {
                            off.add(kinds[i]);
                        }
                    }
                    turnedOff.put(choices.getLong(1), off);
                }
            }
        }
        return turnedOff;
    }

    /**
     * Seals up to {@code limit} notifications whose window has closed by {@code asOf} and queues their
     * deliveries: one per push subscription the person has in the event, and one to the webhook relay if
     * there is one. One still taking a change is locked by that change and waits for the next round.
     */
    Sealed seal(Instant asOf, int limit, boolean toWebhook) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                with sealed as (
                    update notification n set sealed_at = ?1
                    where n.id in (select id from notification where sealed_at is null and collect_until <= ?1
                        order by collect_until limit ?2 for update skip locked)
                    returning n.id, n.event_id, n.user_id
                ), pushes as (
                    insert into notification_delivery (notification_id, channel, subscription_id, due_at)
                    select s.id, 'web-push', p.id, ?1 from sealed s
                    join push_subscription p on p.event_id = s.event_id and p.user_id = s.user_id
                    returning 1
                ), hooks as (
                    insert into notification_delivery (notification_id, channel, due_at)
                    select s.id, 'webhook', ?1 from sealed s where cast(?3 as boolean)
                    returning 1
                )
                select (select count(*) from sealed), (select count(*) from pushes) + (select count(*) from hooks)""")
                .setParameter(1, asOf).setParameter(2, limit).setParameter(3, toWebhook).getSingleResult();
        return new Sealed(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    /**
     * Claims up to {@code limit} deliveries due by {@code asOf} that no live lease holds, for {@code worker}, each
     * claim counting as an attempt. The lease runs {@code lease} from the claim, not from {@code asOf}: a round that
     * began long ago (many batches, a slow push service) would otherwise claim rows whose lease has already run
     * out, and another replica would send them too.
     */
    List<Claimed> claim(String worker, Instant asOf, Duration lease, int limit) {
        Instant now = Instant.now();
        Instant leaseUntil = (asOf.isAfter(now) ? asOf : now).plus(lease);
        @SuppressWarnings("unchecked")
        List<Claimed> claimed = entityManager.createNativeQuery("""
                with due as (
                    select id from notification_delivery
                    where state = 'pending' and due_at <= ?1 and (lease_until is null or lease_until <= ?1)
                    order by due_at, id limit ?2 for update skip locked
                ), claimed as (
                    update notification_delivery d set claimed_by = ?3, lease_until = ?4, attempts = d.attempts + 1
                    from due where d.id = due.id
                    returning d.id, d.notification_id, d.channel, d.subscription_id, d.attempts
                )
                select c.id, c.channel, c.subscription_id, c.attempts, n.public_id, n.event_id, n.user_id,
                    array_to_string(n.kinds, ','), cardinality(n.session_ids), n.entries, n.latest_text,
                    n.first_entry_id, n.first_revision, n.created_at, p.endpoint, p.p256dh, p.auth
                from claimed c join notification n on n.id = c.notification_id
                left join push_subscription p on p.id = c.subscription_id
                order by c.id""", Claimed.class)
                .setParameter(1, asOf).setParameter(2, limit).setParameter(3, worker).setParameter(4, leaseUntil)
                .getResultList();
        return claimed;
    }

    /**
     * Marks a batch delivered, each with the status it was answered with, where the worker still held it: one whose
     * lease ran out may have gone to another worker. The ids it held.
     */
    Set<Long> delivered(Map<Long, Integer> statusByDelivery, String worker, Instant at) {
        if (statusByDelivery.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = List.copyOf(statusByDelivery.keySet());
        @SuppressWarnings("unchecked")
        List<Number> held = entityManager.createNativeQuery("""
                update notification_delivery d set state = 'delivered', finished_at = ?3, claimed_by = null,
                    lease_until = null, last_status = answered.status, last_error = null
                from unnest(cast(?1 as bigint[]), cast(?2 as int[])) as answered (id, status)
                where d.id = answered.id and d.claimed_by = ?4 and d.state = 'pending'
                returning d.id""")
                .setParameter(1, SqlArrays.of(ids))
                .setParameter(2, SqlArrays.of(ids.stream().map(statusByDelivery::get).toList()))
                .setParameter(3, at).setParameter(4, worker).getResultList();
        return held.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    boolean dead(long deliveryId, String worker, int status, String error, Instant at) {
        return finish(deliveryId, worker, "dead", status, error, at);
    }

    boolean retryAt(long deliveryId, String worker, int status, String error, Instant due) {
        return entityManager.createNativeQuery("""
                update notification_delivery set due_at = ?3, claimed_by = null, lease_until = null,
                    last_status = ?4, last_error = ?5
                where id = ?1 and claimed_by = ?2 and state = 'pending'""")
                .setParameter(1, deliveryId).setParameter(2, worker).setParameter(3, due).setParameter(4, status)
                .setParameter(5, error).executeUpdate() == 1;
    }

    /**
     * Gives a claimed delivery that was never sent back to every replica, due now; the claim's attempt is not
     * counted, since nothing was tried.
     */
    void handBack(long deliveryId, String worker, String reason, Instant now) {
        entityManager.createNativeQuery("""
                update notification_delivery set due_at = ?3, claimed_by = null, lease_until = null,
                    attempts = attempts - 1, last_error = ?4
                where id = ?1 and claimed_by = ?2 and state = 'pending'""")
                .setParameter(1, deliveryId).setParameter(2, worker).setParameter(3, now).setParameter(4, reason)
                .executeUpdate();
    }

    private boolean finish(long deliveryId, String worker, String state, int status, String error, Instant at) {
        return entityManager.createNativeQuery("""
                update notification_delivery set state = ?3, finished_at = ?4, claimed_by = null, lease_until = null,
                    last_status = ?5, last_error = ?6
                where id = ?1 and claimed_by = ?2 and state = 'pending'""")
                .setParameter(1, deliveryId).setParameter(2, worker).setParameter(3, state).setParameter(4, at)
                .setParameter(5, status).setParameter(6, error).executeUpdate() == 1;
    }

    /**
     * A browser that changed hands: the deliveries still waiting to go to it carry the previous person's news, and
     * must not reach the next person's screen.
     */
    void forgetPendingTo(long subscriptionId) {
        entityManager.createNativeQuery("""
                delete from notification_delivery where subscription_id = ?1 and state = 'pending'""")
                .setParameter(1, subscriptionId).executeUpdate();
    }

    /** Deletes notifications sealed before {@code cutoff} with nothing left to deliver; their deliveries go with them. */
    int prune(Instant cutoff) {
        return entityManager.createNativeQuery("""
                delete from notification n where sealed_at < ?1
                and not exists (select 1 from notification_delivery d where d.notification_id = n.id and d.state = 'pending')""")
                .setParameter(1, cutoff).executeUpdate();
    }

    /** A notification as its person sees it in their export: what it said, and how far it got. */
    record Sent(UUID id, String kinds, int changes, String latestText, Instant createdAt, Instant sealedAt,
            long deliveriesDelivered, long deliveriesPending, long deliveriesDead) {
    }

    List<Sent> of(long eventId, long userId) {
        @SuppressWarnings("unchecked")
        List<Sent> sent = entityManager.createNativeQuery("""
                select n.public_id, array_to_string(n.kinds, ','), n.entries, n.latest_text, n.created_at, n.sealed_at,
                    count(d.id) filter (where d.state = 'delivered'), count(d.id) filter (where d.state = 'pending'),
                    count(d.id) filter (where d.state = 'dead')
                from notification n left join notification_delivery d on d.notification_id = n.id
                where n.event_id = ?1 and n.user_id = ?2
                group by n.id order by n.id""", Sent.class)
                .setParameter(1, eventId).setParameter(2, userId).getResultList();
        return sent;
    }

    boolean holds(long eventId, long userId) {
        return !entityManager.createNativeQuery("select 1 from notification where event_id = ?1 and user_id = ?2 limit 1")
                .setParameter(1, eventId).setParameter(2, userId).getResultList().isEmpty();
    }

    /** The person's notifications in the event, open or sealed, and with them their deliveries. */
    long erase(long eventId, long userId) {
        return entityManager.createNativeQuery("delete from notification where event_id = ?1 and user_id = ?2")
                .setParameter(1, eventId).setParameter(2, userId).executeUpdate();
    }

    long purge(long eventId) {
        return entityManager.createNativeQuery("delete from notification where event_id = ?1")
                .setParameter(1, eventId).executeUpdate();
    }

    private String json(List<?> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Collected notifications could not be written", e);
        }
    }

}
