package io.hallway.live;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hallway.common.OneReplicaAtATime;
import io.quarkus.scheduler.Scheduled;

/**
 * Brings announcements posted for later to their audience's change feeds when they start: one replica at a time,
 * every {@code hallway.live.announcement-delivery-interval}. One that starts at once is delivered as it is posted.
 */
@ApplicationScoped
class AnnouncementDelivery {

    private static final Logger LOG = Logger.getLogger(AnnouncementDelivery.class);
    private static final String JOB = "announcement-delivery";

    @Inject
    OneReplicaAtATime oneReplica;

    @Inject
    Announcements announcements;

    @Inject
    LiveClock clock;

    @Scheduled(identity = JOB, every = "${hallway.live.announcement-delivery-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverStarted() {
        oneReplica.run(JOB, () -> {
            Instant now = clock.now();
            List<Announcement> due = Announcement.list("deliveredAt is null and startsAt <= ?1", now);
            due.forEach(announcement -> announcements.deliver(announcement, now));
            return due.size();
        }).filter(count -> count > 0).ifPresent(count -> LOG.infof("Delivered %d announcements", count));
    }
}
