package io.hallway.suggestions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's opt-in to suggestions in an event, with what may be used to suggest them; no row: not opted in. */
@Entity
@IdClass(SuggestionSetting.Key.class)
public class SuggestionSetting extends PanacheEntityBase {

    record Key(long eventId, long userId) {
    }

    /** One thing the person is here for, with the topics it is about (none: any). */
    public record IntentChoice(Intent intent, List<String> topics) {
    }

    @Id
    public long eventId;
    @Id
    public long userId;
    public boolean useInterests;
    public boolean useIntents;
    public boolean useBookmarks;
    public boolean useCompany;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<IntentChoice> intents = new ArrayList<>();
    public Instant optedInAt = Instant.now();
    public Instant updatedAt = optedInAt;

    static Optional<SuggestionSetting> of(long eventId, long userId) {
        return find("eventId = ?1 and userId = ?2", eventId, userId).firstResultOptional();
    }

    /**
     * Whether the person opted in (before a dismissal, and for the personal-data catalogue; the suggestions request
     * asks it in its ranking statement): without loading the setting, and in SQL, since Hibernate translates a
     * counting query again on every call.
     */
    static boolean optedIn(long eventId, long userId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                select exists (select 1 from suggestion_setting where event_id = ?1 and user_id = ?2)""")
                .setParameter(1, eventId).setParameter(2, userId).getSingleResult();
    }
}
