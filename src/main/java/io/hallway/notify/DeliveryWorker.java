package io.hallway.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.Caller;
import io.hallway.common.OneReplicaAtATime;
import io.hallway.common.Users;
import io.hallway.schedule.Event;
import io.hallway.schedule.ScheduleCursors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Every replica runs one: it seals the notifications whose window has closed, claims due deliveries, sends
 * them in parallel and records each answer. No outbound call happens inside a request: an organizer's edit
 * only writes the outbox, however slow a push service is.
 * <p>
 * A push service's or relay's answer decides what comes next: delivered; gone (a 404 or 410 for a push
 * subscription removes it); try again later (429, 5xx, no answer: after the longer of its Retry-After and a
 * backoff that doubles with each attempt, with jitter, until {@code hallway.notify.max-attempts}); or refused
 * for good (dead, counted).
 */
@ApplicationScoped
class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final String PRUNE_JOB = "notification-prune";
    /** A push service keeps an undelivered message this long for a phone that is off: an hour covers a talk. */
    private static final Duration PUSH_TTL = Duration.ofHours(1);
    /**
     * Notifications sealed per statement: sealing is one set-based statement, so a release to thousands is sealed
     * in a few rounds and its deliveries start soon after its window closes.
     */
    private static final int SEAL_BATCH = 5_000;
    /** A stored error is for an operator to read, not a document. */
    private static final int ERROR_LENGTH = 500;

    /** This replica's name on the deliveries it claims. */
    final String replica = "replica-" + UUID.randomUUID();

    @Inject
    Outbox outbox;

    @Inject
    NotifyConfig config;

    @Inject
    WebPush webPush;

    @Inject
    WebhookRelay webhooks;

    @Inject
    ScheduleCursors cursors;

    @Inject
    Users users;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationMetrics metrics;

    @Inject
    OneReplicaAtATime oneReplica;

    private ExecutorService senders;

    @Scheduled(identity = "notification-delivery", every = "${hallway.notify.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        Instant now = Instant.now();
        seal(now);
        deliver(replica, now);
    }

    @Scheduled(identity = PRUNE_JOB, every = "1h", delayed = "1m")
    void prune() {
        oneReplica.run(PRUNE_JOB, () -> outbox.prune(Instant.now().minus(config.retention())))
                .filter(count -> count > 0).ifPresent(count -> LOG.infof("Pruned %d delivered notifications", count));
    }

    /** Writes the notifications of every change committed so far, a fan-out row a transaction. */
    void fanOut() {
        boolean more;
        do {
            more = QuarkusTransaction.requiringNew().call(outbox::fanOutOne);
        } while (more);
    }

    /**
     * Writes the notifications of every change committed so far, then seals every notification whose window has
     * closed by {@code asOf}; the number sealed.
     */
    long seal(Instant asOf) {
        fanOut();
        long sealed = 0;
        Outbox.Sealed round;
        do {
            round = QuarkusTransaction.requiringNew().call(() -> outbox.seal(asOf, SEAL_BATCH, webhooks.enabled()));
            sealed += round.notifications();
            metrics.queued(round.deliveries());
        } while (round.notifications() == SEAL_BATCH);
        return sealed;
    }

    /** Sends, as {@code worker}, every delivery due by {@code asOf} that no other worker holds; the number sent. */
    int deliver(String worker, Instant asOf) {
        int attempted = 0;
        List<Prepared> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(
                    () -> prepare(outbox.claim(worker, asOf, asOf.plus(config.lease()), config.batchSize())));
            List<CompletableFuture<Attempt>> sending = batch.stream()
                    .map(prepared -> CompletableFuture.supplyAsync(() -> attempt(prepared), senders())).toList();
            List<Attempt> attempts = sending.stream().map(CompletableFuture::join).toList();
            QuarkusTransaction.requiringNew().run(() -> record(worker, attempts));
            attempted += batch.size();
        } while (batch.size() == config.batchSize());
        return attempted;
    }

    /** A claimed delivery with its message, and for the relay, whom it is for. */
    private record Prepared(Outbox.Claimed delivery, NotificationMessage message, Caller.UserKey recipient) {
    }

    /** One delivery tried: what the target answered. */
    private record Attempt(Outbox.Claimed delivery, DeliveryOutcome outcome) {
    }

    private List<Prepared> prepare(List<Outbox.Claimed> claimed) {
        List<Long> relayed = claimed.stream().filter(delivery -> delivery.subscriptionId() == null)
                .map(Outbox.Claimed::userId).distinct().toList();
        Map<Long, Caller.UserKey> recipients = relayed.isEmpty() ? Map.of() : users.keys(relayed);
        Map<Long, Event> events = new HashMap<>();
        return claimed.stream().map(delivery -> new Prepared(delivery,
                message(delivery, events.computeIfAbsent(delivery.eventId(), id -> Event.findById(id))),
                recipients.get(delivery.userId()))).toList();
    }

    private Attempt attempt(Prepared prepared) {
        Outbox.Claimed delivery = prepared.delivery();
        NotificationMessage message = prepared.message();
        try {
            if (delivery.subscriptionId() != null) {
                return new Attempt(delivery, webPush.send(new WebPush.PushEndpoint(delivery.endpoint(),
                        delivery.p256dh(), delivery.auth()), json.writeValueAsBytes(message), PUSH_TTL, null));
            }
            Caller.UserKey recipient = prepared.recipient();
            return new Attempt(delivery, webhooks.send(message.id().toString(), json.writeValueAsBytes(
                    WebhookPayload.of(message, recipient.issuer(), recipient.subject()))));
        } catch (JsonProcessingException | RuntimeException e) {
            // A subscription whose keys no encryption accepts is refused for good, like any other bad request.
            LOG.warnf(e, "Notification %s could not be sent", message.id());
            return new Attempt(delivery,
                    new DeliveryOutcome(DeliveryOutcome.Result.REJECTED, 0, null, String.valueOf(e.getMessage())));
        }
    }

    private NotificationMessage message(Outbox.Claimed delivery, Event event) {
        NotificationKind kind = NotificationMessage.kind(delivery.kinds());
        long version = Math.min(delivery.firstRevision(), event.publicVersion());
        return new NotificationMessage(delivery.publicId(), event.slug, kind,
                NotificationMessage.text(kind, delivery.sessions(), delivery.entries(), delivery.latestText()),
                delivery.entries(), cursors.encode(event.id, version, delivery.firstEntryId() - 1),
                refreshWithin(delivery.userId()), delivery.createdAt().atZone(event.zone()).toOffsetDateTime());
    }

    /** Each person's own second within the spread, the same for every notification they get. */
    int refreshWithin(long userId) {
        long spread = Math.max(1, config.refreshSpread().toSeconds());
        return 1 + (int) Math.floorMod(Long.hashCode(userId * 0x9E3779B97F4A7C15L), spread);
    }

    private void record(String worker, List<Attempt> attempts) {
        Instant now = Instant.now();
        Map<Long, Integer> delivered = new HashMap<>();
        attempts.stream().filter(attempt -> attempt.outcome().result() == DeliveryOutcome.Result.DELIVERED)
                .forEach(attempt -> delivered.put(attempt.delivery().deliveryId(), attempt.outcome().status()));
        Set<Long> held = outbox.delivered(delivered, worker, now);
        for (Attempt attempt : attempts) {
            Outbox.Claimed delivery = attempt.delivery();
            DeliveryOutcome outcome = attempt.outcome();
            String channel = delivery.channel();
            switch (outcome.result()) {
                case DELIVERED -> {
                    if (held.contains(delivery.deliveryId())) {
                        metrics.delivered(channel, Duration.between(delivery.createdAt(), now));
                    }
                }
                case GONE -> {
                    if (delivery.subscriptionId() != null) {
                        PushSubscription.deleteById(delivery.subscriptionId());
                        metrics.subscriptionGone();
                    } else if (outbox.dead(delivery.deliveryId(), worker, outcome.status(), detail(outcome), now)) {
                        metrics.dead(channel);
                    }
                }
                case RETRY -> {
                    if (delivery.attempts() >= config.maxAttempts()) {
                        if (outbox.dead(delivery.deliveryId(), worker, outcome.status(), detail(outcome), now)) {
                            metrics.dead(channel);
                        }
                    } else if (outbox.retryAt(delivery.deliveryId(), worker, outcome.status(), detail(outcome),
                            now.plus(wait(delivery.attempts(), outcome.retryAfter())))) {
                        metrics.retried(channel);
                    }
                }
                case REJECTED -> {
                    if (outbox.dead(delivery.deliveryId(), worker, outcome.status(), detail(outcome), now)) {
                        metrics.dead(channel);
                    }
                }
            }
        }
    }

    /**
     * The wait before the next attempt: the backoff doubles with each attempt, and a random part of it keeps the
     * retries of one outage from arriving together; a longer Retry-After wins. Never beyond the longest retry.
     */
    Duration wait(int attempts, Duration retryAfter) {
        long base = config.firstRetry().toMillis() << Math.min(attempts - 1, 20);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long wait = Math.max(jittered, retryAfter == null ? 0 : retryAfter.toMillis());
        return Duration.ofMillis(Math.min(wait, config.longestRetry().toMillis()));
    }

    private static String detail(DeliveryOutcome outcome) {
        String detail = outcome.detail();
        return detail == null || detail.length() <= ERROR_LENGTH ? detail : detail.substring(0, ERROR_LENGTH);
    }

    private synchronized ExecutorService senders() {
        if (senders == null) {
            AtomicInteger count = new AtomicInteger();
            senders = Executors.newFixedThreadPool(config.senders(), task -> {
                Thread thread = new Thread(task, "notification-sender-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return senders;
    }

    @PreDestroy
    synchronized void stop() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }
}
