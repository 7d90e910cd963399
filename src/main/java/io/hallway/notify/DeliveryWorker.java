package io.hallway.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hallway.common.Caller;
import io.hallway.common.OneReplicaAtATime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
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
 * <p>
 * A replica shutting down (a rolling update) claims nothing more, finishes the sends in flight and hands back,
 * due at once, what it had claimed but not begun to send: the other replicas take it on their next poll instead
 * of after the lease.
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
    private static final String HANDED_BACK = "Not sent: the replica that claimed it was shutting down";

    /** This replica's name on the deliveries it claims. */
    final String replica = "replica-" + UUID.randomUUID();

    @Inject
    Outbox outbox;

    @Inject
    FanOuts fanOuts;

    @Inject
    NotifyConfig config;

    @Inject
    WebPush webPush;

    @Inject
    WebhookRelay webhooks;

    @Inject
    DeliveryMessages messages;

    @Inject
    ObjectMapper json;

    @Inject
    NotificationMetrics metrics;

    @Inject
    OneReplicaAtATime oneReplica;

    private ExecutorService senders;

    /** Held while a round of sealing and sending runs, so that shutting down can wait for its sends in flight. */
    private final ReentrantLock inFlight = new ReentrantLock();
    /** When this replica began to shut down; null while it runs. */
    private volatile Instant stoppingSince;

    @Scheduled(identity = "notification-delivery", every = "${hallway.notify.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        inFlight.lock();
        try {
            if (stoppingSince == null) {
                Instant now = Instant.now();
                seal(now);
                deliver(replica, now);
            }
        } finally {
            inFlight.unlock();
        }
    }

    /** Shutting down has begun (readiness is down, requests still drain): stop claiming now. */
    void stopClaiming(@Observes ShutdownDelayInitiatedEvent shutdownBegins) {
        if (stoppingSince == null) {
            stoppingSince = Instant.now();
            LOG.info("Shutting down: this replica claims no more notification deliveries");
        }
    }

    /**
     * Once requests have drained, waits for the round in flight: no longer than one send may take (connecting,
     * then the answer) from when shutting down began, which keeps the whole shutdown within the pod's grace period.
     * A round still running then keeps its claims until their lease runs out, as if the replica had died.
     */
    void drain(@Observes ShutdownEvent shutdown) {
        stopClaiming(null);
        Instant deadline = stoppingSince.plus(config.connectTimeout()).plus(config.sendTimeout());
        long wait = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        try {
            if (inFlight.tryLock(wait, TimeUnit.MILLISECONDS)) {
                inFlight.unlock();
            } else {
                LOG.warnf("Shut down with notifications in flight: their leases run out within %s", config.lease());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(identity = PRUNE_JOB, every = "1h", delayed = "1m")
    void prune() {
        oneReplica.run(PRUNE_JOB, () -> outbox.prune(Instant.now().minus(config.retention())))
                .filter(count -> count > 0).ifPresent(count -> LOG.infof("Pruned %d delivered notifications", count));
    }

    /**
     * Writes the notifications of every change committed so far, a fan-out row a transaction. A row that fails is
     * counted and tried again next round, its event's later rows waiting behind it; other events go on.
     */
    void fanOut() {
        Set<Long> failedEvents = new HashSet<>();
        while (true) {
            AtomicReference<FanOuts.Taken> taken = new AtomicReference<>();
            try {
                if (!QuarkusTransaction.requiringNew().call(() -> fanOuts.writeOldest(failedEvents, taken::set))) {
                    return;
                }
            } catch (RuntimeException e) {
                FanOuts.Taken failed = taken.get();
                if (failed == null) {
                    LOG.warn("Taking a queued fan-out failed; tried again next round", e);
                    return;
                }
                failedEvents.add(failed.eventId());
                if (QuarkusTransaction.requiringNew().call(() -> fanOuts.failed(failed.id(), String.valueOf(e)))) {
                    metrics.fanOutAbandoned();
                    LOG.errorf(e, "Fan-out %d failed %d times and is set aside: its people get no notification of"
                            + " that change (the error is in notification_fan_out.last_error)", failed.id(),
                            FanOuts.ATTEMPTS);
                } else {
                    LOG.warnf(e, "Fan-out %d failed; tried again next round", failed.id());
                }
            }
        }
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

    /** Sends, as {@code worker}, every delivery due by {@code asOf} that no other worker holds; the number claimed. */
    int deliver(String worker, Instant asOf) {
        return deliver(worker, asOf, () -> stoppingSince != null);
    }

    /**
     * As {@link #deliver(String, Instant)}, until {@code stopping} says so: from then on it claims nothing, and a
     * delivery of its batch that no sender has begun goes back to the others, due at once.
     */
    int deliver(String worker, Instant asOf, BooleanSupplier stopping) {
        int claimed = 0;
        while (!stopping.getAsBoolean()) {
            List<DeliveryMessages.Prepared> batch = QuarkusTransaction.requiringNew().call(
                    () -> messages.prepare(outbox.claim(worker, asOf, config.lease(), config.batchSize())));
            List<CompletableFuture<Attempt>> sending = batch.stream().map(prepared -> CompletableFuture.supplyAsync(
                    () -> stopping.getAsBoolean() ? new Attempt(prepared.delivery(), null) : attempt(prepared),
                    senders())).toList();
            List<Attempt> attempts = sending.stream().map(CompletableFuture::join).toList();
            QuarkusTransaction.requiringNew().run(() -> record(worker, attempts));
            claimed += batch.size();
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        return claimed;
    }

    /** One delivery tried: what the target answered; null when it was handed back unsent. */
    private record Attempt(Outbox.Claimed delivery, DeliveryOutcome outcome) {
    }

    private Attempt attempt(DeliveryMessages.Prepared prepared) {
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

    private void record(String worker, List<Attempt> attempts) {
        Instant now = Instant.now();
        Map<Long, Integer> delivered = new HashMap<>();
        attempts.stream().filter(attempt -> attempt.outcome() != null
                && attempt.outcome().result() == DeliveryOutcome.Result.DELIVERED)
                .forEach(attempt -> delivered.put(attempt.delivery().deliveryId(), attempt.outcome().status()));
        Set<Long> held = outbox.delivered(delivered, worker, now);
        for (Attempt attempt : attempts) {
            Outbox.Claimed delivery = attempt.delivery();
            DeliveryOutcome outcome = attempt.outcome();
            String channel = delivery.channel();
            if (outcome == null) {
                outbox.handBack(delivery.deliveryId(), worker, HANDED_BACK, now);
                continue;
            }
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
