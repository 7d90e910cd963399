package io.hallway.people;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.hallway.audit.AuditAction;
import io.hallway.audit.AuditLog;
import io.hallway.audit.AuditResource;

/** Deletes an event's personal data, every feature's part ({@link PersonalData}) in one transaction. */
@ApplicationScoped
class PersonalDataPurge {

    @Inject
    Instance<PersonalData> features;

    @Inject
    AuditLog audit;

    /** The rows deleted, by what they were (such as "profiles": 12), over every feature. */
    @Transactional
    Map<String, Long> purge(long eventId) {
        Map<String, Long> counts = new TreeMap<>();
        features.stream().sorted(Comparator.comparing(PersonalData::section)).forEach(feature -> feature.purge(eventId)
                .forEach((what, rows) -> {
                    if (counts.put(what, rows) != null) {
                        throw new IllegalStateException("Two features count their purged rows as \"" + what + "\"");
                    }
                }));
        // An organizer's purge names them; the scheduled one is the server's own.
        audit.record(eventId, AuditAction.PURGE, AuditResource.PEOPLE, null, null, null, counts);
        return counts;
    }
}
