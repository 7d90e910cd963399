package io.hallway.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

import io.hallway.common.SqlArrays;
import io.hallway.common.WireEnum;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's profile for one event; the same person has one per edition they attend. */
@Entity
public class Profile extends PanacheEntityBase {

    /**
     * Made once: every profile Hibernate loads starts from it before its stored map replaces it (building it per
     * instance showed in the suggestions profile). Unmodifiable: a profile's visibility is replaced, never edited.
     */
    private static final Map<String, String> DEFAULT_VISIBILITY;
    static {
        Map<String, String> defaults = new TreeMap<>();
        for (ProfileField field : ProfileField.values()) {
            defaults.put(field.wireName, field.defaultVisibility.wireName());
        }
        DEFAULT_VISIBILITY = Collections.unmodifiableMap(defaults);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long eventId;
    public long userId;
    public String displayName;
    public String pronouns;
    public String headline;
    public String company;
    public String bio;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> interests = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Link> links = new ArrayList<>();
    public String photoUrl;
    public String email;
    public String phone;
    /** Field wire name to visibility wire name, every field present (see {@link ProfileField}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> visibility = DEFAULT_VISIBILITY;
    public boolean inDirectory;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = createdAt;

    /**
     * These people's profiles in the event, to show and not to change: read-only, so Hibernate keeps no copy of
     * their JSON fields to compare at flush (copying them was half the cost of a suggestions request). The people
     * are one array parameter: a list parameter makes Hibernate translate the query again for every list length.
     */
    @SuppressWarnings("unchecked")
    public static List<Profile> toShow(long eventId, Collection<Long> userIds) {
        return getEntityManager().createNativeQuery("""
                select * from profile where event_id = ?1 and user_id = any(cast(?2 as bigint[]))""", Profile.class)
                .setParameter(1, eventId).setParameter(2, SqlArrays.of(userIds))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    public static Optional<Profile> of(long eventId, long userId) {
        return find("eventId = ?1 and userId = ?2", eventId, userId).firstResultOptional();
    }

    public static Optional<Profile> inEvent(long eventId, long id) {
        return find("eventId = ?1 and id = ?2", eventId, id).firstResultOptional();
    }

    public Visibility visibilityOf(ProfileField field) {
        String stored = visibility.get(field.wireName);
        return stored == null ? field.defaultVisibility : WireEnum.parse(Visibility.class, stored);
    }

    public boolean shows(ProfileField field, Audience audience) {
        return visibilityOf(field).shownTo(audience);
    }

    static Map<String, String> defaultVisibility() {
        return DEFAULT_VISIBILITY;
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }
}
