package io.hallway.notify;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The delivery figures an operator watches, per channel ({@code web-push}, {@code webhook}): deliveries queued,
 * delivered, retried and given up (dead), and the time from the change to its delivery. Each replica counts
 * its own; Prometheus adds them up.
 */
@ApplicationScoped
class NotificationMetrics {

    private final MeterRegistry registry;
    private final Counter queued;
    private final Counter subscriptionsGone;
    private final Counter fanOutsAbandoned;

    @Inject
    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        queued = Counter.builder("hallway.notifications.queued").description("Deliveries queued for sealed notifications")
                .register(registry);
        subscriptionsGone = Counter.builder("hallway.notifications.subscriptions.gone")
                .description("Push subscriptions removed because their push service answered 404 or 410")
                .register(registry);
        fanOutsAbandoned = Counter.builder("hallway.notifications.fanouts.abandoned")
                .description("Changes whose notifications could not be written after every attempt").register(registry);
    }

    void queued(long deliveries) {
        queued.increment(deliveries);
    }

    void delivered(String channel, Duration sinceChange) {
        counter("hallway.notifications.delivered", "Deliveries a target accepted", channel).increment();
        Timer.builder("hallway.notifications.delivery.latency")
                .description("From the change that made a notification to its delivery").tag("channel", channel)
                .publishPercentiles(0.5, 0.95, 0.99).register(registry).record(sinceChange);
    }

    void retried(String channel) {
        counter("hallway.notifications.retried", "Deliveries to try again later", channel).increment();
    }

    void dead(String channel) {
        counter("hallway.notifications.dead", "Deliveries given up after their last attempt or a permanent refusal",
                channel).increment();
    }

    void fanOutAbandoned() {
        fanOutsAbandoned.increment();
    }

    void subscriptionGone() {
        subscriptionsGone.increment();
    }

    private Counter counter(String name, String description, String channel) {
        return Counter.builder(name).description(description).tag("channel", channel).register(registry);
    }
}
