package io.hallway.people;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.hallway.common.OneReplicaAtATime;
import io.hallway.schedule.Event;
import io.quarkus.scheduler.Scheduled;

/**
 * Purges the personal data of every event whose retention period is over, on a schedule, so it goes even
 * when no organizer asks. One replica at a time; an event with nothing left costs a few empty deletes.
 */
@ApplicationScoped
class RetentionPurge {

    static final String JOB = "people.retention-purge";

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    @Inject
    OneReplicaAtATime oneReplica;

    @Inject
    RetentionPeriods retention;

    @Inject
    PersonalDataPurge purge;

    @Scheduled(identity = JOB, every = "${hallway.people.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purgeDue(Instant.now());
    }

    /**
     * Purges every event whose retention period is over at the instant. The events where something was
     * deleted, by slug, with what; empty when another replica is purging right now.
     */
    Optional<Map<String, Map<String, Long>>> purgeDue(Instant now) {
        return oneReplica.run(JOB, () -> {
            Map<String, Map<String, Long>> purged = new TreeMap<>();
            for (Event event : Event.<Event> listAll()) {
                if (now.isBefore(retention.purgeableFrom(event.id))) {
                    continue;
                }
                Map<String, Long> counts = purge.purge(event.id);
                if (counts.values().stream().anyMatch(rows -> rows > 0)) {
                    LOG.infof("Purged the personal data of %s, its retention period being over: %s", event.slug, counts);
                    purged.put(event.slug, counts);
                }
            }
            return purged;
        });
    }
}
