package io.hallway.notify;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** For tests of other features: writes the notifications of the changes committed so far, as the worker would. */
@ApplicationScoped
public class QueuedNotifications {

    @Inject
    DeliveryWorker worker;

    @Inject
    NotifyConfig config;

    public void write() {
        worker.fanOut();
    }

    /** Writes them and seals every notification, as the worker does once their windows close: their deliveries queue. */
    public void seal() {
        worker.seal(Instant.now().plus(config.collectWindow()));
    }
}
