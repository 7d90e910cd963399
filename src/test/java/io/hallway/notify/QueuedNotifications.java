package io.hallway.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** For tests of other features: writes the notifications of the changes committed so far, as the worker would. */
@ApplicationScoped
public class QueuedNotifications {

    @Inject
    DeliveryWorker worker;

    public void write() {
        worker.fanOut();
    }
}
